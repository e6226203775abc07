from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from disclosure.routing import ChainRoutingMixin

from .portal_settings import PortalSettings  # noqa: F401 - a model of this app


class HomePage(ChainRoutingMixin, Page):
    intro = RichTextField(_("导语"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]

    class Meta:
        verbose_name = _("首页")

    def get_context(self, request, *args, **kwargs):
        from disclosure.statistics import REPORT_TIMEZONE

        from .front_page import figures_at_a_glance, home_blocks

        context = super().get_context(request, *args, **kwargs)
        context["blocks"] = blocks = home_blocks(self, request)
        context["latest_documents"] = blocks["latest"]["documents"]
        context["figures"] = figures_at_a_glance(timezone.now().astimezone(REPORT_TIMEZONE).year)
        return context
