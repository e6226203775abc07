"""Helpers of the document-page tests: 政策解读 made as editors make them, links read back."""

import re

from disclosure.models import DisclosureDocumentPage, InterpretationLink

from .conftest import make_document


def make_interpretation(parent, unit, title, originals, *, kind="text", publish=True, **fields):
    """A 解读 of ``originals``, linked in its 解读的原文 panel, then (optionally) published."""
    document = make_document(
        parent,
        unit,
        title,
        publish=False,
        genre="interpretation",
        interpretation_kind=kind,
        **fields,
    )
    for original in originals:
        document.interpreted_documents.add(InterpretationLink(original=original))
    revision = document.save_revision()
    if publish:
        revision.publish()
    return DisclosureDocumentPage.objects.get(pk=document.pk)


def section(content: str, heading: str) -> str:
    """The HTML of the page section headed ``heading`` ("" if the page has none)."""
    match = re.search(rf"<h2[^>]*>{heading}</h2>(.*?)</section>", content, re.S)
    return match.group(1) if match else ""


def pager(content: str) -> dict[str, str | None]:
    """The titles linked as 上一篇 and 下一篇."""
    found = {}
    for rel in ("prev", "next"):
        match = re.search(rf'<a rel="{rel}" href="[^"]*">([^<]*)</a>', content)
        found[rel] = match.group(1) if match else None
    return found
