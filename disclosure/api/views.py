"""Read-only JSON API of public documents and columns, on Wagtail's API v2.

Wagtail's ``PagesAPIViewSet`` checks ``live`` and view restrictions on the page itself (and
lets a visitor who passed a password see more); here the base queryset is
``visibility.public_pages`` of the request's site for everyone: no page below an unpublished,
expired or restricted ancestor, no expired page, nothing scheduled. What Wagtail's endpoint
adds beyond that is left out: ``find/`` (routes through the tree), ``type``, ``child_of``
and the other tree filters, ``search``, the ``parent``/``alias_of``/``locale`` fields and the
per-field filters. Parameters are this package's forms (``query``), with Chinese errors.

Responses carry no session and are the same for every visitor; the page cache keeps them
until the catalogue changes (any publication, move, expiry or restriction bumps
``catalogue``).
"""

from __future__ import annotations

from django.http import Http404
from django.urls import path
from django.utils.translation import gettext as _
from rest_framework import status
from rest_framework.exceptions import APIException
from rest_framework.filters import BaseFilterBackend
from rest_framework.negotiation import BaseContentNegotiation
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from wagtail.api import APIField
from wagtail.api.utils import get_full_url
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.models import Page, Site

from ..models import DisclosureColumnPage, DisclosureDocumentPage, DisclosureIndexPage
from ..page_cache import cache_response_with
from ..visibility import public_pages, subtree_q
from . import fields
from .query import DetailQueryForm, DocumentQueryForm, PageQueryForm, form_errors


class QueryError(BadRequestError):
    def __init__(self, errors: dict[str, list[str]]):
        super().__init__(_("请求参数有误。"))
        self.errors = errors


class JSONOnly(BaseContentNegotiation):
    """Always JSON, whatever ``Accept`` or ``?format=`` asks for (no 404/406 on them)."""

    def select_parser(self, request, parsers):
        return parsers[0] if parsers else None

    def select_renderer(self, request, renderers, format_suffix=None):
        return renderers[0], renderers[0].media_type


class QueryFilter(BaseFilterBackend):
    def filter_queryset(self, request, queryset, view):
        return view.query.apply(queryset)


class QueryPagination(WagtailPagination):
    """Wagtail's ``limit``/``offset`` pages, validated by the query form (at most
    ``query.MAX_LIMIT`` items), with the URL of the next page."""

    def paginate_queryset(self, queryset, request, view=None):
        self.limit, self.offset = view.query.limit_and_offset()
        self.request = request
        self.total_count = queryset.count()
        items = list(queryset[self.offset : self.offset + self.limit])
        attach_ancestors(items)
        return items

    def get_paginated_response(self, data):
        next_url = None
        if self.offset + self.limit < self.total_count:
            query = self.request.GET.copy()
            query["offset"] = str(self.offset + self.limit)
            next_url = get_full_url(self.request, f"{self.request.path}?{query.urlencode()}")
        meta = {"total_count": self.total_count, "next": next_url}
        return Response({"meta": meta, "items": data})


def attach_ancestors(pages: list[Page]) -> None:
    """Set ``api_ancestors`` (root first) on each page, in one query for all of them."""
    steplen = Page.steplen
    prefixes = {p.path[:end] for p in pages for end in range(steplen, len(p.path), steplen)}
    found = {p.path: p for p in Page.objects.filter(path__in=prefixes)}
    for page in pages:
        ends = range(steplen, len(page.path), steplen)
        page.api_ancestors = [found[page.path[:end]] for end in ends if page.path[:end] in found]


class PublicPagesViewSet(PagesAPIViewSet):
    renderer_classes = [JSONRenderer]
    content_negotiation_class = JSONOnly
    authentication_classes: list = []  # the same answer for everyone: no session, no user
    permission_classes: list = []
    metadata_class = None  # OPTIONS is a 405 like any other method but GET and HEAD
    filter_backends = [QueryFilter]
    pagination_class = QueryPagination
    query_form_class = PageQueryForm
    body_fields = ["id", "title"]
    meta_fields = ["type", "detail_url", "html_url", "first_published_at", "last_published_at"]
    api_fields: list[APIField] = []
    detail_only_fields: list[str] = []

    @classmethod
    def get_body_fields(cls, model):
        return cls._convert_api_fields(cls.body_fields + cls.api_fields)

    @classmethod
    def get_meta_fields(cls, model):
        return cls._convert_api_fields(cls.meta_fields)

    @classmethod
    def get_listing_default_fields(cls, model):
        return cls.get_available_fields(model)

    @classmethod
    def get_detail_default_fields(cls, model):
        return cls.get_available_fields(model)

    @classmethod
    def get_urlpatterns(cls):
        return [
            path("", cls.as_view({"get": "listing_view"}), name="listing"),
            path("<int:pk>/", cls.as_view({"get": "detail_view"}), name="detail"),
        ]

    def site_root(self) -> Page:
        site = Site.find_for_request(self.request)
        if site is None:
            raise Http404
        return site.root_page

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        if self.action == "listing_view":
            form = self.query_form_class(request.GET, columns=self.public_columns())
        else:
            form = DetailQueryForm(request.GET)
        errors = {} if form.is_valid() else form_errors(form)
        for name in sorted(set(request.GET) - set(form.fields)):
            errors[name] = [_("不支持此参数。")]
        if errors:
            raise QueryError(errors)
        self.query = form
        cache_response_with(request._request, ["catalogue", "site"])  # the HttpRequest under DRF's

    def public_columns(self):
        pages = Page.objects.type(DisclosureColumnPage, DisclosureIndexPage)
        return public_pages(pages.filter(subtree_q(self.site_root())))

    def get_base_queryset(self):
        return public_pages(Page.objects.filter(subtree_q(self.site_root(), inclusive=True)))

    def get_queryset(self):
        return public_pages(self.model.objects.filter(subtree_q(self.site_root())))

    def check_query_parameters(self, queryset):
        """Checked by the query form in ``initial``."""

    def detail_view(self, request, pk):
        attach_ancestors([self.get_object()])
        return super().detail_view(request, pk)

    def handle_exception(self, exc):
        if isinstance(exc, QueryError):
            body = {"message": str(exc), "errors": exc.errors}
            return Response(body, status=status.HTTP_400_BAD_REQUEST)
        if isinstance(exc, BadRequestError):  # Wagtail's own checks of ``fields``
            body = {"message": _("请求参数有误。"), "errors": {"fields": [str(exc)]}}
            return Response(body, status=status.HTTP_400_BAD_REQUEST)
        if isinstance(exc, Http404):
            return Response({"message": _("未找到，或未公开。")}, status=status.HTTP_404_NOT_FOUND)
        if isinstance(exc, APIException):
            return Response({"message": _("不支持此请求。")}, status=exc.status_code)
        return super().handle_exception(exc)


class DocumentsViewSet(PublicPagesViewSet):
    """公开信息 with their catalogue metadata."""

    name = "documents"
    query_form_class = DocumentQueryForm
    api_fields = [
        APIField("index_no"),
        APIField("unit", serializer=fields.UnitField()),
        APIField("topic", serializer=fields.TopicField()),
        APIField("doc_number"),
        APIField("written_date"),
        APIField("publish_date"),
        APIField("validity", serializer=fields.LabelledChoiceField("get_validity_display")),
        APIField("repeal_date"),
        APIField("summary"),
        APIField("column", serializer=fields.ColumnField()),
        APIField("column_path", serializer=fields.ColumnPathField()),
        APIField("attachments", serializer=fields.AttachmentsField()),
    ]

    model = DisclosureDocumentPage

    def get_queryset(self):
        queryset = super().get_queryset().select_related("unit", "topic__parent")
        return queryset.prefetch_related("attachments__document")


class ColumnsViewSet(PublicPagesViewSet):
    """栏目, in tree order, with their feeds."""

    name = "columns"
    api_fields = [
        APIField("column", serializer=fields.ColumnField()),
        APIField("column_path", serializer=fields.ColumnPathField()),
        APIField("feeds", serializer=fields.FeedUrlsField()),
    ]

    model = DisclosureColumnPage


# Reversed as ``disclosure:api:<endpoint>:detail``: included by ``disclosure.urls``.
router = WagtailAPIRouter("disclosure:api")
router.register_endpoint("documents", DocumentsViewSet)
router.register_endpoint("columns", ColumnsViewSet)
