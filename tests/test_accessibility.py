"""无障碍 / 适老化: the toolbar works without JavaScript (links that set a cookie and come back,
never to another site), and the page cache keeps one rendering per mode, never showing one
visitor's mode to another."""

import pytest
from django.test import Client
from hypothesis import given
from hypothesis import strategies as st

from disclosure_portal.accessibility import FONT_COOKIE, MODE_COOKIE

from .conftest import make_document
from .fuzzing import fuzz_settings, parameter_text


def html_class(response) -> str:
    start = response.content.decode().index('<html lang="zh-Hans" class="') + 28
    return response.content.decode()[start:].split('"', 1)[0]


def visitor(**cookies) -> Client:
    client = Client()
    for name, value in cookies.items():
        client.cookies[name] = value
    return client


def test_the_toolbar_links_set_the_cookies_and_come_back(client, column, unit):
    document = make_document(column, unit, "字号测试的通知")
    page = client.get(document.url).content.decode()
    assert "适老化模式" in page and "字号" in page and 'class="font-medium"' in page
    response = client.get("/accessibility/", {"size": "large", "next": document.url})
    assert response.status_code == 302 and response["Location"] == document.url
    assert response.cookies[FONT_COOKIE].value == "large"
    assert response.cookies[FONT_COOKIE]["samesite"] == "Lax"
    assert response["Cache-Control"] == "no-store"
    assert html_class(client.get(document.url)) == "font-large"

    client.get("/accessibility/", {"mode": "contrast", "on": "1", "next": document.url})
    assert client.cookies[MODE_COOKIE].value == "elder.contrast"  # the tools live in the mode
    assert html_class(client.get(document.url)) == "font-large a11y-elder a11y-contrast"
    page = client.get(document.url).content.decode()
    assert '高对比度<span class="visually-hidden" data-a11y-state>（已开启）' in page
    assert "mode=contrast&amp;on=0" in page  # the link now switches it off

    client.get("/accessibility/", {"mode": "guide", "on": "1", "next": "/"})
    client.get("/accessibility/", {"mode": "contrast", "on": "0", "next": "/"})
    assert client.cookies[MODE_COOKIE].value == "elder.guide"
    client.get("/accessibility/", {"mode": "elder", "on": "0", "next": "/"})  # 退出
    assert client.cookies[MODE_COOKIE].value == ""
    assert client.cookies[FONT_COOKIE].value == "large"  # the font size is kept


@pytest.mark.parametrize(
    "target",
    [
        "https://evil.example/",
        "//evil.example/",
        "/\\evil.example/",
        "\\\\evil.example",
        "javascript:alert(1)",
        "http://testserver/zfxxgk/",  # absolute URLs are not needed, not even our own
        "",
    ],
)
def test_next_never_leaves_the_site(client, db, target):
    response = client.get("/accessibility/", {"size": "small", "next": target})
    assert response.status_code == 302 and response["Location"] == "/"


def test_the_endpoint_changes_nothing_on_post_and_keeps_the_query_of_next(client, db):
    assert client.post("/accessibility/", {"size": "large"}).status_code == 405
    response = client.get("/accessibility/", {"size": "large", "next": "/search/?q=通知&page=2"})
    assert response["Location"] == "/search/?q=%E9%80%9A%E7%9F%A5&page=2"


def test_a_cached_page_never_shows_one_visitors_mode_to_another(column, unit):
    document = make_document(column, unit, "缓存与适老化的通知")
    elder = visitor(**{MODE_COOKIE: "elder.large.contrast", FONT_COOKIE: "large"})
    plain = visitor()
    first = elder.get(document.url)
    assert first["X-Page-Cache"] == "miss"
    assert html_class(first) == "font-large a11y-elder a11y-large a11y-contrast"
    served = plain.get(document.url)
    assert served["X-Page-Cache"] == "miss"  # not the elder visitor's entry
    assert html_class(served) == "font-medium"
    assert plain.get(document.url)["X-Page-Cache"] == "hit"
    again = elder.get(document.url)
    assert again["X-Page-Cache"] == "hit" and html_class(again) == html_class(first)

    # other cookies, unknown values and another order share the normalised entries
    for cookies, expected in (
        ({"tracking": "abc", "csrftoken": "x" * 32}, "font-medium"),
        ({MODE_COOKIE: "nonsense", FONT_COOKIE: "huge"}, "font-medium"),
        ({MODE_COOKIE: "contrast.large.elder.contrast", FONT_COOKIE: "large"}, html_class(first)),
    ):
        response = visitor(**cookies).get(document.url)
        assert response["X-Page-Cache"] == "hit", cookies
        assert html_class(response) == expected, cookies


def as_wsgi(value: str) -> str:
    # a cookie arrives as bytes, which WSGI hands on decoded as ISO-8859-1
    return value.encode().decode("iso-8859-1")


@fuzz_settings
@given(
    params=st.dictionaries(
        st.sampled_from(["size", "mode", "on", "next"]), parameter_text, max_size=4
    ),
    font=parameter_text.map(as_wsgi),
    mode=parameter_text.map(as_wsgi),
)
def test_fuzzed_preferences_never_fail_nor_escape(column, params, font, mode):
    client = Client()
    client.cookies[FONT_COOKIE] = font
    client.cookies[MODE_COOKIE] = mode
    response = client.get("/accessibility/", params)
    assert response.status_code == 302
    location = response["Location"]
    assert location.startswith("/") and not location.startswith(("//", "/\\"))
    page = client.get(column.url)
    assert page.status_code == 200
    classes = html_class(page).split()
    assert classes[0] in ("font-large", "font-medium", "font-small")
    assert set(classes[1:]) <= {"a11y-elder", "a11y-large", "a11y-contrast", "a11y-guide"}
