"""索引号: format, per-unit per-year serials, uniqueness, freezing and concurrent allocation."""

import threading

import pytest
from django.db import IntegrityError, close_old_connections, connection

from disclosure.index_numbers import format_index_number
from disclosure.models import DisclosureDocumentPage

from .conftest import make_document, shanghai


def test_default_format_is_unit_code_year_serial(column, unit):
    document = make_document(column, unit, publish_date=shanghai(2023, 5, 6))
    assert document.index_no == f"{unit.code}/2023-00001"


def test_year_boundary_is_asia_shanghai(column, unit):
    # 2024-01-01 00:30 in Shanghai is still 2023 in UTC.
    new_year = make_document(column, unit, "新年", publish_date=shanghai(2024, 1, 1, 0, 30))
    old_year = make_document(column, unit, "岁末", publish_date=shanghai(2023, 12, 31, 23, 30))
    assert new_year.index_no.endswith("/2024-00001")
    assert old_year.index_no.endswith("/2023-00001")


def test_serials_run_per_unit_and_year(column, unit, other_unit):
    numbers = [
        make_document(column, u, f"文件{i}", publish_date=shanghai(year, 3, 1)).index_no
        for i, (u, year) in enumerate(
            [(unit, 2024), (other_unit, 2024), (unit, 2024), (unit, 2025), (other_unit, 2024)]
        )
    ]
    assert numbers == [
        f"{unit.code}/2024-00001",
        f"{other_unit.code}/2024-00001",
        f"{unit.code}/2024-00002",
        f"{unit.code}/2025-00001",
        f"{other_unit.code}/2024-00002",
    ]


def test_drafts_have_no_index_number_until_first_publication(column, unit):
    draft = make_document(column, unit, publish=False)
    assert draft.index_no is None
    assert draft.publish_date is None
    draft.get_latest_revision().publish()
    draft.refresh_from_db()
    assert draft.index_no.startswith(unit.code)
    assert draft.publish_date == draft.first_published_at


def test_index_number_is_frozen_once_published(column, unit, other_unit):
    document = make_document(column, unit, publish_date=shanghai(2022, 6, 1))
    original = document.index_no
    # A webmaster (only they may change the unit of a published document) changes the
    # unit, the date and the title and publishes again.
    document.unit_change_allowed = True
    document.unit = other_unit
    document.publish_date = shanghai(2025, 1, 1)
    document.title = "修改后的标题"
    document.index_no = "篡改/2025-99999"
    document.save_revision().publish()
    document.refresh_from_db()
    assert document.title == "修改后的标题"
    assert document.index_no == original


def test_a_draft_saved_before_publication_keeps_the_number_when_published_later(column, unit):
    document = make_document(column, unit, publish=False)
    stale_draft = document.get_latest_revision()
    document.get_latest_revision().publish()
    document.refresh_from_db()
    number = document.index_no
    stale_draft.publish()  # its stored content has no index number
    document.refresh_from_db()
    assert document.index_no == number


def test_index_numbers_are_unique_in_the_database(column, unit):
    document = make_document(column, unit)
    other = make_document(column, unit, "另一份")
    with pytest.raises(IntegrityError):
        DisclosureDocumentPage.objects.filter(pk=other.pk).update(index_no=document.index_no)


def test_format_is_a_setting(settings, column, unit):
    settings.DISCLOSURE_INDEX_NUMBER_FORMAT = "{unit_code}-{year}-{serial:06d}"
    document = make_document(column, unit, publish_date=shanghai(2024, 2, 2))
    assert document.index_no == f"{unit.code}-2024-000001"
    assert format_index_number("X", 2020, 7) == "X-2020-000007"


def test_allocation_skips_numbers_already_taken(column, unit):
    taken = make_document(column, unit, "旧系统导入", publish=False)
    DisclosureDocumentPage.objects.filter(pk=taken.pk).update(index_no=f"{unit.code}/2024-00001")
    fresh = make_document(column, unit, publish_date=shanghai(2024, 8, 8))
    assert fresh.index_no == f"{unit.code}/2024-00002"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_publication_never_hands_out_a_number_twice(column, unit):
    drafts = [make_document(column, unit, f"并发{i}", publish=False) for i in range(12)]
    barrier = threading.Barrier(6)
    errors: list[BaseException] = []

    def publish(batch):
        try:
            barrier.wait()
            for draft in batch:
                DisclosureDocumentPage.objects.get(pk=draft.pk).get_latest_revision().publish()
        except BaseException as error:  # noqa: BLE001 - reported by the assertion below
            errors.append(error)
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=publish, args=(drafts[i::6],)) for i in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    numbers = list(
        DisclosureDocumentPage.objects.filter(pk__in=[d.pk for d in drafts]).values_list(
            "index_no", flat=True
        )
    )
    assert None not in numbers
    assert len(set(numbers)) == 12
    serials = sorted(int(n.rsplit("-", 1)[1]) for n in numbers)
    assert serials == list(range(1, 13))
