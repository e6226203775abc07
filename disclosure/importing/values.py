"""Parsing of single cell values: dates, 索引号, 文号, 正文. Each raises ``ValueError`` with a
Chinese explanation that becomes the row error's message."""

import datetime
import html
import re

import nh3
from django.utils import timezone
from django.utils.translation import gettext as _

from ..validators import DECREE_NUMBER_RE, DOC_NUMBER_RE

_TIME = r"(?:[ T\u3000]*(?P<hour>\d{1,2})[:：](?P<minute>\d{2})(?:[:：](?P<second>\d{2}))?)?"
DATE_PATTERNS = (
    re.compile(r"^(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})" + _TIME + "$"),
    re.compile(r"^(?P<year>\d{4})/(?P<month>\d{1,2})/(?P<day>\d{1,2})" + _TIME + "$"),
    re.compile(r"^(?P<year>\d{4})年(?P<month>\d{1,2})月(?P<day>\d{1,2})日" + _TIME + "$"),
)
DATE_FORMAT_HINT = "YYYY-MM-DD、YYYY/MM/DD 或 YYYY年M月D日，可加时间 HH:MM"


def text(value) -> str:
    """A cell as text: numbers without a trailing ``.0``, dates as ``YYYY-MM-DD``."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value).strip()


def parse_datetime(value) -> datetime.datetime:
    """A point in time in Asia/Shanghai (the current time zone); midnight when no time."""
    if isinstance(value, datetime.datetime):
        naive = value.replace(tzinfo=None)
    elif isinstance(value, datetime.date):
        naive = datetime.datetime(value.year, value.month, value.day)
    else:
        raw = text(value)
        match = next((m for p in DATE_PATTERNS if (m := p.match(raw))), None)
        if match is None:
            raise ValueError(
                _("日期格式无法识别，应为 %(formats)s。") % {"formats": DATE_FORMAT_HINT}
            )
        parts = {k: int(v) for k, v in match.groupdict().items() if v is not None}
        try:
            naive = datetime.datetime(
                parts["year"],
                parts["month"],
                parts["day"],
                parts.get("hour", 0),
                parts.get("minute", 0),
                parts.get("second", 0),
            )
        except ValueError as exc:
            raise ValueError(_("不存在这个日期或时间，请核对年月日和时分。")) from exc
    if naive.year < 1949:
        raise ValueError(_("年份不合理（早于 1949 年）。"))
    return timezone.make_aware(naive)


def parse_date(value) -> datetime.date:
    return timezone.localtime(parse_datetime(value)).date()


# --- 索引号 -------------------------------------------------------------------------------

INDEX_NO_RE = re.compile(r"^[0-9A-Z][0-9A-Z/\-]{4,62}[0-9]$")
YEAR_RE = re.compile(r"(?:^|[/\-])(?:19|20)\d{2}")


def normalise_index_number(value) -> str:
    """Upper-case, half-width, no spaces; raise ``ValueError`` unless it looks like a 索引号.

    Accepted: digits, capital letters, “-” and “/”, ending in a digit, with a four-digit
    year after a separator, e.g. ``000014349/2017-00110``, ``11341702486344515H/202110-00013``
    or ``01527918X-2020-153077`` (the forms of domain.md §3.3).
    """
    raw = text(value).translate(_FULLWIDTH).upper().replace(" ", "")
    if not INDEX_NO_RE.match(raw) or not YEAR_RE.search(raw):
        raise ValueError(
            _(
                "索引号格式不正确：应由单位代码、年份和流水号组成，只含数字、大写字母、"
                "“-”和“/”，例如“000014349/2017-00110”。"
            )
        )
    return raw


_FULLWIDTH = str.maketrans({chr(0xFF10 + i): str(i) for i in range(10)} | {"／": "/", "－": "-"})


# --- 文号 ---------------------------------------------------------------------------------

_BRACKETS = re.compile(r"[\[［【(（〔](\d{4})[\]］】)）〕]")


def normalise_doc_number(value) -> str:
    """GB/T 9704 文号; older square or round brackets around the year become 〔〕."""
    raw = text(value).replace(" ", "")
    if not raw:
        return ""
    fixed = _BRACKETS.sub(r"〔\1〕", raw)
    if DOC_NUMBER_RE.match(fixed) or DECREE_NUMBER_RE.match(fixed):
        return fixed
    raise ValueError(
        _(
            "文号格式应为“机关代字〔年份〕序号号”，例如“区政发〔2024〕3号”："
            "年份用四位数字，序号不加“第”、不编虚位。"
        )
    )


# --- 正文 ---------------------------------------------------------------------------------

HTML_TAG_RE = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?/?>")
ALLOWED_TAGS = {"p", "br", "h2", "h3", "h4", "h5", "h6", "b", "strong", "i", "em"}
ALLOWED_TAGS |= {"ul", "ol", "li", "a", "hr", "sub", "sup"}
ALLOWED_ATTRIBUTES = {
    "a": {"href"},
    **{tag: {"data-block-key"} for tag in ("p", "h2", "h3", "h4", "h5", "h6", "li")},
}


def clean_body(value) -> str:
    """正文 as rich-text HTML: HTML is sanitised (nh3), plain text becomes paragraphs."""
    raw = text(value)
    if not raw:
        return ""
    if HTML_TAG_RE.search(raw):
        return nh3.clean(
            raw,
            tags=ALLOWED_TAGS,
            attributes=ALLOWED_ATTRIBUTES,
            url_schemes={"http", "https", "mailto"},
            link_rel=None,
        ).strip()
    paragraphs = [line.strip() for line in raw.splitlines() if line.strip()]
    return "".join(f"<p>{html.escape(line, quote=False)}</p>" for line in paragraphs)


# 1949-10-01: no government information of this State is older; anything earlier, or far in
# the future (9999-12-31), is a typing or conversion error.
EARLIEST_DATE = datetime.date(1949, 10, 1)
LATEST_REPEAL_DATE = datetime.date(2100, 12, 31)


def check_plausible(day: datetime.date, latest: datetime.date) -> None:
    if not EARLIEST_DATE <= day <= latest:
        raise ValueError(
            _("日期超出合理范围（%(earliest)s 至 %(latest)s），请核对。")
            % {"earliest": EARLIEST_DATE.isoformat(), "latest": latest.isoformat()}
        )
