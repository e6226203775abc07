"""The public application form (《条例》第二十九条: the applicant's name or title, identity
document and contact; a description of the information sought; the form of provision).

Citizens (公民) give an identity document; a 居民身份证号码 is checked (GB 11643). Legal
persons and other organisations give their 统一社会信用代码 (GB 32100) and one of the
organisation kinds of Table B, so the annual report counts the request in its column.
"""

from __future__ import annotations

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ...models import ApplicantType, DisclosureUnit
from ...models.requests import Carrier, DeliveryMethod, IdentityDocument, RequestApplicant
from ...validators import (
    normalize_resident_id,
    normalize_unit_code,
    validate_credit_code,
    validate_resident_id,
)
from . import antispam
from .uploads import MAX_FILES, SupplementFilesField

CITIZEN = "citizen"
ORGANISATION = "organisation"
ORGANISATION_TYPES = [
    (value, label)
    for value, label in ApplicantType.choices
    if value != ApplicantType.NATURAL_PERSON
]
# what RequestApplicant keeps, in the order the form asks
APPLICANT_FIELDS = ("name", *RequestApplicant.CONTACT_FIELDS)
PHONE_RE = re.compile(r"^\+?[\d\s()（）\-－转#]{7,30}$")
POSTCODE_RE = re.compile(r"^\d{6}$")
# Paper cannot travel by e-mail or download; electronic files are not collected on paper.
PAPER_ONLY_METHODS = {DeliveryMethod.POST, DeliveryMethod.COLLECT, DeliveryMethod.FAX}
ELECTRONIC_METHODS = {DeliveryMethod.EMAIL, DeliveryMethod.ONLINE}


def _text(label, max_length: int, *, required: bool = False, rows: int = 0, help_text=""):
    widget = forms.Textarea(attrs={"rows": rows}) if rows else forms.TextInput
    return forms.CharField(
        label=label, max_length=max_length, required=required, widget=widget, help_text=help_text
    )


class ApplicationForm(forms.Form):
    unit = forms.ModelChoiceField(
        label=_("受理机关"),
        queryset=DisclosureUnit.objects.order_by("sort_order", "name"),
        empty_label=_("请选择受理申请的机关"),
        help_text=_("请选择制作或保存所需信息的机关。"),
    )
    applicant_kind = forms.ChoiceField(
        label=_("申请人类型"),
        choices=[(CITIZEN, _("公民")), (ORGANISATION, _("法人或其他组织"))],
        widget=forms.RadioSelect,
    )
    organisation_type = forms.ChoiceField(
        label=_("组织类别"),
        choices=ORGANISATION_TYPES,
        required=False,
        widget=forms.RadioSelect,
        help_text=_("法人或其他组织填写。"),
    )
    name = _text(_("姓名或名称"), 100, required=True)
    employer = _text(_("工作单位"), 100, help_text=_("公民可选填。"))
    id_type = forms.ChoiceField(
        label=_("证件类型"),
        choices=IdentityDocument.choices,
        required=False,
        initial=IdentityDocument.RESIDENT_ID,
        help_text=_("公民填写。"),
    )
    id_number = _text(
        _("证件号码或统一社会信用代码"),
        40,
        required=True,
        help_text=_("公民填写证件号码；法人或其他组织填写 18 位统一社会信用代码。"),
    )
    legal_representative = _text(_("法定代表人或负责人"), 50, help_text=_("法人或其他组织填写。"))
    contact_person = _text(_("联系人"), 50, help_text=_("法人或其他组织填写。"))
    phone = _text(_("联系电话"), 30, required=True)
    email = forms.EmailField(
        label=_("电子邮箱"),
        required=False,
        max_length=254,
        error_messages={"invalid": _("请填写有效的电子邮箱地址，例如 name@example.com。")},
    )
    address = _text(_("通信地址"), 200, help_text=_("选择邮寄的必须填写。"))
    postcode = _text(_("邮政编码"), 6)
    subject = _text(
        _("所需信息的内容描述"),
        2000,
        required=True,
        rows=6,
        help_text=_("请写明所需政府信息的名称、内容或其他有助于确定该信息的特征。"),
    )
    document_reference = _text(
        _("文号或索引号"),
        100,
        help_text=_("知道的可以填写，点击“查询是否已公开”可先在公开目录中查找。"),
    )
    purpose = _text(_("用途"), 1000, rows=3, help_text=_("自愿填写。"))
    carrier = forms.ChoiceField(
        label=_("信息的提供载体"),
        choices=Carrier.choices,
        widget=forms.RadioSelect,
        initial=Carrier.ELECTRONIC,
    )
    delivery_method = forms.ChoiceField(
        label=_("获取信息的方式"),
        choices=DeliveryMethod.choices,
        widget=forms.RadioSelect,
        initial=DeliveryMethod.ONLINE,
    )
    # anti-spam (antispam.py): the signed question, the answer and the honeypot
    challenge = forms.CharField(widget=forms.HiddenInput, required=False)
    answer = _text(_("验证问题"), 10, required=True)
    website = forms.CharField(
        label=_("网址（请勿填写）"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        autocomplete = {
            "name": "name",
            "phone": "tel",
            "email": "email",
            "address": "street-address",
            "postcode": "postal-code",
        }
        for name, value in autocomplete.items():
            self.fields[name].widget.attrs["autocomplete"] = value
        for field in self.fields.values():
            # Wagtail's catalog turns Django's required message into a terse "必需字段"
            choose = isinstance(field, forms.ChoiceField)
            message = _("请选择“%(label)s”。") if choose else _("请填写“%(label)s”。")
            field.error_messages["required"] = message % {"label": field.label}
        self.fields["answer"].widget.attrs.update({"inputmode": "numeric", "autocomplete": "off"})

    def clean_phone(self) -> str:
        phone = self.cleaned_data["phone"].strip()
        if not PHONE_RE.match(phone) or sum(c.isdigit() for c in phone) < 7:
            raise ValidationError(_("请填写有效的联系电话（至少 7 位数字，可含区号和分机号）。"))
        return phone

    def clean_postcode(self) -> str:
        postcode = self.cleaned_data["postcode"].strip()
        if postcode and not POSTCODE_RE.match(postcode):
            raise ValidationError(_("邮政编码应为 6 位数字。"))
        return postcode

    def clean(self) -> dict:
        data = super().clean()
        kind = data.get("applicant_kind")
        if kind == CITIZEN:
            data["organisation_type"] = ""
            if not data.get("id_type"):
                self.add_error("id_type", _("公民请选择证件类型。"))
            elif data["id_type"] == IdentityDocument.RESIDENT_ID:
                self._check_number(data, validate_resident_id, normalize_resident_id)
        elif kind == ORGANISATION:
            data["id_type"] = ""
            if not data.get("organisation_type"):
                self.add_error("organisation_type", _("法人或其他组织请选择组织类别。"))
            self._check_number(data, validate_credit_code, normalize_unit_code)
        self._check_delivery(data)
        return data

    def _check_number(self, data: dict, validate, normalize) -> None:
        """Validate the typed 证件号码/信用代码 and store it in its standard form."""
        if not data.get("id_number"):
            return
        try:
            validate(data["id_number"])
        except ValidationError as error:
            self.add_error("id_number", error)
        else:
            data["id_number"] = normalize(data["id_number"])

    def _check_delivery(self, data: dict) -> None:
        method, carrier = data.get("delivery_method"), data.get("carrier")
        if method == DeliveryMethod.POST and not (data.get("address") or "").strip():
            self.add_error("address", _("选择邮寄的，请填写通信地址。"))
        if method == DeliveryMethod.EMAIL and not data.get("email"):
            self.add_error("email", _("选择电子邮件获取的，请填写电子邮箱。"))
        if carrier == Carrier.PAPER and method in ELECTRONIC_METHODS:
            self.add_error("delivery_method", _("纸质载体请选择邮寄、当面领取、传真或现场查阅。"))
        if carrier == Carrier.ELECTRONIC and method == DeliveryMethod.FAX:
            self.add_error(
                "delivery_method", _("电子载体请选择电子邮件、网上获取、邮寄或当面领取。")
            )

    @property
    def applicant_type(self) -> str:
        data = self.cleaned_data
        if data["applicant_kind"] == CITIZEN:
            return ApplicantType.NATURAL_PERSON
        return data["organisation_type"]

    SECTIONS = [
        (_("受理机关"), ["unit"]),
        (
            _("申请人信息"),
            ["applicant_kind", "organisation_type", *APPLICANT_FIELDS],
        ),
        (_("所需信息"), ["subject", "document_reference"]),
        (_("用途和获取方式"), ["purpose", "carrier", "delivery_method"]),
    ]

    def sections(self) -> list[tuple[str, list]]:
        """(legend, bound fields) in the order of the form's fieldsets."""
        return [(legend, [self[name] for name in names]) for legend, names in self.SECTIONS]

    def question(self) -> str:
        data = antispam.read_challenge(self["challenge"].value() or "")
        return antispam.question(data) if data else ""


class SupplementForm(forms.Form):
    code = forms.CharField(widget=forms.HiddenInput, max_length=32)
    text = forms.CharField(
        label=_("补正内容"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("请按补正通知的要求写明需要补充或更改的内容。"),
    )
    attachments = SupplementFilesField(
        label=_("补正材料（可选）"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attachments"].help_text = gettext(
            "如补正通知要求提供身份证明、授权委托书等材料，可在此上传：最多 %(most)d 个文件，"
            "每个不超过 10 MB，格式为 PDF、JPG、PNG、DOC、DOCX 或 OFD。"
        ) % {"most": MAX_FILES}

    def clean(self) -> dict:
        data = super().clean()
        # a browser never fills a file input again: say so when the form comes back
        sent = self.files.getlist(self.add_prefix("attachments"))
        if sent and self.errors and "attachments" not in self.errors:
            self.add_error(
                "attachments",
                _("表单未能提交，已选择的文件没有保存，请改正错误后重新选择文件。"),
            )
        return data


class WithdrawForm(forms.Form):
    code = forms.CharField(widget=forms.HiddenInput, max_length=32)
    confirm = forms.BooleanField(
        label=_("我确认撤回本申请，撤回后本申请不再办理。"),
        error_messages={"required": _("请勾选确认后再撤回申请。")},
    )
