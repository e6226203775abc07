from django.db import models
from django.utils.translation import gettext_lazy as _

from ..validators import normalize_unit_code, validate_unit_code
from .cleaning import CleanTextMixin


class DisclosureUnit(CleanTextMixin, models.Model):
    """A body that publishes in the disclosure section (公开单位)."""

    class Kind(models.TextChoices):
        DISTRICT_GOVERNMENT = "district_government", _("区政府")
        DEPARTMENT = "department", _("区政府部门")
        SUBDISTRICT = "subdistrict", _("街道")
        TOWN = "town", _("镇")

    name = models.CharField(_("名称"), max_length=100, unique=True)
    short_name = models.CharField(_("简称"), max_length=50, blank=True)
    code = models.CharField(
        _("统一社会信用代码或组织机构代码"),
        max_length=18,
        unique=True,
        validators=[validate_unit_code],
        help_text=_("18 位统一社会信用代码，或 9 位组织机构代码（可含连字符，保存时去掉）。"),
    )
    kind = models.CharField(_("类型"), max_length=32, choices=Kind.choices)
    sort_order = models.PositiveIntegerField(_("排序"), default=0)

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("公开单位")
        verbose_name_plural = _("公开单位")

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        self.code = normalize_unit_code(self.code)
        super().save(*args, **kwargs)

    def clean(self) -> None:
        self.code = normalize_unit_code(self.code)
