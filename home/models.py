from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from disclosure.routing import ChainRoutingMixin


class HomePage(ChainRoutingMixin, Page):
    intro = RichTextField(_("导语"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]

    class Meta:
        verbose_name = _("首页")

    def get_context(self, request, *args, **kwargs):
        from disclosure import caching
        from disclosure.listing import (
            LISTING_ORDER,
            children_q,
            documents_in_order,
            public_documents,
            public_pages,
            subtree_q,
        )
        from disclosure.models import DisclosureIndexPage
        from disclosure.routing import ancestors_of

        context = super().get_context(request, *args, **kwargs)
        context["disclosure_indexes"] = public_pages(
            DisclosureIndexPage.objects.type(DisclosureIndexPage).filter(children_q(self))
        )
        latest = public_documents().filter(subtree_q(self)).order_by(*LISTING_ORDER)
        context["latest_documents"] = documents_in_order(
            caching.cached_value(
                f"latest:{self.pk}",
                caching.page_tags(self, ancestors_of(self)),
                lambda: list(latest.values_list("pk", flat=True)[:10]),
            )
        )
        return context
