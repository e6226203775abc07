"""The portal's identity as a Wagtail site setting (设置 → 门户网站信息): the names, the
organisers, the contact, the filing numbers and marks every government site shows in its
footer, and the public address its absolute links use."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

ICP_QUERY_URL = "https://beian.miit.gov.cn/"
POLICE_QUERY_URL = "https://beian.mps.gov.cn/#/query/webSearch"
DEFAULT_SITE_NAME = "区人民政府门户网站"

site_code_validator = RegexValidator(
    r"^[0-9A-Za-z]{10}$", _("网站标识码为10位数字或字母，例如 1101050001。")
)


def validate_public_base_url(value: str) -> None:
    """Scheme and host only (``https://www.example.gov.cn``): links are built by appending
    the page's path, so a path, query or fragment here would break every one of them."""
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValidationError(
            _("请填写以 http:// 或 https:// 开头的网址，例如 https://www.example.gov.cn。")
        )
    if parts.path not in ("", "/") or parts.query or parts.fragment or parts.username:
        raise ValidationError(_("只填写协议和域名（可带端口），不要带路径、参数或用户名。"))


@register_setting(icon="site", name="portal-settings")
class PortalSettings(BaseSiteSetting):
    site_name = models.CharField(
        _("网站名称"),
        max_length=60,
        default=DEFAULT_SITE_NAME,
        help_text=_("显示在页头、浏览器标题和首页，例如“某某区人民政府门户网站”。"),
    )
    district_name = models.CharField(
        _("地区名称"),
        max_length=40,
        blank=True,
        help_text=_("首页显示的地区或机关名称，例如“某某区人民政府”。"),
    )
    public_base_url = models.URLField(
        _("网站访问地址"),
        blank=True,
        validators=[validate_public_base_url],
        help_text=_(
            "公众访问本站的地址，例如 https://www.example.gov.cn。目录下载文件、站点地图"
            "（sitemap.xml）和 robots.txt 中的完整链接以此为准；留空则使用站点的主机名和端口。"
        ),
    )
    sponsor = models.CharField(_("主办单位"), max_length=100, blank=True)
    organizer = models.CharField(_("承办单位"), max_length=100, blank=True)
    address = models.CharField(_("联系地址"), max_length=200, blank=True)
    postcode = models.CharField(
        _("邮政编码"),
        max_length=6,
        blank=True,
        validators=[RegexValidator(r"^\d{6}$", _("邮政编码为6位数字。"))],
    )
    phone = models.CharField(_("联系电话"), max_length=60, blank=True)
    email = models.EmailField(_("电子邮箱"), blank=True)
    site_code = models.CharField(
        _("网站标识码"), max_length=10, blank=True, validators=[site_code_validator]
    )
    icp_number = models.CharField(
        _("ICP备案号"), max_length=60, blank=True, help_text=_("例如“京ICP备12345678号”。")
    )
    icp_url = models.URLField(
        _("ICP备案查询链接"),
        blank=True,
        default=ICP_QUERY_URL,
        help_text=_("点击备案号时打开的网址，一般为工业和信息化部备案管理系统。"),
    )
    police_number = models.CharField(
        _("公安机关备案号"),
        max_length=60,
        blank=True,
        help_text=_("例如“京公网安备 11010502000001号”。"),
    )
    police_url = models.URLField(
        _("公安机关备案查询链接"),
        blank=True,
        help_text=_("留空则链接到全国互联网安全管理服务平台按备案号查询。"),
    )
    party_mark = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("党政机关网站标识"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("开办单位取得的“党政机关”网站标识图片。"),
    )
    party_mark_url = models.URLField(
        _("党政机关网站标识链接"),
        blank=True,
        help_text=_("点击标识时打开的网址（机构编制部门提供的网站开办者核验页面）。"),
    )
    contact_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("“联系我们”页面"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("site_name"), FieldPanel("district_name"), FieldPanel("public_base_url")],
            heading=_("网站"),
        ),
        MultiFieldPanel(
            [FieldPanel("sponsor"), FieldPanel("organizer")], heading=_("主办和承办单位")
        ),
        MultiFieldPanel(
            [
                FieldPanel("address"),
                FieldPanel("postcode"),
                FieldPanel("phone"),
                FieldPanel("email"),
                FieldPanel("contact_page"),
            ],
            heading=_("联系方式"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("site_code"),
                FieldPanel("icp_number"),
                FieldPanel("icp_url"),
                FieldPanel("police_number"),
                FieldPanel("police_url"),
                FieldPanel("party_mark"),
                FieldPanel("party_mark_url"),
            ],
            heading=_("备案和标识"),
        ),
    ]

    class Meta:
        verbose_name = _("门户网站信息")
        verbose_name_plural = _("门户网站信息")

    @classmethod
    def find_for_site(cls, site) -> PortalSettings:
        """The site's settings, or unsaved defaults: unlike ``for_site`` a public page never
        writes a row (the write would purge the page cache while the page renders)."""
        found = cls.base_queryset().filter(site=site).first()
        return found or cls(site=site)

    def clean(self) -> None:
        super().clean()
        self.public_base_url = self.public_base_url.strip().rstrip("/")

    @property
    def police_link(self) -> str:
        """The configured link, else the national platform's query for the number's digits."""
        if self.police_url:
            return self.police_url
        digits = "".join(re.findall(r"\d+", self.police_number))
        return f"{POLICE_QUERY_URL}?code={digits}" if digits else ""
