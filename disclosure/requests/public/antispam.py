"""An accessible anti-spam check for the application form, no image CAPTCHA (适老化 rules
ask for a non-visual option): a hidden honeypot field robots fill in, a least fill time,
and a short arithmetic question in Chinese words that a screen reader reads aloud.

The question and the time the form was first shown travel in one signed value, so the
server keeps no state; a re-shown form (after an error) keeps the first time.
"""

from __future__ import annotations

import secrets
import time

from django.core import signing
from django.utils.translation import gettext as _

from ...conf import get_setting

SALT = "disclosure.apply.challenge"
MAX_AGE = 4 * 3600  # a form left open longer gets a new question
HONEYPOT = "website"
DIGITS = "零一二三四五六七八九十"
NUMERALS = {c: i for i, c in enumerate(DIGITS)} | {"两": 2}


def new_challenge(started: float | None = None) -> str:
    a, b = secrets.randbelow(9) + 1, secrets.randbelow(9) + 1
    return signing.dumps({"a": a, "b": b, "t": started or time.time()}, salt=SALT)


def read_challenge(token: str) -> dict | None:
    try:
        data = signing.loads(token or "", salt=SALT, max_age=MAX_AGE)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict) or not {"a", "b", "t"} <= data.keys():
        return None
    return data


def question(data: dict) -> str:
    return _("%(a)s加%(b)s等于几？") % {"a": DIGITS[data["a"]], "b": DIGITS[data["b"]]}


def parse_answer(text: str) -> int | None:
    """Arabic digits or Chinese numerals up to 十八 (十, 十二, 一十二)."""
    text = (text or "").strip().translate(str.maketrans("０１２３４５６７８９", "0123456789"))
    if text.isascii() and text.isdigit() and len(text) <= 3:
        return int(text)
    if not text or any(c not in NUMERALS for c in text) or len(text) > 3:
        return None
    if "十" not in text:
        return NUMERALS[text] if len(text) == 1 else None
    tens, _sep, ones = text.partition("十")
    if len(tens) > 1 or len(ones) > 1 or "十" in tens + ones:
        return None
    return (NUMERALS[tens] if tens else 1) * 10 + (NUMERALS[ones] if ones else 0)


def check(token: str, answer: str, honeypot: str) -> str | None:
    """None when the submission passes, else the Chinese reason shown to the person."""
    data = read_challenge(token)
    if honeypot:
        return _("提交未通过校验。如您是本人填写，请不要填写隐藏的“网址”一栏后重新提交。")
    if data is None:
        return _("页面已过期，请回答新的验证问题后重新提交（您填写的内容已保留）。")
    if time.time() - data["t"] < get_setting("DISCLOSURE_APPLY_MIN_SECONDS"):
        return _("提交过快，请核对填写内容后再次提交。")
    if parse_answer(answer) != data["a"] + data["b"]:
        return _("验证问题回答不正确，请重新计算后填写数字（如“8”或“八”）。")
    return None
