"""Text hygiene shared by the forms, the import and every export.

Editors paste from word processors and imports carry whatever a spreadsheet held: control
characters (``\\x0b`` from a Word line break, NUL from a broken export) and invisible format
characters (zero-width spaces, byte-order marks) then break XML-based files (XLSX, DOCX) and
searches. Input is cleaned with :func:`clean_text`; exports pass what is already stored
through :func:`xml_safe` so that one bad row never breaks a file for everyone.
"""

from __future__ import annotations

import re
import unicodedata

# C0 and C1 controls except tab, line feed and carriage return; XML 1.0 forbids the C0 ones.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# Unicode "format" characters a user cannot see: zero-width space/joiners, BOM, bidi marks.
_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def clean_text(text: str, *, single_line: bool = False) -> str:
    """``text`` without control and invisible characters; a vertical tab or form feed (Word's
    manual line and page breaks) becomes a line break, or a space in ``single_line`` text
    (a title)."""
    breaks = " " if single_line else "\n"
    text = text.replace("\x0b", breaks).replace("\x0c", breaks)
    if single_line:
        text = text.replace("\r\n", " ").replace("\n", " ").replace("\r", " ")
    text = _CONTROL.sub("", text)
    text = _INVISIBLE.sub("", text)
    return _SURROGATE.sub("", text)


def xml_safe(value):
    """``value`` with what XML cannot hold removed, for cells of XLSX and DOCX files; any
    other type unchanged."""
    if not isinstance(value, str):
        return value
    return _SURROGATE.sub("", _CONTROL.sub("", value))


# What makes a spreadsheet cell a formula (CSV injection), tab and CR included: Excel
# ignores them before "=" (OWASP's list).
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def defuse_formula(value: str) -> str:
    """Keep a spreadsheet from running a cell as a formula: a leading apostrophe, which
    Excel and LibreOffice hide and the import removes again (``undo_defused_formula``)."""
    return "'" + value if value.startswith(FORMULA_PREFIXES) else value


def undo_defused_formula(value: str) -> str:
    if value.startswith("'") and value[1:].startswith(FORMULA_PREFIXES):
        return value[1:]
    return value


def spreadsheet_text(value):
    """A value as every spreadsheet the project writes holds it (CSV and XLSX, public and
    admin): XML-safe and never a formula. Other types unchanged."""
    if not isinstance(value, str):
        return value
    return defuse_formula(xml_safe(value))


def has_control_characters(text: str) -> bool:
    return bool(_CONTROL.search(text) or _SURROGATE.search(text))


def has_words(text: str) -> bool:
    """Whether ``text`` holds a letter or a digit of any script: punctuation alone does not
    make a search query."""
    return any(unicodedata.category(c)[0] in "LN" for c in text)
