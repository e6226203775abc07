"""Wagtail hooks of the unit workspaces (imported by ``disclosure.wagtail_hooks``)."""

from django.core.exceptions import PermissionDenied
from django.urls import path
from wagtail import hooks

from ..unit_access import is_webmaster


def may_create_type(user, page_class) -> bool:
    """A unit's people create documents and their own 年报 (the form offers only their
    units); columns and statistics pages are the webmasters'. (Which columns and as which
    unit: ``pages`` and ``documents``.)"""
    from ..models import AnnualReportPage, DisclosureDocumentPage

    if page_class._meta.app_label != "disclosure" or page_class in (
        DisclosureDocumentPage,
        AnnualReportPage,
    ):
        return True
    return is_webmaster(user)


@hooks.register("before_create_page")
def only_documents_for_unit_people(request, parent_page, page_class):
    if not may_create_type(request.user, page_class):
        raise PermissionDenied
    return None


@hooks.register("construct_page_chooser_queryset")
def no_other_units_drafts_in_the_chooser(pages, request):
    """The page chooser (e.g. 解读的原文) lists no other unit's draft either."""
    from .pages import hidden_documents

    return pages.exclude(pk__in=hidden_documents(request.user).values("pk"))


@hooks.register("register_admin_urls")
def register_unit_people_urls():
    from .unit_admin import add_person

    return [
        path(
            "disclosure/units/<int:unit_id>/people/add/",
            add_person,
            name="disclosure_unit_add_person",
        )
    ]
