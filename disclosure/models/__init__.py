from .choices import Genre, Validity
from .pages import (
    DisclosureAttachment,
    DisclosureColumnPage,
    DisclosureDocumentPage,
    DisclosureIndexPage,
)
from .sequences import IndexNumberSequence
from .taxonomy import ReportCategory, Topic
from .units import DisclosureUnit

__all__ = [
    "DisclosureAttachment",
    "DisclosureColumnPage",
    "DisclosureDocumentPage",
    "DisclosureIndexPage",
    "DisclosureUnit",
    "Genre",
    "IndexNumberSequence",
    "ReportCategory",
    "Topic",
    "Validity",
]
