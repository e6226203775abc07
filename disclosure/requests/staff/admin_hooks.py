"""Wagtail hooks of the staff request views (imported by ``disclosure.wagtail_hooks``)."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from ...models import UnitRole
from ...unit_access import user_units


@hooks.register("register_admin_urls")
def register_request_urls():
    from . import views

    urls = [
        path("", views.request_list, name="list"),
        path("<int:pk>/", views.request_detail, name="detail"),
        path("<int:pk>/files/<int:document_id>/", views.request_file, name="file"),
        path("<int:pk>/<slug:step>/", views.request_step, name="step"),
    ]
    return [path("disclosure/requests/", include((urls, "disclosure_requests")))]


class HandlerMenuItem(MenuItem):
    def is_shown(self, request):
        return user_units(request.user, UnitRole.HANDLER).exists()


@hooks.register("register_admin_menu_item")
def register_request_menu_item():
    return HandlerMenuItem(
        _("依申请公开办理"),
        reverse("disclosure_requests:list"),
        name="disclosure-requests",
        icon_name="form",
        order=210,
    )


@hooks.register("construct_homepage_panels")
def add_request_deadlines_panel(request, panels):
    from .panels import request_deadlines_panel

    if panel := request_deadlines_panel(request):
        panels.append(panel)
