"""The plugin's page models, by the path they have always been imported from (and the one
migration 0001 names ``ExpiryAwareMixin`` by). Each lives in the module named for it:
``column_pages`` (the index and its columns), ``document_pages`` (公开信息) and ``expiry``."""

from .column_pages import DisclosureColumnPage, DisclosureIndexPage
from .document_pages import SHORT_SLUG_LENGTH, DisclosureDocumentPage, short_slug
from .expiry import ExpiryAwareMixin

__all__ = [
    "SHORT_SLUG_LENGTH",
    "DisclosureColumnPage",
    "DisclosureDocumentPage",
    "DisclosureIndexPage",
    "ExpiryAwareMixin",
    "short_slug",
]
