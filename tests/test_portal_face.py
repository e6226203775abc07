"""Issue 15's broken items that need no browser: the main navigation, the home page's title,
topics as the public reads them, the 索引号 of a new document and short document slugs."""

import re

import pytest

from disclosure.models import DisclosureDocumentPage, StatisticsPage, Topic

from .conftest import add_column, admin_document_form, make_document


@pytest.fixture
def portal(index, unit):
    level1 = add_column(index, "法定主动公开内容")
    statistics = StatisticsPage(title="政府信息公开统计", slug="statistics")
    level1.add_child(instance=statistics)
    return index, level1, statistics


def nav(content: str) -> str:
    return re.search(r'<nav aria-label="主导航".*?</nav>', content, re.S).group(0)


def test_the_main_navigation_links_the_index_the_statistics_and_search(client, portal):
    index, level1, statistics = portal
    menu = nav(client.get("/").content.decode())
    assert f'href="{index.url}"' in menu and "政府信息公开" in menu
    assert f'href="{statistics.url}"' in menu and "政府信息公开统计" in menu
    assert 'href="/search/"' in menu
    inside = nav(client.get(level1.url).content.decode())
    assert f'href="{index.url}" aria-current="page"' in inside


def test_only_the_deepest_navigation_link_is_current(client, portal):
    # the statistics page sits below the index: the menu marks it alone
    index, _level1, statistics = portal
    menu = nav(client.get(statistics.url).content.decode())
    assert f'href="{statistics.url}" aria-current="page"' in menu
    assert menu.count('aria-current="page"') == 1


def test_the_navigation_never_links_a_page_the_public_cannot_see(client, portal):
    _index, _level1, statistics = portal
    statistics.unpublish()
    menu = nav(client.get("/").content.decode())
    assert "政府信息公开统计" not in menu
    assert "政府信息公开" in menu  # the control


def test_the_home_title_names_the_site_once(client, portal):
    title = re.search(r"<title>(.*?)</title>", client.get("/").content.decode()).group(1)
    assert title == "区人民政府门户网站"


def test_a_topic_reads_without_a_backslash(client, portal, unit):
    _index, level1, _statistics = portal
    topic = Topic.objects.filter(parent__isnull=False).select_related("parent").first()
    document = make_document(level1, unit, "关于财政资金的通知", topic=topic)
    content = client.get(document.url).content.decode()
    assert f"{topic.parent.name} › {topic.name}" in content
    assert "\\" not in content.split("<main", 1)[1]


def test_a_new_document_in_the_admin_has_no_none_and_gets_a_short_slug(
    client, webmaster, portal, unit
):
    _index, level1, _statistics = portal
    url = f"/admin/pages/add/disclosure/disclosuredocumentpage/{level1.pk}/"
    form = client.get(url).content.decode()
    assert "（首次发布时自动生成）" in form
    title = "区人民政府办公室关于印发" + "政府信息公开工作要点" * 10 + "的通知"
    # the slug is what the admin's slug field derives from a Chinese title
    response = client.post(url, admin_document_form(unit, title=title, slug=title))
    assert response.status_code == 302, response.context["form"].errors
    document = DisclosureDocumentPage.objects.get(title=title)
    assert re.fullmatch(r"doc-[0-9a-f]{8}", document.slug)
    document.title = "改过的标题"
    document.save_revision().publish()
    document.refresh_from_db()
    assert re.fullmatch(r"doc-[0-9a-f]{8}", document.slug)  # stable


def test_a_short_ascii_slug_typed_by_the_editor_is_kept(portal, unit):
    _index, level1, _statistics = portal
    document = make_document(level1, unit, "通知", slug="budget-2024")
    assert document.slug == "budget-2024"
