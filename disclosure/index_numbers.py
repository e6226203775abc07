"""Allocation of 索引号 (index numbers): one place, safe under concurrent publication.

A row per (unit, year) holds the last serial handed out. Allocation locks that row
(``SELECT ... FOR UPDATE`` on PostgreSQL; SQLite serialises writers itself), so two
editors publishing at the same moment never receive the same number.
"""

from django.db import transaction

from .conf import get_setting


def format_index_number(unit_code: str, year: int, serial: int) -> str:
    return get_setting("DISCLOSURE_INDEX_NUMBER_FORMAT").format(
        unit_code=unit_code, year=year, serial=serial
    )


def allocate_index_number(unit, year: int) -> str:
    """Hand out the next free index number of ``unit`` for ``year``."""
    from .models import DisclosureDocumentPage, IndexNumberSequence

    with transaction.atomic():
        sequence, _created = IndexNumberSequence.objects.select_for_update().get_or_create(
            unit=unit, year=year
        )
        # Skip serials already taken, e.g. by documents imported with their old numbers.
        while True:
            sequence.last_serial += 1
            number = format_index_number(unit.code, year, sequence.last_serial)
            if not DisclosureDocumentPage.objects.filter(index_no=number).exists():
                break
        sequence.save(update_fields=["last_serial"])
    return number
