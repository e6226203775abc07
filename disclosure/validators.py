"""Validators for the catalogue's coded values: unit codes and 文号."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# GB 32100-2015: the unified social credit code alphabet leaves out I, O, Z, S and V.
CREDIT_CODE_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
CREDIT_CODE_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
# GB 11714-1997: organisation code, eight body characters and a check character.
ORG_CODE_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)

DOC_NUMBER_RE = re.compile(r"^(?P<code>[\u4e00-\u9fff]+)〔(?P<year>\d{4})〕(?P<no>[1-9]\d*)号$")
DECREE_NUMBER_RE = re.compile(r"^(?P<code>[\u4e00-\u9fff]+)第(?P<no>[1-9]\d*)号$")


def credit_code_check_char(body: str) -> str:
    """Check character for the first 17 characters of a unified social credit code."""
    total = sum(
        CREDIT_CODE_ALPHABET.index(c) * w
        for c, w in zip(body[:17], CREDIT_CODE_WEIGHTS, strict=True)
    )
    return CREDIT_CODE_ALPHABET[(31 - total % 31) % 31]


def org_code_check_char(body: str) -> str:
    """Check character for the first eight characters of an organisation code."""
    total = sum(int(c, 36) * w for c, w in zip(body[:8], ORG_CODE_WEIGHTS, strict=True))
    check = 11 - total % 11
    return {10: "X", 11: "0"}.get(check, str(check))


def normalize_unit_code(value: str) -> str:
    """Upper-case and drop the hyphen and spaces people type into organisation codes."""
    return re.sub(r"[\s\-－]", "", value or "").upper()


def validate_unit_code(value: str) -> None:
    code = normalize_unit_code(value)
    if len(code) == 18:
        if any(c not in CREDIT_CODE_ALPHABET for c in code):
            raise ValidationError(
                _("统一社会信用代码只能包含数字和除 I、O、Z、S、V 以外的大写字母。"),
                code="invalid_charset",
            )
        if credit_code_check_char(code[:17]) != code[17]:
            raise ValidationError(
                _("统一社会信用代码校验位不正确，请核对后重新输入。"), code="bad_check_digit"
            )
        return
    if len(code) == 9:
        if not re.fullmatch(r"[0-9A-Z]{8}[0-9X]", code):
            raise ValidationError(
                _("组织机构代码应为 8 位数字或大写字母加 1 位校验码。"), code="invalid_charset"
            )
        if org_code_check_char(code[:8]) != code[8]:
            raise ValidationError(
                _("组织机构代码校验位不正确，请核对后重新输入。"), code="bad_check_digit"
            )
        return
    raise ValidationError(
        _("请输入 18 位统一社会信用代码或 9 位组织机构代码（当前为 %(length)d 位）。"),
        code="bad_length",
        params={"length": len(code)},
    )


def validate_doc_number(value: str) -> None:
    """文号 per GB/T 9704-2012: 机关代字〔YYYY〕N号, or the decree form 国令第N号."""
    if DOC_NUMBER_RE.match(value) or DECREE_NUMBER_RE.match(value):
        return
    raise ValidationError(
        _(
            "文号格式应为“机关代字〔年份〕序号号”，例如“区政发〔2024〕3号”："
            "年份用四位数字并使用六角括号〔〕，序号不加“第”、不编虚位。"
        ),
        code="bad_doc_number",
    )


# GB 11643-1999: the 居民身份证号码 is 17 digits (6 address, 8 birth date, 3 sequence) and a
# check character, ISO 7064 MOD 11-2: weights 2^(17-i) mod 11, check = (12 - sum mod 11) mod 11.
RESIDENT_ID_WEIGHTS = tuple(2 ** (17 - i) % 11 for i in range(17))
RESIDENT_ID_RE = re.compile(r"^\d{17}[\dX]$")


def resident_id_check_char(body: str) -> str:
    """Check character for the first 17 digits of a 居民身份证号码."""
    total = sum(int(c) * w for c, w in zip(body[:17], RESIDENT_ID_WEIGHTS, strict=True))
    check = (12 - total % 11) % 11
    return "X" if check == 10 else str(check)


def normalize_resident_id(value: str) -> str:
    """Drop spaces and upper-case the check character (people type a small x)."""
    return re.sub(r"\s", "", value or "").upper()


def validate_resident_id(value: str) -> None:
    """A 18-digit 居民身份证号码: digits, a real birth date not in the future, the check."""
    import datetime

    code = normalize_resident_id(value)
    if not RESIDENT_ID_RE.match(code):
        raise ValidationError(
            _("居民身份证号码应为 18 位：17 位数字加 1 位数字或 X（当前为 %(length)d 位）。"),
            code="bad_length",
            params={"length": len(code)},
        )
    try:
        born = datetime.date(int(code[6:10]), int(code[10:12]), int(code[12:14]))
    except ValueError:
        born = None
    if born is None or born.year < 1900 or born > datetime.date.today():
        raise ValidationError(
            _("居民身份证号码中的出生日期（第 7 至 14 位）不是有效日期，请核对。"),
            code="bad_birth_date",
        )
    if resident_id_check_char(code) != code[17]:
        raise ValidationError(
            _("居民身份证号码校验位不正确，请核对后重新输入。"), code="bad_check_digit"
        )


def validate_credit_code(value: str) -> None:
    """Only an 18-character 统一社会信用代码 (no 9-character organisation code)."""
    code = normalize_unit_code(value)
    if len(code) != 18:
        raise ValidationError(
            _("请输入 18 位统一社会信用代码（当前为 %(length)d 位）。"),
            code="bad_length",
            params={"length": len(code)},
        )
    validate_unit_code(code)
