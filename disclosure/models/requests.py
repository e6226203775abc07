"""The online side of 依申请公开: the applicant's personal data, the request's clock pauses
and its timeline. The request itself stays ``InformationRequest`` (registers.py), so Table B
keeps one source whether a request came through the portal or was typed in afterwards.

Personal data lives only in ``RequestApplicant``: one model to restrict, never index,
never export publicly and anonymise when the retention period ends.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..requests.deadlines import PauseKind
from .cleaning import CleanTextMixin


class RequestStatus(models.TextChoices):
    """The handling states (条例第四十五条: 登记、审核、办理、答复、归档)."""

    REGISTERED = "registered", _("已登记")
    ACCEPTED = "accepted", _("已受理")
    NOT_ACCEPTED = "not_accepted", _("不予受理")
    PROCESSING = "processing", _("办理中")
    AWAITING_SUPPLEMENT = "awaiting_supplement", _("补正中")
    CONSULTING = "consulting", _("征求第三方意见中")
    EXTENDED = "extended", _("已延期")
    AWAITING_FEE = "awaiting_fee", _("待缴费")
    REPLIED = "replied", _("已答复")
    WITHDRAWN = "withdrawn", _("已撤回")
    ARCHIVED = "archived", _("已归档")


class Carrier(models.TextChoices):
    PAPER = "paper", _("纸质")
    ELECTRONIC = "electronic", _("电子")


class DeliveryMethod(models.TextChoices):
    POST = "post", _("邮寄")
    EMAIL = "email", _("电子邮件")
    ONLINE = "online", _("网上获取")
    COLLECT = "collect", _("当面领取")
    FAX = "fax", _("传真")
    READ_ON_SITE = "read_on_site", _("现场查阅")


class IdentityDocument(models.TextChoices):
    RESIDENT_ID = "resident_id", _("居民身份证")
    PASSPORT = "passport", _("护照")
    HK_MACAO_PERMIT = "hk_macao_permit", _("港澳居民来往内地通行证")
    TAIWAN_PERMIT = "taiwan_permit", _("台湾居民来往大陆通行证")
    FOREIGN_RESIDENT = "foreign_resident", _("外国人永久居留身份证")
    OTHER = "other", _("其他")


class RequestApplicant(CleanTextMixin, models.Model):
    """The applicant of one request: personal data, shown only to the receiving unit's
    handlers and the webmasters, and to the applicant holding the query code."""

    request = models.OneToOneField(
        "disclosure.InformationRequest",
        verbose_name=_("申请"),
        on_delete=models.CASCADE,
        related_name="applicant",
    )
    name = models.CharField(_("姓名或名称"), max_length=100)
    employer = models.CharField(_("工作单位"), max_length=100, blank=True)
    id_type = models.CharField(
        _("证件类型"), max_length=24, choices=IdentityDocument.choices, blank=True
    )
    id_number = models.CharField(
        _("证件号码或统一社会信用代码"),
        max_length=40,
        blank=True,
        help_text=_("公民填写证件号码；法人或其他组织填写统一社会信用代码。"),
    )
    legal_representative = models.CharField(_("法定代表人"), max_length=50, blank=True)
    contact_person = models.CharField(_("联系人"), max_length=50, blank=True)
    phone = models.CharField(_("联系电话"), max_length=30)
    email = models.EmailField(_("电子邮箱"), blank=True)
    address = models.CharField(_("通信地址"), max_length=200, blank=True)
    postcode = models.CharField(_("邮政编码"), max_length=6, blank=True)
    anonymised_at = models.DateTimeField(_("匿名化时间"), null=True, blank=True)

    # what the applicant gives, besides the name (the form asks for these; retention blanks them)
    CONTACT_FIELDS = (
        "employer",
        "id_type",
        "id_number",
        "legal_representative",
        "contact_person",
        "phone",
        "email",
        "address",
        "postcode",
    )

    class Meta:
        verbose_name = _("申请人信息")
        verbose_name_plural = _("申请人信息")
        indexes = [models.Index(fields=["id_number"], name="disclosure_applicant_id")]

    def __str__(self) -> str:
        return self.name


class RequestPause(models.Model):
    """A consultation (征求第三方或共同制作机关意见) that keeps days off the clock."""

    request = models.ForeignKey(
        "disclosure.InformationRequest",
        verbose_name=_("申请"),
        on_delete=models.CASCADE,
        related_name="pauses",
    )
    kind = models.CharField(
        _("类型"),
        max_length=16,
        choices=[
            (PauseKind.THIRD_PARTY.value, _("征求第三方意见")),
            (PauseKind.CO_CREATOR.value, _("征求共同制作机关意见")),
        ],
        default=PauseKind.THIRD_PARTY.value,
    )
    consulted = models.CharField(_("征求意见对象"), max_length=100, blank=True)
    start = models.DateField(_("发出征求意见日期"))
    end = models.DateField(_("收到意见日期"), null=True, blank=True)

    class Meta:
        ordering = ["start", "pk"]
        verbose_name = _("征求意见")
        verbose_name_plural = _("征求意见")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.start:%Y-%m-%d}"


class RequestEvent(models.Model):
    """One step of a request's timeline: a state change, a notice sent, a supplement
    received. ``public`` steps are shown on the applicant's status page."""

    request = models.ForeignKey(
        "disclosure.InformationRequest",
        verbose_name=_("申请"),
        on_delete=models.CASCADE,
        related_name="events",
    )
    at = models.DateTimeField(_("时间"), default=timezone.now)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("经办人"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("留空表示申请人本人在网上操作。"),
    )
    from_status = models.CharField(
        _("原状态"), max_length=24, choices=RequestStatus.choices, blank=True
    )
    to_status = models.CharField(_("新状态"), max_length=24, choices=RequestStatus.choices)
    title = models.CharField(_("事项"), max_length=100)
    note = models.TextField(_("说明"), blank=True)
    public = models.BooleanField(_("申请人可见"), default=True)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("办理记录")
        verbose_name_plural = _("办理记录")

    def __str__(self) -> str:
        return self.title
