"""政策解读 ↔ 原文: an interpretation (体裁 解读) names the documents it interprets.

The link lives on the interpretation, the way editors work: the original is published first,
and whoever writes its 解读 picks it in the 解读的原文 panel. The original's page lists its
public interpretations (相关解读) through the reverse relation, each with its 解读形式.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import PageChooserPanel
from wagtail.models import Orderable

from .choices import Genre


class InterpretationLink(Orderable):
    page = ParentalKey(
        "disclosure.DisclosureDocumentPage",
        related_name="interpreted_documents",
        on_delete=models.CASCADE,
        verbose_name=_("解读"),
    )
    original = models.ForeignKey(
        "disclosure.DisclosureDocumentPage",
        verbose_name=_("原文"),
        on_delete=models.CASCADE,
        related_name="interpretation_links",
    )

    panels = [PageChooserPanel("original", "disclosure.DisclosureDocumentPage")]

    class Meta(Orderable.Meta):
        verbose_name = _("解读的原文")
        verbose_name_plural = _("解读的原文")
        constraints = [
            models.UniqueConstraint(fields=["page", "original"], name="disclosure_unique_original")
        ]

    def __str__(self) -> str:
        return str(self.original)


def interpretation_errors(document) -> dict:
    """What is wrong with a document's 解读 fields (``link_errors``), its links as they stand
    in memory (the admin's panel, or code)."""
    originals = [link.original_id for link in document.interpreted_documents.all()]
    return link_errors(document.genre, document.interpretation_kind, document.pk, originals)


def link_errors(genre: str, kind: str, pk: int | None, originals: list[int]) -> dict:
    """A 解读形式 or 原文 on a document that is no 解读, a link to itself, a link twice."""
    errors = {}
    is_interpretation = genre == Genre.INTERPRETATION
    if kind and not is_interpretation:
        errors["interpretation_kind"] = _("只有体裁为“解读”的信息才能选择解读形式。")
    if originals and not is_interpretation:
        errors["genre"] = _("关联了解读的原文，体裁须为“解读”。")
    elif pk and pk in originals:
        errors["genre"] = _("解读不能关联自身为原文。")
    elif len(set(originals)) < len(originals):
        errors["genre"] = _("同一份原文只需关联一次。")
    return errors
