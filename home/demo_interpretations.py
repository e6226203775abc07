"""Demo 政策解读 links: each 解读 of the demo interprets the 政策文件 of its subject."""

from __future__ import annotations

from django.db import transaction
from django.db.models import Case, When

from disclosure.models import DisclosureDocumentPage, Genre, InterpretationLink
from home import demo_content as demo


def ensure_interpretation_links(index) -> int:
    """Link every demo 解读 that has no 原文 yet to the newest policy document of the same
    subject (主题词) in the same column tree, and give it a 解读形式; publish it again.
    Idempotent: a 解读 that has its links is left alone. Returns how many were linked."""
    documents = DisclosureDocumentPage.objects.descendant_of(index).live()
    readings = documents.filter(genre=Genre.INTERPRETATION, interpreted_documents__isnull=True)
    originals = documents.filter(genre__in=["notice", "opinion"]).exclude(keywords="")
    linked = 0
    for reading in readings.order_by("pk"):
        # an original of the same subject, published before its 解读
        same_subject = originals.filter(
            keywords=reading.keywords, publish_date__lte=reading.publish_date
        )
        # a 解读 of "《关于…的实施意见》" interprets the 意见 when there is one
        original = same_subject.order_by(
            Case(When(genre="opinion", then=0), default=1), "-publish_date"
        ).first()
        if original is None:
            continue
        kind = demo.INTERPRETATION_KINDS[linked % len(demo.INTERPRETATION_KINDS)]
        with transaction.atomic():
            reading.interpretation_kind = reading.interpretation_kind or kind
            reading.interpreted_documents.add(InterpretationLink(original=original))
            reading.save_revision().publish()
        linked += 1
    return linked
