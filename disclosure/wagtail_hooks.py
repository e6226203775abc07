from django.contrib import admin, messages
from django.http import Http404
from django.shortcuts import redirect
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail_modeladmin.options import ModelAdmin, ModelAdminGroup, modeladmin_register

from . import admin_locale, caching, columns, page_cache, routing, visibility
from .dashboard.hooks import monitoring_menu_item
from .models import (
    AnnualReportPage,
    DisclosureColumnPage,
    DisclosureUnit,
    ReportCategory,
    Topic,
)
from .permissions import admin_hooks as unit_workspace_hooks  # noqa: F401 - registers hooks
from .permissions.importing import may_import
from .permissions.unit_admin import UnitPeopleAdminMixin
from .register_admin import EnforcementRecordAdmin, InformationRequestAdmin, ReviewCaseAdmin
from .requests.letters.admin import LetterTemplateAdmin
from .requests.staff import admin_hooks as request_hooks  # noqa: F401 - the handling views
from .review.admin import ConfidentialityReviewAdmin
from .workday_admin import WorkdayOverrideAdmin, unconfirmed_years_panel


class DisclosureUnitAdmin(UnitPeopleAdminMixin, ModelAdmin):
    model = DisclosureUnit
    menu_label = _("公开单位")
    menu_icon = "group"
    list_display = ("name", "short_name", "code", "kind", "sort_order", "people")
    list_filter = ("kind",)
    search_fields = ("name", "short_name", "code")
    ordering = ("sort_order", "name")


class ReportCategoryAdmin(ModelAdmin):
    model = ReportCategory
    menu_label = _("统计类别")
    menu_icon = "list-ol"
    list_display = ("name", "sort_order", "fallback")
    ordering = ("sort_order",)

    @admin.display(description=_("兜底类别"))
    def fallback(self, category):
        return _("是") if category.is_fallback else ""


class TopicAdmin(ModelAdmin):
    model = Topic
    menu_label = _("主题分类")
    menu_icon = "tag"
    list_display = ("topic", "sort_order")
    list_filter = ("parent",)
    search_fields = ("name",)
    ordering = ("parent__sort_order", "sort_order")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("parent")

    @admin.display(description=_("主题分类"))
    def topic(self, topic):
        return topic.full_name


@modeladmin_register
class DisclosureAdminGroup(ModelAdminGroup):
    menu_label = _("信息公开")
    menu_icon = "folder-open-inverse"
    menu_order = 200
    items = (
        DisclosureUnitAdmin,
        ReportCategoryAdmin,
        TopicAdmin,
        InformationRequestAdmin,
        LetterTemplateAdmin,
        WorkdayOverrideAdmin,
        ReviewCaseAdmin,
        EnforcementRecordAdmin,
        ConfidentialityReviewAdmin,
    )

    def get_submenu_items(self):
        items = super().get_submenu_items()
        items.append(
            UnitPeopleMenuItem(
                _("年报报送"),
                reverse("disclosure_report_cycle:index"),
                icon_name="doc-full",
                order=850,
            )
        )
        items.append(
            CatalogueImportMenuItem(
                _("目录导入"), reverse("disclosure_import:upload"), icon_name="upload", order=900
            )
        )
        items.append(monitoring_menu_item())
        return items


class UnitPeopleMenuItem(MenuItem):
    """Shown to the people of a unit and to webmasters."""

    def is_shown(self, request):
        from .unit_access import user_units

        return user_units(request.user).exists()


class CatalogueImportMenuItem(MenuItem):
    def is_shown(self, request):
        return may_import(request.user)


@hooks.register("register_admin_urls")
def register_catalogue_import_urls():
    from . import admin_views

    urls = [
        path("", admin_views.upload, name="upload"),
        path("<str:job_id>/", admin_views.status, name="status"),
        path("<str:job_id>/confirm/", admin_views.confirm, name="confirm"),
        path("<str:job_id>/errors.csv", admin_views.report, name="report"),
        path("<str:job_id>/retry/", admin_views.retry, name="retry"),
    ]
    return [path("disclosure/import/", include((urls, "disclosure_import")))]


@hooks.register("before_move_page")
def refuse_fourth_column_level(request, page_to_move, destination):
    if not isinstance(page_to_move, DisclosureColumnPage):
        return None
    error = columns.too_deep_error(destination, columns.subtree_height(page_to_move))
    if error is None:
        return None
    messages.error(request, error.messages[0])
    return redirect("wagtailadmin_pages:move", page_to_move.id)


@hooks.register("before_serve_page")
def hide_pages_below_hidden_ancestors(page, request, serve_args, serve_kwargs):
    """Wagtail routes through unpublished and expired parents; the public may not."""
    if visibility.hidden_in_tree(page):
        raise Http404


@hooks.register("before_serve_page")
def cache_public_pages(page, request, serve_args, serve_kwargs):
    """A page served to the public may be cached until it, an ancestor or its subtree
    changes (``page_cache``); pages whose content sums up the catalogue say so."""
    tags = caching.page_tags(page, routing.ancestors_of(page))
    tags += list(getattr(page, "page_cache_extra_tags", ()))
    page_cache.cache_response_with(request, tags)


@hooks.register("before_serve_document")
def serve_documents_of_public_pages_only(document, request):
    """A file is public only while a public page attaches or links it (editors see all)."""
    if request.user.has_perm("wagtailadmin.access_admin"):
        return None
    if visibility.document_is_public(document):
        return None
    raise Http404


@hooks.register("register_log_actions")
def register_import_log_action(actions):
    from .importing import IMPORT_ACTION

    actions.register_action(IMPORT_ACTION, _("目录导入"), _("由目录导入创建并发布"))


@hooks.register("register_admin_urls")
def register_report_cycle_urls():
    from .reports import cycle_views

    urls = [
        path("", cycle_views.overview, name="index"),
        path("<int:year>/", cycle_views.overview, name="year"),
        path("<int:year>/consistency/", cycle_views.consistency, name="consistency"),
        path("submit/<int:page_id>/", cycle_views.submit, name="submit"),
        path("return/<int:page_id>/", cycle_views.return_report, name="return"),
    ]
    return [path("disclosure/report-cycle/", include((urls, "disclosure_report_cycle")))]


@hooks.register("register_log_actions")
def register_report_cycle_log_actions(actions):
    from .reports.cycle import RETURN_ACTION, SUBMIT_ACTION

    actions.register_action(SUBMIT_ACTION, _("报送年报"), _("年报已报送"))
    actions.register_action(RETURN_ACTION, _("退回年报"), _("年报已退回"))


@hooks.register("register_log_actions")
def register_request_log_action(actions):
    from .requests.workflow import TRANSITION_ACTION

    actions.register_action(TRANSITION_ACTION, _("申请办理"), _("依申请公开办理状态变更"))


@hooks.register("before_publish_page")
def refuse_annual_report_failing_hard_checks(request, page):
    """A report whose hard consistency rules fail cannot be published (rules listed)."""
    if not isinstance(page, AnnualReportPage) or page.is_frozen:
        return None
    failures = page.live_report().hard_failures
    if not failures:
        return None
    from .models.annual_report import hard_failure_message

    messages.error(request, hard_failure_message(failures))
    return redirect("wagtailadmin_pages:edit", page.pk)


@hooks.register("register_admin_urls")
def register_report_admin_urls():
    from .reports.admin_views import refresh_report_figures

    return [
        path(
            "disclosure/annual-report/<int:page_id>/refresh/",
            refresh_report_figures,
            name="disclosure_refresh_report_figures",
        )
    ]


class ServerProblemsPanel(Component):
    """On the admin's home page, for superusers: what this server lacks (e.g. the PDF font)."""

    name = "disclosure_server_problems"
    order = 10
    template_name = "disclosure/admin/server_problems_panel.html"

    def __init__(self, problems: list[str]):
        self.problems = problems

    def get_context_data(self, parent_context=None):
        return {"problems": self.problems}


@hooks.register("construct_homepage_panels")
def add_server_problems_panel(request, panels):
    from .checks import server_problems

    if request.user.is_superuser and (problems := server_problems()):
        panels.append(ServerProblemsPanel(problems))


@hooks.register("register_admin_urls")
def register_workday_urls():
    from .workday_admin import bulk_entry

    return [path("disclosure/workdays/bulk/", bulk_entry, name="disclosure_workdays_bulk")]


@hooks.register("register_admin_urls")
def register_letter_preview_urls():
    from .requests.letters.admin import urls

    return urls


@hooks.register("construct_homepage_panels")
def add_unconfirmed_years_panel(request, panels):
    if panel := unconfirmed_years_panel(request):
        panels.append(panel)


@hooks.register("construct_homepage_panels")
def add_my_tasks_panel(request, panels):
    from .review.panels import my_tasks_panel

    if panel := my_tasks_panel(request):
        panels.append(panel)


@hooks.register("insert_global_admin_js")
def add_javascript_catalog():
    return admin_locale.catalog_script()
