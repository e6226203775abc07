"""Server-rendered SVG bar charts: the geometry is computed here, the template draws it.

Bars are horizontal, one row per label, so that long Chinese labels (统计类别, months,
units) stay whole: the label area is as wide as the longest label (a CJK character is one
em wide, a Latin letter or digit about half), and a label longer than ``LABEL_MAX_EM``
wraps onto a second line. The chart is about 360 px wide, so it fits a phone unscaled.
"""

import unicodedata
from dataclasses import dataclass

FONT_SIZE = 13  # px, labels and values
LINE_HEIGHT = 16
ROW_PADDING = 8
BAR_HEIGHT = 16
LABEL_MAX_EM = 10.0  # wider labels wrap (two lines at most, then an ellipsis)
MAX_LINES = 2
PAD = 4
GAP = 8
TARGET_WIDTH = 360
MIN_BAR_AREA = 120


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    lines: list[tuple[str, int]]  # (text, baseline y) of the label, right-aligned
    y: int  # top of the bar
    length: int
    height: int
    value_x: int
    value_y: int


@dataclass(frozen=True)
class BarChart:
    bars: list[Bar]
    width: int
    height: int
    axis_x: int  # where the bars start (right edge of the label area)
    label_x: int  # right edge of the labels


def text_width(text: str, size: float = FONT_SIZE) -> float:
    """Rendered width in px: full-width (CJK) characters one em, others about half."""
    return sum(
        size if unicodedata.east_asian_width(ch) in ("W", "F") else size * 0.6 for ch in text
    )


def wrap_label(label: str, max_width: float, size: float = FONT_SIZE) -> list[str]:
    """The label in lines no wider than ``max_width``, balanced (民政扶贫救灾社会社保就业
    wraps six and six, not ten and two); past ``MAX_LINES`` it ends in "…"."""
    total = text_width(label, size)
    if total > max_width:
        max_width = min(max_width, total / min(MAX_LINES, -(-total // max_width)) + size / 2)
    lines, current = [], ""
    for ch in label:
        if current and text_width(current + ch, size) > max_width:
            lines.append(current)
            current = ""
        current += ch
    if current:
        lines.append(current)
    if len(lines) > MAX_LINES:
        last = lines[MAX_LINES - 1]
        while last and text_width(last + "…", size) > max_width:
            last = last[:-1]
        lines = lines[: MAX_LINES - 1] + [last + "…"]
    return lines or [""]


def bar_chart(shares) -> BarChart:
    """Horizontal bars for a list of ``Share`` (label, count), scaled to the largest count."""
    limit = LABEL_MAX_EM * FONT_SIZE
    wrapped = [wrap_label(str(share.label), limit) for share in shares]
    label_width = max((text_width(line) for lines in wrapped for line in lines), default=0)
    label_x = PAD + round(label_width)
    axis_x = label_x + GAP
    largest = max((share.count for share in shares), default=0) or 1
    value_room = 4 + round(text_width(str(largest)))  # the value right of the longest bar
    bar_area = max(MIN_BAR_AREA, TARGET_WIDTH - axis_x - value_room - PAD)
    bars, top = [], PAD
    for share, lines in zip(shares, wrapped, strict=True):
        row = len(lines) * LINE_HEIGHT + ROW_PADDING
        length = round(share.count * bar_area / largest)
        middle = top + row // 2
        first_baseline = middle - (len(lines) - 1) * LINE_HEIGHT // 2 + FONT_SIZE // 2 - 1
        bars.append(
            Bar(
                label=str(share.label),
                value=share.count,
                lines=[(text, first_baseline + i * LINE_HEIGHT) for i, text in enumerate(lines)],
                y=middle - BAR_HEIGHT // 2,
                length=length,
                height=BAR_HEIGHT,
                value_x=axis_x + length + 4,
                value_y=middle + FONT_SIZE // 2 - 1,
            )
        )
        top += row
    width = axis_x + bar_area + value_room + PAD
    return BarChart(bars=bars, width=width, height=top + PAD, axis_x=axis_x, label_x=label_x)
