"""Issue 15's face of the portal: the 门户网站信息 setting and the footer built from it, the
home page's blocks, the HTML 网站地图, robots.txt and the favicon."""

import datetime
import html
import re
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core.management import call_command
from django.utils import timezone
from django.utils.html import escape as django_escape
from hypothesis import given
from hypothesis import strategies as st
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import PageViewRestriction, Site

from disclosure.models import InformationRequest, StatisticsPage
from disclosure.models.choices import ApplicantType
from disclosure.statistics import overview
from home.portal_settings import PortalSettings

from .conftest import add_column, make_document, shanghai
from .fuzzing import fuzz_settings


def portal_settings(**values) -> PortalSettings:
    portal = PortalSettings.for_site(Site.objects.get(is_default_site=True))
    for field, value in values.items():
        setattr(portal, field, value)
    portal.save()
    return portal


def footer(content: str) -> str:
    return re.search(r'<footer class="site-footer".*?</footer>', content, re.S).group(0)


def title(content: str) -> str:
    return html.unescape(re.search(r"<title>(.*?)</title>", content, re.S).group(1))


FOOTER_VALUES = {
    "site_name": "某某区人民政府门户网站",
    "sponsor": "某某区人民政府办公室",
    "organizer": "某某区大数据中心",
    "address": "某某区人民路1号",
    "postcode": "100000",
    "phone": "010-12345678",
    "email": "gk@example.invalid",
    "site_code": "1101050001",
    "icp_number": "京ICP备12345678号",
    "police_number": "京公网安备 11010502000001号",
}


def test_the_footer_shows_every_setting_with_its_links(client, index, column):
    contact = add_column(column, "联系我们")
    image = get_image_model().objects.create(title="党政机关", file=get_test_image_file())
    portal_settings(**FOOTER_VALUES, contact_page=contact, party_mark=image)
    content = footer(client.get("/").content.decode())
    for value in FOOTER_VALUES.values():
        if value != FOOTER_VALUES["site_name"]:
            assert value in content, value
    assert (
        '<a href="https://beian.miit.gov.cn/" rel="noopener noreferrer">京ICP备12345678号</a>'
        in content
    )
    assert "https://beian.mps.gov.cn/#/query/webSearch?code=11010502000001" in content
    assert 'href="mailto:gk@example.invalid"' in content
    assert f'<a href="{contact.url}">联系我们</a>' in content
    assert '<a href="/sitemap/">网站地图</a>' in content
    mark = re.search(r'<img src="([^"]+)"[^>]*alt="党政机关网站标识"', content).group(1)
    assert mark.startswith("/media/images/") and client.get(mark).status_code == 200


def test_the_footer_never_links_a_contact_page_the_public_cannot_see(client, index, column):
    contact = add_column(column, "联系我们")
    portal_settings(sponsor="某某区人民政府办公室", contact_page=contact)
    assert "联系我们" in footer(client.get("/").content.decode())  # the control
    column.unpublish()
    content = footer(client.get("/").content.decode())
    assert "联系我们" not in content and "某某区人民政府办公室" in content


def test_the_site_name_is_in_every_title_once_and_the_header(client, index, column):
    portal_settings(site_name="某某区人民政府门户网站", district_name="某某区人民政府")
    home = client.get("/").content.decode()
    assert title(home) == "某某区人民政府门户网站"
    assert '<h1 id="home-heading">某某区人民政府</h1>' in home
    assert (
        title(client.get(column.url).content.decode())
        == "法定主动公开内容 - 某某区人民政府门户网站"
    )
    assert title(client.get("/sitemap/").content.decode()) == "网站地图 - 某某区人民政府门户网站"
    assert '<a class="site-title" href="/">某某区人民政府门户网站</a>' in home


def test_saving_the_setting_purges_the_cached_pages(client, column, unit):
    document = make_document(column, unit, "页脚缓存的通知")
    portal_settings(sponsor="旧的主办单位")
    for url in ("/", document.url, "/sitemap/", "/robots.txt"):
        assert client.get(url)["X-Page-Cache"] == "miss"
        assert client.get(url)["X-Page-Cache"] == "hit"
    portal_settings(sponsor="新的主办单位", public_base_url="https://www.example.gov.cn")
    for url in ("/", document.url, "/sitemap/"):
        response = client.get(url)
        assert response["X-Page-Cache"] == "miss"
        assert (
            "新的主办单位" in response.content.decode()
            and "旧的主办单位" not in response.content.decode()
        )
    robots = client.get("/robots.txt").content.decode()
    assert "Sitemap: https://www.example.gov.cn/sitemap.xml" in robots


SETTING_STRINGS = (
    "site_name",
    "district_name",
    "sponsor",
    "organizer",
    "address",
    "phone",
    "icp_number",
    "police_number",
)
# markup, quotes, control and ideographic space between two markers that nothing else prints
setting_text = st.text(
    alphabet=st.sampled_from("<>&\"'/ =scriptalonerg()某区\u3000\x0b"), min_size=1, max_size=30
).map(lambda text: f"\u2603{text}\u2603")


@fuzz_settings
@given(values=st.fixed_dictionaries({field: setting_text for field in SETTING_STRINGS}))
def test_setting_strings_are_escaped_everywhere(client, column, values):
    portal_settings(**values)
    for url in ("/", column.url, "/sitemap/"):
        response = client.get(url)
        assert response.status_code == 200
        content = response.content.decode()
        for field, value in values.items():
            if "<" in value or '"' in value or "&" in value:
                assert value not in content, (url, field)
            if url == "/":  # the home page shows every one of them
                assert django_escape(value) in content, field


def test_the_setting_is_edited_under_settings_with_chinese_labels_and_errors(
    client, webmaster, index
):
    site = Site.objects.get(is_default_site=True)
    url = f"/admin/settings/home/portalsettings/{site.pk}/"
    form = client.get(url).content.decode()
    for label in (
        "网站名称",
        "主办单位",
        "承办单位",
        "网站标识码",
        "ICP备案号",
        "公安机关备案号",
        "党政机关网站标识",
        "网站访问地址",
    ):
        assert label in form, label
    assert "/admin/settings/home/portalsettings/" in client.get("/admin/").content.decode()
    data = {
        "site_name": "某某区人民政府门户网站",
        "site_code": "12-34",
        "public_base_url": "https://www.example.gov.cn/zfxxgk/?a=1",
        "icp_url": "https://beian.miit.gov.cn/",
    }
    response = client.post(url, data)
    page = response.content.decode()
    assert "网站标识码为10位数字或字母" in page
    assert "只填写协议和域名" in page
    assert not PortalSettings.objects.filter(site_code="12-34").exists()
    data.update(site_code="1101050001", public_base_url="https://www.example.gov.cn/")
    assert client.post(url, data).status_code == 302
    saved = PortalSettings.objects.get(site=site)
    assert (saved.site_code, saved.public_base_url) == ("1101050001", "https://www.example.gov.cn")


# --- the home page ----------------------------------------------------------------------------


@pytest.fixture
def sections(index):
    return {
        title: add_column(index, title)
        for title in ("政府信息公开指南", "法定主动公开内容", "依申请公开")
    }


def hidden_documents(column, unit) -> list[str]:
    """Documents the public may not see, each hidden another way, below ``column``."""
    make_document(column, unit, "从未发布的草稿通知", publish=False)
    expired = make_document(column, unit, "已经到期下线的通知")
    expired.expire_at = timezone.now() - datetime.timedelta(minutes=1)
    expired.save()
    private = add_column(column, "内部栏目")
    make_document(private, unit, "受限栏目里的通知")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    withdrawn = add_column(column, "撤下的栏目")
    make_document(withdrawn, unit, "撤下栏目里的通知")
    withdrawn.unpublish()
    return ["从未发布的草稿通知", "已经到期下线的通知", "受限栏目里的通知", "撤下栏目里的通知"]


def test_the_home_lists_the_latest_public_documents_of_each_main_column(client, sections, unit):
    content_column = sections["法定主动公开内容"]
    hidden = hidden_documents(content_column, unit)
    make_document(content_column, unit, "公开的通知")
    make_document(sections["依申请公开"], unit, "申请须知的说明")
    content = client.get("/").content.decode()
    assert "公开的通知" in content and "申请须知的说明" in content  # the controls
    for hidden_title in hidden:
        assert hidden_title not in content, hidden_title
    blocks = re.findall(r'<section class="home-block".*?</section>', content, re.S)
    assert [re.search(r"<h2[^>]*><a[^>]*>(.*?)</a>", b).group(1) for b in blocks] == list(sections)
    assert "暂无信息" in blocks[0]  # a column without documents says so


def test_the_home_lists_policy_interpretations_when_the_column_exists(client, sections, unit):
    assert "interpretation-heading" not in client.get("/").content.decode()
    interpretations = add_column(sections["法定主动公开内容"], "政策解读")
    hidden = hidden_documents(interpretations, unit)
    make_document(interpretations, unit, "《实施意见》政策解读")
    content = client.get("/").content.decode()
    block = re.search(
        r'<section class="home-block" aria-labelledby="interpretation-heading">.*?</section>',
        content,
        re.S,
    ).group(0)
    assert "《实施意见》政策解读" in block and interpretations.url in block
    for hidden_title in hidden:
        assert hidden_title not in block


def test_the_entry_points_link_the_columns_found_and_skip_absent_ones(client, sections):
    content = client.get("/").content.decode()
    entries = re.search(r'<section class="home-entries".*?</section>', content, re.S).group(0)
    assert f'href="{sections["政府信息公开指南"].url}"' in entries
    assert f'href="{sections["依申请公开"].url}"' in entries
    assert "信息公开制度" not in entries and "信息公开年报" not in entries
    sections["依申请公开"].unpublish()
    entries = re.search(
        r'<section class="home-entries".*?</section>', client.get("/").content.decode(), re.S
    ).group(0)
    assert "依申请公开" not in entries and "信息公开指南" in entries


def test_the_home_figures_are_the_statistics_of_this_year(client, sections, unit):
    column = sections["法定主动公开内容"]
    now = timezone.localtime()
    make_document(column, unit, "今年的通知一", publish_date=now - datetime.timedelta(minutes=5))
    make_document(column, unit, "今年的通知二", publish_date=now - datetime.timedelta(minutes=4))
    make_document(column, unit, "去年的通知", publish_date=shanghai(now.year - 1, 6, 1))
    make_document(column, unit, "今年的草稿", publish=False)
    InformationRequest.objects.create(
        unit=unit,
        received_date=now.date(),
        subject="某项目",
        applicant_type=ApplicantType.NATURAL_PERSON,
    )
    statistics = StatisticsPage(title="政府信息公开统计", slug="statistics")
    column.add_child(instance=statistics)
    figures = re.search(
        r'<section class="home-figures".*?</section>', client.get("/").content.decode(), re.S
    ).group(0)
    expected = overview(now.year).published_in_year
    assert expected == 2
    assert f"本年主动公开信息</dt><dd>{expected}<" in figures
    assert "累计主动公开信息</dt><dd>3<" in figures
    assert "本年收到公开申请</dt><dd>1<" in figures
    assert f'href="{statistics.url}"' in figures


def test_the_home_has_a_search_box(client, index):
    content = client.get("/").content.decode()
    form = re.search(r'<form class="home-search" action="/search/".*?</form>', content, re.S).group(
        0
    )
    assert 'name="q"' in form and '<label for="home-search-q">' in form


# --- 网站地图, robots.txt, favicon --------------------------------------------------------------


def test_the_site_map_lists_the_public_tree_and_nothing_else(client, sections, unit):
    guide = sections["政府信息公开指南"]
    level2 = add_column(guide, "区政府信息公开指南")
    add_column(level2, "公开目录")
    withdrawn = add_column(guide, "撤下的二级栏目")
    add_column(withdrawn, "撤下栏目下的三级栏目")
    withdrawn.unpublish()
    private = add_column(guide, "受限的二级栏目")
    add_column(private, "受限栏目下的三级栏目")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    make_document(level2, unit, "不进网站地图的文件")
    response = client.get("/sitemap/")
    content = response.content.decode()
    for public in (
        "政府信息公开指南",
        "区政府信息公开指南",
        "公开目录",
        "依申请公开",
        "政府信息公开",
    ):
        assert public in content, public
    assert f'href="{level2.url}"' in content
    for hidden in (
        "撤下的二级栏目",
        "撤下栏目下的三级栏目",
        "受限的二级栏目",
        "受限栏目下的三级栏目",
        "不进网站地图的文件",
    ):
        assert hidden not in content, hidden
    assert client.get("/sitemap/")["X-Page-Cache"] == "hit"
    add_column(guide, "新增的二级栏目")
    assert "新增的二级栏目" in client.get("/sitemap/").content.decode()


def test_robots_allows_the_portal_disallows_the_admin_and_points_to_the_sitemap(client, index):
    response = client.get("/robots.txt")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines and "Allow: /" in lines
    assert {"Disallow: /admin/", "Disallow: /django-admin/"} <= set(lines)
    assert "Sitemap: http://testserver/sitemap.xml" in lines


def test_the_favicon_is_served_at_the_root(client, db):
    response = client.get("/favicon.ico")
    assert response.status_code == 200 and response["Content-Type"] == "image/svg+xml"
    svg = Path(django_settings.BASE_DIR, "static/img/favicon.svg").read_bytes()
    assert response.content == svg
    assert client.head("/favicon.ico").status_code == 200


def test_setup_demo_fills_the_settings_with_visible_demo_values(client, db, settings):
    call_command("setup_demo", documents=8)
    portal = PortalSettings.objects.get(site__is_default_site=True)
    assert portal.sponsor and portal.site_code and "演示" in portal.icp_number
    assert portal.public_base_url == settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    assert portal.party_mark is not None and portal.contact_page is not None
    content = footer(client.get("/").content.decode())
    assert portal.sponsor in content and portal.icp_number in content and "联系我们" in content
    portal.sponsor = "编辑改过的主办单位"
    portal.save()
    call_command("setup_demo", documents=8)  # runs again without overwriting the editor
    assert PortalSettings.objects.get(pk=portal.pk).sponsor == "编辑改过的主办单位"


def test_deleting_the_mark_image_purges_the_footer(client, index):
    image = get_image_model().objects.create(title="党政机关", file=get_test_image_file())
    portal_settings(sponsor="某某区人民政府办公室", party_mark=image)
    assert "党政机关网站标识" in footer(client.get("/").content.decode())
    assert client.get("/")["X-Page-Cache"] == "hit"
    image.delete()
    response = client.get("/")
    assert response["X-Page-Cache"] == "miss"
    content = footer(response.content.decode())
    assert "党政机关网站标识" not in content and "某某区人民政府办公室" in content
