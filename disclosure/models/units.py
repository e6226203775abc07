from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    PageChooserPanel,
)
from wagtail.models import Orderable

from ..validators import normalize_unit_code, validate_unit_code
from .cleaning import CleanTextMixin

validate_postcode = RegexValidator(r"^\d{6}$", _("邮编应为 6 位数字。"), code="bad_postcode")


class DisclosureUnit(CleanTextMixin, ClusterableModel):
    """A body that publishes in the disclosure section (公开单位), with the 机构信息 the
    public reads on its own page (``disclosure.unit_pages``)."""

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

    # 机构信息: what the unit's public page shows
    is_public = models.BooleanField(
        _("公开机构信息页"),
        default=True,
        help_text=_("取消勾选后，本单位不出现在机构列表中，其机构信息页不可访问。"),
    )
    responsibilities = models.TextField(_("机构职能"), blank=True)
    address = models.CharField(_("办公地址"), max_length=200, blank=True)
    office_hours = models.CharField(
        _("办公时间"),
        max_length=200,
        blank=True,
        help_text=_("例如：工作日 8:30—12:00，13:30—17:30"),
    )
    phone = models.CharField(_("联系电话"), max_length=100, blank=True)
    fax = models.CharField(_("传真"), max_length=100, blank=True)
    postcode = models.CharField(_("邮编"), max_length=6, blank=True, validators=[validate_postcode])
    email = models.EmailField(_("电子邮箱"), blank=True)
    guide_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("信息公开指南页面"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("本单位的政府信息公开指南所在页面；未发布的页面不会在门户上链接。"),
    )
    guide_url = models.URLField(
        _("信息公开指南网址"),
        blank=True,
        help_text=_("指南不在本站时填写；已选择指南页面时以页面为准。"),
    )

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("short_name"), FieldPanel("code")]),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("sort_order")]),
        MultiFieldPanel(
            [
                FieldPanel("is_public"),
                FieldPanel("responsibilities"),
                FieldRowPanel([FieldPanel("address"), FieldPanel("postcode")]),
                FieldPanel("office_hours"),
                FieldRowPanel([FieldPanel("phone"), FieldPanel("fax"), FieldPanel("email")]),
                PageChooserPanel("guide_page"),
                FieldPanel("guide_url"),
            ],
            heading=_("机构信息"),
        ),
        InlinePanel("leaders", heading=_("领导信息"), label=_("领导")),
    ]

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


class UnitLeader(CleanTextMixin, Orderable):
    """领导信息: one leader of a unit, in the order the editor gives."""

    unit = ParentalKey(DisclosureUnit, related_name="leaders", on_delete=models.CASCADE)
    name = models.CharField(_("姓名"), max_length=50)
    post = models.CharField(_("职务"), max_length=100)
    responsibilities = models.TextField(_("工作分工"), blank=True)

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("post")]),
        FieldPanel("responsibilities"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("领导")
        verbose_name_plural = _("领导信息")

    def __str__(self) -> str:
        return f"{self.post} {self.name}"
