"""The dashboard's admin URLs, menu item and home panels (imported by ``wagtail_hooks``)."""

from django.templatetags.static import static
from django.urls import include, path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from ..unit_access import is_webmaster


class WebmasterMenuItem(MenuItem):
    def is_shown(self, request):
        return is_webmaster(request.user)


def monitoring_menu_item() -> MenuItem:
    """栏目更新监测 in the 信息公开 group."""
    return WebmasterMenuItem(
        _("栏目更新监测"), reverse("disclosure_dashboard:monitoring"), icon_name="time", order=950
    )


@hooks.register("register_admin_urls")
def register_dashboard_urls():
    from . import views

    urls = [
        path("", views.monitoring_view, name="monitoring"),
        path("catalogue.<str:extension>", views.catalogue_export, name="catalogue"),
    ]
    return [path("disclosure/dashboard/", include((urls, "disclosure_dashboard")))]


@hooks.register("construct_homepage_panels")
def add_dashboard_panels(request, panels):
    from .panels import home_panels

    panels.extend(home_panels(request))


@hooks.register("insert_global_admin_css")
def dashboard_css():
    return format_html('<link rel="stylesheet" href="{}">', static("disclosure/dashboard.css"))
