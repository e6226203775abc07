"""Hypothesis strategies and checks shared by the fuzz tests of the public views."""

import html
import re

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

# Characters that matter to parsers: SQL and FTS operators, HTML, quotes, control and
# zero-width characters, Chinese punctuation, and digits (ids, years).
parameter_text = st.one_of(
    st.text(max_size=60),
    st.text(
        alphabet="\"'<>&;|*()[]{}:^~!-+/\\%_ \x00\x0b\u200b\u3000。，《》财政税1234567890e",
        max_size=40,
    ),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
)

MARKUP = re.compile(r"<[A-Za-z/!?]")

fuzz_settings = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def parameters(names: list[str]):
    """Any subset of ``names``, each with any value."""
    return st.dictionaries(st.sampled_from(names), parameter_text, max_size=len(names))


def assert_safe(response, params: dict) -> None:
    """No error page, and no reflected value that could carry markup left unescaped."""
    assert response.status_code in (200, 404), response.status_code
    content = response.content.decode()
    for value in params.values():
        # a value that could open a tag; a bare "<" (")<") also occurs in any page's markup
        if MARKUP.search(value):
            assert value not in content or html.escape(value) == value
