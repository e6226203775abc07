"""Highlighted titles and snippets: the query's words wrapped in <mark>, everything escaped."""

from __future__ import annotations

import re
import unicodedata

from django.utils.html import escape, strip_tags
from django.utils.safestring import SafeString, mark_safe

from .backends import segment

SNIPPET_LENGTH = 120


def terms_pattern(query: str) -> re.Pattern | None:
    terms = [t for t in segment.highlight_terms(query) if t]
    if not terms:
        return None
    return re.compile("|".join(re.escape(t) for t in terms), re.IGNORECASE)


def _normalized(text: str) -> str:
    # NFKC keeps the length of CJK and ASCII text; a full-width Ａ becomes A, so it matches too
    normalized = unicodedata.normalize("NFKC", text)
    return normalized if len(normalized) == len(text) else text


def highlight(text: str, pattern: re.Pattern | None) -> SafeString:
    if not pattern or not text:
        return escape(text)
    parts, last = [], 0
    for match in pattern.finditer(_normalized(text)):
        parts += [escape(text[last : match.start()]), f"<mark>{escape(match.group(0))}</mark>"]
        last = match.end()
    parts.append(escape(text[last:]))
    return mark_safe("".join(parts))  # noqa: S308 - every piece is escaped above


def plain_text(html: str) -> str:
    return re.sub(r"\s+", " ", strip_tags(html or "")).strip()


def _best_window(text: str, pattern: re.Pattern) -> tuple[int, int] | None:
    """(distinct query words, start) of the window of ``text`` holding the most distinct
    query words, the first such window; ``None`` when it holds none."""
    matches = []
    for match in pattern.finditer(_normalized(text)):
        matches.append(match)
        if len(matches) == 50:  # enough to choose a window; a long body is not scanned
            break
    best = None
    for match in matches:
        start = max(0, match.start() - SNIPPET_LENGTH // 3)
        end = start + SNIPPET_LENGTH
        words = {m.group(0).lower() for m in matches if m.start() >= start and m.end() <= end}
        if best is None or len(words) > best[0]:
            best = (len(words), start)
    return best


def snippet(texts: list[str], pattern: re.Pattern | None) -> SafeString:
    """The window holding the most distinct query words (the first text's on a tie), else
    the start of the first text."""
    texts = [t for t in texts if t]
    if not texts:
        return mark_safe("")
    best = None
    for text in texts if pattern else []:
        window = _best_window(text, pattern)
        if window and (best is None or window[0] > best[0]):
            best = (window[0], window[1], text)
    if best:
        _, start, text = best
        window = text[start : start + SNIPPET_LENGTH]
        prefix = "…" if start else ""
        suffix = "…" if start + SNIPPET_LENGTH < len(text) else ""
        return mark_safe(prefix + highlight(window, pattern) + suffix)  # noqa: S308
    text = texts[0]
    suffix = "…" if len(text) > SNIPPET_LENGTH else ""
    return mark_safe(escape(text[:SNIPPET_LENGTH]) + suffix)  # noqa: S308
