"""保密审查登记: every review form, searchable and filterable, exportable as CSV/XLSX (the
register an audit asks for). Webmasters only; records are written by the chain, never here."""

from __future__ import annotations

from django.contrib import admin
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail_modeladmin.helpers import PermissionHelper

from disclosure.models.review import ConfidentialityReview
from disclosure.register_admin import RegisterAdmin, exported
from disclosure.unit_access import is_webmaster


class WebmastersReadOnly(PermissionHelper):
    def user_can_list(self, user) -> bool:
        return is_webmaster(user)

    def user_can_inspect_obj(self, user, obj) -> bool:
        return is_webmaster(user)

    def user_can_create(self, user) -> bool:
        return False

    def user_can_edit_obj(self, user, obj) -> bool:
        return False

    def user_can_delete_obj(self, user, obj) -> bool:
        return False


class ConfidentialityReviewAdmin(RegisterAdmin):
    model = ConfidentialityReview
    menu_label = _("保密审查登记")
    menu_icon = "clipboard-list"
    permission_helper_class = WebmastersReadOnly
    list_display = (
        "reviewed_at",
        "title",
        "index_no",
        "unit",
        "reviewer_name",
        "conclusion",
        "legal_basis",
    )
    list_filter = ("conclusion", "legal_basis", "unit", "reviewed_at")
    search_fields = ("title", "index_no", "opinion", "reviewer_name")
    ordering = ("-reviewed_at", "-pk")
    inspect_view_fields = (
        "title",
        "index_no",
        "unit",
        "page",
        "revision",
        "reviewer_name",
        "reviewed_at",
        "conclusion",
        "legal_basis",
        "opinion",
    )
    export_conclusion = exported(ConfidentialityReview, "conclusion")
    export_legal_basis = exported(ConfidentialityReview, "legal_basis")

    @admin.display(description=_("审查时间"))
    def export_reviewed_at(self, review: ConfidentialityReview) -> str:
        return timezone.localtime(review.reviewed_at).strftime("%Y-%m-%d %H:%M")

    list_export = (
        "export_reviewed_at",
        "title",
        "index_no",
        "unit",
        "reviewer_name",
        "export_conclusion",
        "export_legal_basis",
        "opinion",
        "revision_id",
    )
    export_filename = "confidentiality-reviews"
