"""Admin view: refresh a published annual report's frozen figures in a new revision."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from .panels import SECTION_LABELS


def refresh_report_figures(request, page_id: int):
    from ..models import AnnualReportPage

    page = get_object_or_404(AnnualReportPage, pk=page_id)
    permissions = page.permissions_for_user(request.user)
    if not permissions.can_edit() or (page.live and not permissions.can_publish()):
        raise PermissionDenied
    draft = page.get_latest_revision_as_object()
    if request.method == "POST":
        try:
            draft.freeze()
        except ValidationError as error:
            messages.error(request, error.messages[0])
            return redirect("wagtailadmin_pages:edit", page.pk)
        revision = draft.save_revision(user=request.user, log_action=True)
        if page.live:
            revision.publish(user=request.user)
        messages.success(request, _("年报数据已更新为当前实时数据。"))
        return redirect("wagtailadmin_pages:edit", page.pk)
    return TemplateResponse(
        request,
        "disclosure/admin/refresh_report_figures.html",
        {
            "page": page,
            "changed_sections": [SECTION_LABELS[s] for s in page.changed_sections()],
        },
    )
