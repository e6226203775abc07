"""RSS and Atom feeds (disclosure/feeds.py): a column's whole public subtree, the catalogue,
absolute links, escaped text, cached and purged like the pages. The non-public states are
in tests/test_leak_matrix.py."""

import datetime
import xml.etree.ElementTree as ET
from urllib.parse import quote

import pytest
from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st

from disclosure.models import Topic

from .conftest import add_column, make_document, shanghai
from .fuzzing import fuzz_settings, parameter_text

ATOM = "{http://www.w3.org/2005/Atom}"


def rss_items(response) -> list[ET.Element]:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    return ET.fromstring(response.content).findall("./channel/item")


def atom_entries(response) -> list[ET.Element]:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    return ET.fromstring(response.content).findall(f"{ATOM}entry")


@pytest.fixture
def tree(index, column, unit, other_unit):
    sub = add_column(column, "财政资金")
    other = add_column(index, "其他栏目")
    topic = Topic.objects.filter(parent__isnull=False).select_related("parent").first()
    below = make_document(
        sub,
        unit,
        "关于<b>预算</b>公开的通知 & 说明",
        publish_date=shanghai(2024, 3, 5, 9),
        summary="预算<script>alert(1)</script>概述",
        topic=topic,
    )
    direct = make_document(
        column, other_unit, "本栏目直接发布的通知", publish_date=shanghai(2024, 6, 1)
    )
    elsewhere = make_document(other, unit, "其他栏目的通知", publish_date=shanghai(2024, 7, 1))
    draft = make_document(sub, unit, "尚未发布的草稿", publish=False)
    body = "<p>A&amp;B&nbsp;<b>粗体</b></p>"
    make_document(other, unit, "正文里的实体", body=body, publish_date=shanghai(2024, 1, 1))
    return {
        "column": column,
        "sub": sub,
        "topic": topic,
        "below": below,
        "direct": direct,
        "elsewhere": elsewhere,
        "draft": draft,
    }


def test_column_rss_lists_its_whole_public_subtree_newest_first(client, tree):
    items = rss_items(client.get(f"/zfxxgk/feeds/{tree['column'].pk}/rss/"))
    titles = [item.findtext("title") for item in items]
    # titles are HTML-escaped once more, as Django's feeds do (readers treat them as HTML)
    assert titles == ["本栏目直接发布的通知", "关于&lt;b&gt;预算&lt;/b&gt;公开的通知 &amp; 说明"]
    below = items[1]
    url = tree["below"].full_url
    assert url.startswith("http://localhost/")  # the Site's root URL, not the request's host
    assert below.findtext("link") == url and below.findtext("guid") == url
    assert below.find("guid").get("isPermaLink") == "true"
    assert below.findtext("pubDate") == "Tue, 05 Mar 2024 01:00:00 +0000"
    categories = [c.text for c in below.findall("category")]
    assert categories == [tree["topic"].display_name, "区人民政府办公室"]
    description = below.findtext("description")
    assert "<script>" not in description and "&lt;script&gt;" in description
    channel = ET.fromstring(client.get(f"/zfxxgk/feeds/{tree['column'].pk}/rss/").content)
    assert channel.findtext("./channel/link") == tree["column"].full_url


def test_atom_feed_has_the_same_entries(client, tree):
    entries = atom_entries(client.get(f"/zfxxgk/feeds/{tree['sub'].pk}/atom/"))
    assert [e.findtext(f"{ATOM}title") for e in entries] == ["关于<b>预算</b>公开的通知 & 说明"]
    entry = entries[0]
    assert entry.find(f"{ATOM}link").get("href") == tree["below"].full_url
    assert entry.findtext(f"{ATOM}id") == tree["below"].full_url
    assert entry.findtext(f"{ATOM}published").startswith("2024-03-05T01:00:00")
    terms = [c.get("term") for c in entry.findall(f"{ATOM}category")]
    assert terms == [tree["topic"].display_name, "区人民政府办公室"]


def test_catalogue_feed_has_the_newest_fifty_public_documents(client, tree, unit):
    now = timezone.now()
    for number in range(55):
        make_document(
            tree["sub"],
            unit,
            f"批量通知 {number:02d}",
            publish_date=now - datetime.timedelta(hours=number),
        )
    for url in ("/zfxxgk/feeds/rss/", "/zfxxgk/feeds/atom/"):
        response = client.get(url)
        if "rss" in url:
            titles = [item.findtext("title") for item in rss_items(response)]
        else:
            titles = [entry.findtext(f"{ATOM}title") for entry in atom_entries(response)]
        assert titles == [f"批量通知 {number:02d}" for number in range(50)], url


def test_feeds_of_hidden_or_unknown_pages_are_not_found(client, tree):
    tree["sub"].unpublish()
    for page_id in (tree["sub"].pk, tree["below"].pk, tree["draft"].pk, 999999):
        for kind in ("rss", "atom"):
            assert client.get(f"/zfxxgk/feeds/{page_id}/{kind}/").status_code == 404
    # the document below the unpublished column left the parent column's feed too
    titles = [
        i.findtext("title")
        for i in rss_items(client.get(f"/zfxxgk/feeds/{tree['column'].pk}/rss/"))
    ]
    assert titles == ["本栏目直接发布的通知"]


def test_column_and_index_pages_announce_their_feeds(client, tree, index):
    for page in (tree["column"], index):
        body = client.get(page.url).content.decode()
        assert (
            f'<link rel="alternate" type="application/rss+xml" title="{page.title} · 最新信息 (RSS)" '
            f'href="/zfxxgk/feeds/{page.pk}/rss/">' in body
        )
        assert 'type="application/atom+xml"' in body and f"/zfxxgk/feeds/{page.pk}/atom/" in body
    assert 'rel="alternate"' not in client.get(tree["below"].url).content.decode()


def test_a_feed_is_cached_until_a_document_below_the_column_is_published(client, tree, unit):
    url = f"/zfxxgk/feeds/{tree['column'].pk}/rss/"
    assert client.get(url)["X-Page-Cache"] == "miss"
    assert client.get(url)["X-Page-Cache"] == "hit"
    client.get(f"/zfxxgk/feeds/{tree['sub'].pk}/rss/")
    make_document(tree["sub"], unit, "新发布的通知")
    for feed in (url, f"/zfxxgk/feeds/{tree['sub'].pk}/rss/", "/zfxxgk/feeds/rss/"):
        response = client.get(feed)
        assert response["X-Page-Cache"] == "miss", feed
        assert "新发布的通知" in response.content.decode(), feed
    # a publication elsewhere leaves this column's feed cached
    make_document(add_column(tree["elsewhere"].get_parent(), "别处"), unit, "别处的通知")
    assert client.get(url)["X-Page-Cache"] == "hit"


def test_the_feed_follows_a_draft_published_later(client, tree):
    url = f"/zfxxgk/feeds/{tree['sub'].pk}/atom/"
    assert "尚未发布的草稿" not in client.get(url).content.decode()
    tree["draft"].get_latest_revision().publish()
    assert "尚未发布的草稿" in client.get(url).content.decode()


@fuzz_settings
@given(path=st.one_of(parameter_text, st.integers(min_value=-1, max_value=10**20).map(str)))
def test_feed_urls_never_fail(client, tree, path):
    for kind in ("rss", "atom"):
        response = client.get(f"/zfxxgk/feeds/{quote(path, safe='')}/{kind}/", {"page": path})
        assert response.status_code in (200, 404), (path, response.status_code)


def test_without_a_summary_the_description_is_the_start_of_the_body_as_text(client, tree):
    other = tree["elsewhere"].get_parent()
    entries = atom_entries(client.get(f"/zfxxgk/feeds/{other.pk}/atom/"))
    summaries = {e.findtext(f"{ATOM}title"): e.findtext(f"{ATOM}summary") for e in entries}
    assert summaries["正文里的实体"] == "A&amp;B 粗体"  # type="html": shows as A&B 粗体
