"""Server-rendered SVG bar charts: the geometry is computed here, the template draws it."""

from dataclasses import dataclass

BAR_WIDTH = 36
GAP = 12
HEIGHT = 160
TOP = 20  # room for the value above the tallest bar


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    x: int
    y: int
    height: int
    label_x: int


@dataclass(frozen=True)
class BarChart:
    bars: list[Bar]
    width: int
    height: int
    baseline: int


def bar_chart(shares) -> BarChart:
    """Vertical bars for a list of ``Share`` (label, count), scaled to the largest count."""
    largest = max((share.count for share in shares), default=0) or 1
    bars = []
    for position, share in enumerate(shares):
        height = round(share.count * HEIGHT / largest)
        x = GAP + position * (BAR_WIDTH + GAP)
        bars.append(
            Bar(
                label=share.label,
                value=share.count,
                x=x,
                y=TOP + HEIGHT - height,
                height=height,
                label_x=x + BAR_WIDTH // 2,
            )
        )
    width = GAP + len(shares) * (BAR_WIDTH + GAP)
    return BarChart(bars=bars, width=width, height=TOP + HEIGHT + 40, baseline=TOP + HEIGHT)
