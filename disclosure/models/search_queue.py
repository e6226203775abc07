from django.db import models
from django.utils.translation import gettext_lazy as _


class PendingSearchUpdate(models.Model):
    """A page that an external search engine (Elasticsearch) has not received yet: it was
    written while the engine was unreachable. ``search_updates.retry_pending`` (run by the
    scheduler every minute) sends it and deletes the row."""

    page = models.OneToOneField(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+", verbose_name=_("页面")
    )
    queued_at = models.DateTimeField(_("排队时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("待更新的搜索索引")
        verbose_name_plural = _("待更新的搜索索引")

    def __str__(self) -> str:
        return str(self.page_id)
