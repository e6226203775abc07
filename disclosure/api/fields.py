"""How the API writes the catalogue metadata of a document or a column (DRF fields)."""

from __future__ import annotations

from django.urls import NoReverseMatch, reverse
from rest_framework.fields import Field, SkipField
from wagtail.api.utils import get_full_url


class UnitField(Field):
    """发布机构: ``{"id", "name", "short_name", "code"}``."""

    def to_representation(self, unit) -> dict:
        return {"id": unit.pk, "name": unit.name, "short_name": unit.short_name, "code": unit.code}


class TopicField(Field):
    """主题分类: ``{"id", "name", "full_name"}`` (``full_name``: ``一级\\二级``)."""

    def to_representation(self, topic) -> dict | None:
        if topic is None:
            return None
        return {"id": topic.pk, "name": topic.name, "full_name": topic.full_name}


class LabelledChoiceField(Field):
    """A choice as ``{"value", "label"}`` (``label`` in Chinese)."""

    def __init__(self, display: str, **kwargs):
        self.display = display
        super().__init__(source="*", **kwargs)

    def to_representation(self, instance) -> dict:
        return {
            "value": getattr(instance, self.field_name),
            "label": str(getattr(instance, self.display)()),
        }


class AttachmentsField(Field):
    """附件: ``[{"title", "url"}]``, absolute URLs of the files (served after a visibility
    check, ``wagtail_hooks.serve_documents_of_public_pages_only``)."""

    def __init__(self, **kwargs):
        super().__init__(source="*", **kwargs)

    def to_representation(self, page) -> list[dict]:
        request = self.context["request"]
        return [
            {
                "title": attachment.display_title,
                "url": get_full_url(request, attachment.document.url),
            }
            for attachment in page.attachments.all()
        ]


class ColumnField(Field):
    """The column a document is in: ``{"id", "title", "html_url"}``; for a column, its parent
    column (``null`` below the index). Reads ``api_ancestors`` (``views.attach_ancestors``)."""

    def __init__(self, **kwargs):
        super().__init__(source="*", **kwargs)

    def to_representation(self, page) -> dict | None:
        from ..models import DisclosureColumnPage

        ancestors = page.api_ancestors
        parent = ancestors[-1] if ancestors else None
        if parent is None or parent.specific_class is not DisclosureColumnPage:
            return None
        request = self.context["request"]
        return {"id": parent.pk, "title": parent.title, "html_url": parent.get_full_url(request)}


class ColumnPathField(Field):
    """栏目路径: the titles from the disclosure index down to the document's column (for a
    column, down to the column itself)."""

    def __init__(self, **kwargs):
        super().__init__(source="*", **kwargs)

    def to_representation(self, page) -> list[str]:
        from ..models import DisclosureColumnPage, DisclosureIndexPage

        kinds = (DisclosureColumnPage, DisclosureIndexPage)
        return [p.title for p in [*page.api_ancestors, page] if p.specific_class in kinds]


class FeedUrlsField(Field):
    """A column's feeds: ``{"rss", "atom"}``, absolute (omitted without ``disclosure.urls``)."""

    def get_attribute(self, page) -> dict:
        request = self.context["request"]
        try:
            return {
                kind: get_full_url(request, reverse(f"disclosure:feed_{kind}", args=[page.pk]))
                for kind in ("rss", "atom")
            }
        except NoReverseMatch as error:
            raise SkipField from error

    def to_representation(self, urls: dict) -> dict:
        return urls
