"""The page cache (disclosure.page_cache): who gets cached pages, and 0 stale responses.

The stale test reads every public channel before and after each change an editor or the
scheduler makes, and compares what the cache serves with what the portal renders with every
cache off. Time passes for real (2 s schedules): the scheduled go-live and the expiry must
not depend on a purge.
"""

import datetime
import re
import time

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone
from wagtail.models import PageViewRestriction

from disclosure.models import StatisticsPage

from .conftest import add_column, make_document, shanghai

UNCACHED = {"DISCLOSURE_PAGE_CACHE_SECONDS": 0, "DISCLOSURE_CACHE_SECONDS": 0}


def body(response) -> bytes:
    """The response's bytes, CSRF tokens aside (they differ on every request)."""
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return re.sub(rb'name="csrfmiddlewaretoken" value="[^"]*"', b"", content)


def test_an_anonymous_reader_gets_the_cached_page_without_a_query(
    client, column, unit, django_assert_num_queries
):
    document = make_document(column, unit, "缓存命中的通知")
    first = client.get(document.url)
    assert first.status_code == 200 and first["X-Page-Cache"] == "miss"
    with django_assert_num_queries(0):
        second = client.get(document.url)
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]
    assert "Permissions-Policy" in second and "Content-Security-Policy" in second


def test_editors_are_never_served_or_stored_a_cached_page(client, webmaster, column, unit):
    document = make_document(column, unit, "编辑看到的通知")
    for _ in range(2):
        response = client.get(document.url)
        assert response.status_code == 200 and "X-Page-Cache" not in response
    client.logout()
    client.cookies.clear()
    assert client.get(document.url)["X-Page-Cache"] == "miss"  # nothing was stored for them


def test_a_password_form_and_a_not_found_page_are_not_cached(client, column, unit):
    document = make_document(column, unit, "密码保护的通知")
    PageViewRestriction.objects.create(
        page=document, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    for _ in range(2):
        response = client.get(document.url)
        assert response.status_code == 200 and "密码保护的通知" not in response.content.decode()
        assert "X-Page-Cache" not in response
    for _ in range(2):
        assert "X-Page-Cache" not in client.get(column.url + "no-such-page/")


def test_a_query_string_is_its_own_entry_whatever_the_order_of_its_parameters(client, column, unit):
    make_document(column, unit, "分页的通知")
    assert client.get(column.url, {"page": "1", "validity": "valid"})["X-Page-Cache"] == "miss"
    assert client.get(f"{column.url}?validity=valid&page=1")["X-Page-Cache"] == "hit"
    assert client.get(column.url, {"page": "2"})["X-Page-Cache"] == "miss"


@pytest.fixture
def tree(index, unit):
    policy = add_column(index, "政策文件")
    notices = add_column(policy, "通知公告")
    other = add_column(index, "其他文件")
    reports = add_column(index, "政府信息公开年报")
    statistics = StatisticsPage(title="公开统计", slug="statistics")
    reports.add_child(instance=statistics)
    kept = make_document(notices, unit, "一直公开的通知")
    return {"policy": policy, "notices": notices, "other": other, "kept": kept, "stats": statistics}


class Reader:
    """Reads every channel through the cache and without it, and counts the differences."""

    def __init__(self, client, urls):
        self.client, self.urls, self.stale, self.hits = client, urls, [], 0

    def warm(self):
        for url in self.urls():
            self.client.get(url)

    def check(self, step: str):
        for url in self.urls():
            served = self.client.get(url)
            self.hits += served.get("X-Page-Cache") == "hit"
            with override_settings(**UNCACHED):
                truth = self.client.get(url)
            if (served.status_code, body(served)) != (truth.status_code, body(truth)):
                self.stale.append((step, url, served.status_code, truth.status_code))


def test_no_stale_response_while_pages_are_published_unpublished_scheduled_expired_and_moved(
    client, home, index, unit, tree
):
    document = make_document(tree["notices"], unit, "将要变化的通知")
    urls = [
        "/",
        index.url,
        tree["policy"].url,
        tree["notices"].url,
        tree["other"].url,
        tree["stats"].url,
        "/search/?q=通知",
        "/sitemap.xml",
        "/zfxxgk/catalogue.csv",
        tree["kept"].url,
    ]
    reader = Reader(client, lambda: [*urls, document.url])

    def step(name, change):
        reader.warm()
        change()
        reader.check(name)

    def publish_new():
        nonlocal document
        document = make_document(tree["notices"], unit, "新发布的通知")

    def retitle():
        document.title = "改过标题的通知"
        document.save_revision().publish()

    def save_draft():
        document.title = "只是草稿的标题"
        document.save_revision()

    step("publish", publish_new)
    step("retitle", retitle)
    step("draft", save_draft)
    step("unpublish", lambda: document.unpublish())

    scheduled = make_document(tree["notices"], unit, "定时上线的通知", publish=False)
    scheduled.go_live_at = timezone.now() + datetime.timedelta(seconds=2)
    scheduled.save_revision().publish()
    urls.append(scheduled.url)
    reader.warm()
    time.sleep(2.5)
    reader.check("go-live time passed, scheduler not run yet")
    call_command("run_scheduler", "--once")
    reader.check("scheduler published")

    expiring = make_document(tree["notices"], unit, "到期下线的通知")
    expiring.expire_at = timezone.now() + datetime.timedelta(seconds=2)
    expiring.save_revision().publish()
    urls.append(expiring.url)
    reader.warm()
    time.sleep(2.5)
    reader.check("expiry passed, scheduler not run yet")
    call_command("run_scheduler", "--once")
    reader.check("scheduler unpublished")

    moving = make_document(tree["notices"], unit, "移动栏目的通知")
    urls.append(moving.url)
    step("move", lambda: moving.move(tree["other"], pos="last-child"))
    urls.remove(moving.url)
    moving.refresh_from_db()
    urls.append(moving.url)
    reader.check("moved, new address")

    restriction = []
    step(
        "restrict column",
        lambda: restriction.append(
            PageViewRestriction.objects.create(
                page=tree["notices"], restriction_type=PageViewRestriction.PASSWORD, password="x"
            )
        ),
    )
    step("lift restriction", lambda: restriction[0].delete())
    step("rename unit", lambda: unit.__class__.objects.get(pk=unit.pk).save())

    def rename_unit():
        unit.name = "区人民政府办公室（更名）"
        unit.save()

    step("rename unit", rename_unit)
    step("unpublish column", lambda: tree["policy"].unpublish())

    assert reader.stale == [], reader.stale
    assert reader.hits > 20  # the cache did serve: the comparisons were not all misses


def test_a_publication_purges_its_own_branch_and_the_catalogue_views_only(
    client, home, index, unit, tree
):
    neighbour = make_document(tree["other"], unit, "别的栏目里的通知")
    # older than "kept": not next to the new document, so its 上一篇/下一篇 stay the same
    older = make_document(tree["notices"], unit, "更早的通知", publish_date=shanghai(2020))
    unaffected = [neighbour.url, tree["other"].url, older.url]
    affected = ["/", index.url, tree["policy"].url, tree["notices"].url, tree["stats"].url]
    affected += [tree["kept"].url]  # its 上一篇 is now the new document
    affected += ["/search/?q=通知", "/sitemap.xml"]
    for url in unaffected + affected:
        client.get(url)
    make_document(tree["notices"], unit, "刚发布的通知")
    for url in unaffected:
        assert client.get(url)["X-Page-Cache"] == "hit", url
    for url in affected:
        assert client.get(url)["X-Page-Cache"] == "miss", url


def _file(title: str):
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    file = get_document_model()(title=title)
    file.file.save(f"{title}.pdf", ContentFile(b"%PDF-1.4 " + title.encode()), save=False)
    file.save()
    return file


def test_a_renamed_replaced_or_deleted_file_purges_the_pages_that_show_it(client, column, unit):
    from disclosure.models import DisclosureAttachment

    attached, linked, unrelated = _file("附件原名"), _file("正文链接原名"), _file("无关文件")
    document = make_document(
        column, unit, "带附件的通知",
        body=f'<p><a linktype="document" id="{linked.pk}">正文链接原名</a></p>',
    )  # fmt: skip
    DisclosureAttachment.objects.create(page=document, document=attached)
    document.save_revision().publish()
    # in another column: not the document's neighbour (上一篇/下一篇 show its title)
    other = make_document(add_column(column, "其他栏目"), unit, "不相关的通知")
    for url in (document.url, other.url):
        client.get(url)
    # the first view stored the page (Wagtail's lazy file-size save purges nothing)
    assert client.get(document.url)["X-Page-Cache"] == "hit"

    unrelated.title = "无关文件改名"
    unrelated.save()
    assert client.get(other.url)["X-Page-Cache"] == "hit"  # nothing referred to it
    assert client.get(document.url)["X-Page-Cache"] == "hit"

    attached.title = "附件新名"
    attached.save()
    page = client.get(document.url)
    assert page["X-Page-Cache"] == "miss" and "附件新名" in page.content.decode()
    assert client.get(other.url)["X-Page-Cache"] == "hit"

    from django.core.files.base import ContentFile

    old_link = attached.url
    attached.file.save("替换后的文件.pdf", ContentFile(b"%PDF-1.4 new"), save=True)
    page = client.get(document.url).content.decode()
    assert attached.url in page and old_link not in page

    client.get(document.url)
    linked.delete()
    assert client.get(document.url)["X-Page-Cache"] == "miss"


def test_a_search_promotion_purges_the_searches(client, column, unit):
    from wagtail.contrib.search_promotions.models import Query, SearchPromotion

    make_document(column, unit, "财政预算公开")
    client.get("/search/", {"q": "财政"})
    assert client.get("/search/", {"q": "财政"})["X-Page-Cache"] == "hit"
    SearchPromotion.objects.create(query=Query.get("财政"), page=column, sort_order=0)
    response = client.get("/search/", {"q": "财政"})
    assert response["X-Page-Cache"] == "miss" and "推荐结果" in response.content.decode()
