from django.db import models
from django.utils.translation import gettext_lazy as _

from .cleaning import CleanTextMixin


class ReportCategory(CleanTextMixin, models.Model):
    """A category of the annual report's statistics (统计类别); editable data."""

    name = models.CharField(_("名称"), max_length=50, unique=True)
    sort_order = models.PositiveIntegerField(_("排序"), default=0)
    is_fallback = models.BooleanField(
        _("兜底类别"),
        default=False,
        help_text=_("未设置统计类别、栏目也未指定时归入此类（通常为“其他”）。"),
    )

    class Meta:
        ordering = ["sort_order", "pk"]
        verbose_name = _("统计类别")
        verbose_name_plural = _("统计类别")

    def __str__(self) -> str:
        return self.name

    @classmethod
    def fallback(cls) -> "ReportCategory | None":
        return cls.objects.filter(is_fallback=True).order_by("sort_order").first()


class Topic(CleanTextMixin, models.Model):
    """The State Council two-level topic list (主题分类); editable data."""

    name = models.CharField(_("名称"), max_length=50)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("上级分类"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    sort_order = models.PositiveIntegerField(_("排序"), default=0)

    class Meta:
        ordering = ["sort_order", "pk"]
        verbose_name = _("主题分类")
        verbose_name_plural = _("主题分类")
        constraints = [
            models.UniqueConstraint(fields=["parent", "name"], name="unique_topic_name_per_parent"),
            models.UniqueConstraint(
                fields=["name"],
                condition=models.Q(parent__isnull=True),
                name="unique_top_level_topic_name",
            ),
        ]

    def __str__(self) -> str:
        return self.full_name

    @property
    def display_name(self) -> str:
        """How the public reads it: ``一级 › 二级``."""
        if self.parent_id:
            return f"{self.parent.name} › {self.name}"
        return self.name

    @property
    def full_name(self) -> str:
        """The catalogue form ``一级\\二级`` of imports and exports (round-trips)."""
        if self.parent_id:
            return f"{self.parent.name}\\{self.name}"
        return self.name
