"""Admin (wagtail-modeladmin) of the registers and 年度执法数据: list with filters and search,
inspect view, CSV/XLSX export of the filtered list. Registered in the 信息公开 menu group."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail_modeladmin.helpers import PermissionHelper
from wagtail_modeladmin.options import ModelAdmin
from wagtail_modeladmin.views import IndexView

from .models import EnforcementRecord, InformationRequest, ReviewCase
from .permissions.registers import ScopedCreateView, ScopedEditView, UnitScopedAdminMixin
from .text import spreadsheet_text, xml_safe


def exported(model, field_name: str):
    """An export column with the field's display value; 0 stays 0 (not modeladmin's "-")."""

    def value(self, obj) -> str:
        display = getattr(obj, f"get_{field_name}_display", None)
        raw = display() if display else getattr(obj, field_name)
        return "" if raw is None else str(raw)

    value.short_description = model._meta.get_field(field_name).verbose_name
    return value


class RegisterIndexView(IndexView):
    """The filtered list and its CSV/XLSX export: text cells go through the project's one
    spreadsheet escaping (a subject typed as ``=HYPERLINK(…)`` stays text)."""

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        if export_format == self.FORMAT_CSV:
            return spreadsheet_text(value)
        return xml_safe(value)  # Wagtail's XLSX cells are typed as text already


class RegisterAdmin(UnitScopedAdminMixin, ModelAdmin):
    """A unit's handlers see and keep only their units' rows (``permissions.registers``)."""

    inspect_view_enabled = True
    index_view_class = RegisterIndexView

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("unit")


# The fields the handling workflow keeps (requests.staff): not typed into the register.
WORKFLOW_FIELDS = (
    "status",
    "submitted_at",
    "document_reference",
    "purpose",
    "carrier",
    "delivery_method",
    "supplement_requested",
    "supplement_due",
    "supplement_received",
    "extension_workdays",
)


def registered_status(row: InformationRequest) -> str:
    """A row typed in from paper, not handled in the portal: 已归档 once closed, else 办理中
    (as the migration set the rows that existed before the workflow)."""
    from .models import RequestStatus

    return RequestStatus.ARCHIVED if row.closed_date else RequestStatus.PROCESSING


class TypedInStatusMixin:
    """A row typed in from paper gets the status its dates say (``registered_status``); a
    request handled in the portal keeps the workflow's."""

    def form_valid(self, form):
        row = form.instance
        if not (row.pk and row.events.exists()):
            row.status = registered_status(row)
        return super().form_valid(form)


# What an applicant filed online and the workflow decides (unit, dates, outcome, fee):
# read-only in the register, so every change goes through ``requests.workflow`` and its log.
ONLINE_LOCKED_FIELDS = (
    "unit",
    "received_date",
    "channel",
    "applicant_type",
    "subject",
    "closed_date",
    "outcome",
    "fee_charged",
)


def filed_online(row: InformationRequest) -> bool:
    """Filed by the applicant through the portal's form (only that gives a 查询码)."""
    return bool(row.pk and row.query_code)


def handling_url(row: InformationRequest) -> str:
    return reverse("disclosure_requests:detail", args=[row.pk])


class RequestPermissionHelper(PermissionHelper):
    """A request filed online is never deleted by hand (retention anonymises it)."""

    def user_can_delete_obj(self, user, obj) -> bool:
        return not filed_online(obj) and super().user_can_delete_obj(user, obj)


class RequestCreateView(TypedInStatusMixin, ScopedCreateView):
    pass


class RequestEditView(TypedInStatusMixin, ScopedEditView):
    """An online request: its workflow fields are shown disabled, so a forged POST keeps
    the stored values (Django ignores the data of a disabled field)."""

    def get_form(self):
        form = super().get_form()
        if filed_online(self.instance):
            for name in ONLINE_LOCKED_FIELDS:
                if name in form.fields:
                    form.fields[name].disabled = True
        return form

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if filed_online(self.instance):
            context["online_handling_url"] = handling_url(self.instance)
        return context


class InformationRequestAdmin(RegisterAdmin):
    model = InformationRequest
    create_view_class = RequestCreateView
    edit_view_class = RequestEditView
    permission_helper_class = RequestPermissionHelper
    menu_label = _("依申请公开登记")
    menu_icon = "form"
    list_display = (
        "received_date",
        "unit",
        "applicant_type",
        "subject",
        "closed_date",
        "outcome",
        "fee_charged",
    )
    list_filter = ("unit", "applicant_type", "outcome", "channel", "received_date", "closed_date")
    search_fields = ("subject", "reference_no", "notes")
    ordering = ("-received_date", "-pk")
    export_channel = exported(InformationRequest, "channel")
    export_applicant_type = exported(InformationRequest, "applicant_type")
    export_outcome = exported(InformationRequest, "outcome")
    export_fee_charged = exported(InformationRequest, "fee_charged")
    list_export = (
        "reference_no",
        "unit",
        "received_date",
        "export_channel",
        "export_applicant_type",
        "subject",
        "closed_date",
        "export_outcome",
        "export_fee_charged",
        "notes",
    )
    export_filename = "information-requests"
    form_fields_exclude = WORKFLOW_FIELDS

    def delete_view(self, request, instance_pk):
        self._require_own_row(request, instance_pk)  # another unit's row or a bad id: 404
        rows = self.model._default_manager.filter(pk=instance_pk)
        row = rows.first() if str(instance_pk).isdigit() else None  # else the view's 404
        if row is not None and filed_online(row):
            messages.error(
                request,
                gettext(
                    "网上提交的申请不能在登记中删除；申请人的个人信息到保存期限后由系统匿名化。"
                    "请在“依申请公开办理”中办理该申请。"
                ),
            )
            return redirect(handling_url(row))
        return super().delete_view(request, instance_pk)


class ReviewCaseAdmin(RegisterAdmin):
    model = ReviewCase
    menu_label = _("复议诉讼登记")
    menu_icon = "doc-full"
    list_display = ("filed_date", "unit", "kind", "case_no", "closed_date", "result")
    list_filter = ("unit", "kind", "result", "filed_date", "closed_date")
    search_fields = ("case_no", "notes")
    ordering = ("-filed_date", "-pk")
    export_kind = exported(ReviewCase, "kind")
    export_result = exported(ReviewCase, "result")
    list_export = (
        "case_no",
        "unit",
        "export_kind",
        "filed_date",
        "closed_date",
        "export_result",
        "request",
        "notes",
    )
    export_filename = "review-cases"


class EnforcementRecordAdmin(RegisterAdmin):
    model = EnforcementRecord
    menu_label = _("年度执法数据")
    menu_icon = "table"
    list_display = (
        "year",
        "unit",
        "licensing_decisions",
        "penalty_decisions",
        "coercion_decisions",
        "fee_amount",
    )
    list_filter = ("year", "unit")
    search_fields = ("unit__name", "notes")
    ordering = ("-year", "unit__sort_order")
    export_year = exported(EnforcementRecord, "year")
    export_licensing_decisions = exported(EnforcementRecord, "licensing_decisions")
    export_penalty_decisions = exported(EnforcementRecord, "penalty_decisions")
    export_coercion_decisions = exported(EnforcementRecord, "coercion_decisions")
    export_fee_amount = exported(EnforcementRecord, "fee_amount")
    list_export = (
        "export_year",
        "unit",
        "export_licensing_decisions",
        "export_penalty_decisions",
        "export_coercion_decisions",
        "export_fee_amount",
        "notes",
    )
    export_filename = "enforcement-records"
