from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page


class HomePage(Page):
    intro = RichTextField(_("导语"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]

    class Meta:
        verbose_name = _("首页")

    def get_context(self, request, *args, **kwargs):
        from disclosure.listing import public_documents, public_pages
        from disclosure.models import DisclosureIndexPage

        context = super().get_context(request, *args, **kwargs)
        context["disclosure_indexes"] = public_pages(DisclosureIndexPage.objects.child_of(self))
        context["latest_documents"] = (
            public_documents()
            .descendant_of(self)
            .select_related("unit")
            .order_by("-publish_date", "-pk")[:10]
        )
        return context
