"""The SVG bar charts: the label area is sized from the longest label, so nothing is clipped."""

from collections import namedtuple

from hypothesis import given, settings
from hypothesis import strategies as st

from disclosure.reports.charts import FONT_SIZE, LABEL_MAX_EM, bar_chart, text_width, wrap_label

Share = namedtuple("Share", "label count")


def test_cjk_is_one_em_and_latin_half():
    assert text_width("机构职能") == 4 * FONT_SIZE
    assert text_width("12月") == FONT_SIZE + 2 * 0.6 * FONT_SIZE


def test_the_label_area_fits_the_longest_label_and_long_labels_wrap_evenly():
    chart = bar_chart(
        [Share("机构职能", 3), Share("民政扶贫救灾社会社保就业", 3), Share("其他", 35)]
    )
    first, long, last = chart.bars
    assert [text for text, _y in first.lines] == ["机构职能"]
    assert [text for text, _y in long.lines] == ["民政扶贫救灾", "社会社保就业"]
    assert chart.label_x >= text_width("民政扶贫救灾")
    # The largest count gets the longest bar, and its value is inside the chart.
    assert last.length > first.length > 0
    assert last.value_x + text_width("35") <= chart.width
    # Rows do not overlap.
    assert first.y + first.height <= long.y and long.y + long.height <= last.y


def test_an_empty_period_draws_an_empty_chart():
    chart = bar_chart([Share("1月", 0), Share("2月", 0)])
    assert [bar.length for bar in chart.bars] == [0, 0]
    assert bar_chart([]).bars == []


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(st.text(min_size=1, max_size=40), st.integers(min_value=0, max_value=10**6)),
        max_size=15,
    )
)
def test_any_labels_stay_inside_the_chart(items):
    chart = bar_chart([Share(label, count) for label, count in items])
    for bar, (label, _count) in zip(chart.bars, items, strict=True):
        assert 1 <= len(bar.lines) <= 2
        for text, y in bar.lines:
            assert text_width(text) <= chart.label_x  # drawn right-aligned at label_x
            assert 0 < y <= chart.height
        assert bar.value_x + text_width(str(bar.value)) <= chart.width
        whole = "".join(text for text, _y in bar.lines)
        assert whole == label or (whole.endswith("…") and label.startswith(whole[:-1]))


def test_wrapping_never_exceeds_the_limit():
    limit = LABEL_MAX_EM * FONT_SIZE
    for label in ("重大项目、为民办实事", "安全生产、应急管理", "x" * 50, "一" * 30):
        assert all(text_width(line) <= limit for line in wrap_label(label, limit))
