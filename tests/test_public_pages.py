"""What the public sees: listings, filters, pagination, and the invisibility of non-live items."""

import datetime
import re

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import PageViewRestriction

from disclosure.models import DisclosureAttachment, Topic, Validity

from .conftest import add_column, make_document, shanghai


def titles(response) -> list[str]:
    return re.findall(r'<td><a href="[^"]+">([^<]+)</a>', response.content.decode())


@pytest.fixture
def tree(index):
    level1 = add_column(index, "法定主动公开内容")
    level2 = add_column(level1, "政策文件")
    level3 = add_column(level2, "区政府规范性文件")
    return level1, level2, level3


def test_column_lists_its_own_and_sub_column_documents_newest_first(client, tree, unit):
    level1, level2, level3 = tree
    make_document(level2, unit, "旧文件", publish_date=shanghai(2022, 1, 5))
    make_document(level3, unit, "新文件", publish_date=shanghai(2024, 3, 5))
    response = client.get(level1.url)
    assert response.status_code == 200
    assert titles(response) == ["新文件", "旧文件"]
    assert titles(client.get(level3.url)) == ["新文件"]
    content = response.content.decode()
    assert 'aria-label="下级栏目"' in content and "政策文件" in content


def test_twenty_per_page_and_pagination_keeps_filters(client, tree, unit):
    _, level2, _ = tree
    for day in range(1, 26):
        make_document(level2, unit, f"文件{day:02d}", publish_date=shanghai(2024, 1, day))
    first = client.get(level2.url, {"year": 2024})
    assert len(titles(first)) == 20
    assert titles(first)[0] == "文件25"
    assert "year=2024&amp;page=2" in first.content.decode()
    second = client.get(level2.url, {"year": 2024, "page": 2})
    assert titles(second) == [f"文件{d:02d}" for d in range(5, 0, -1)]
    assert "共 25 条信息" in second.content.decode()


def test_filters_by_year_unit_topic_and_validity(client, tree, unit, other_unit):
    _, level2, _ = tree
    topic = Topic.objects.get(name="政务公开")
    make_document(level2, unit, "甲", publish_date=shanghai(2023, 12, 31, 23, 30), topic=topic)
    make_document(level2, other_unit, "乙", publish_date=shanghai(2024, 1, 1, 0, 30))
    make_document(
        level2,
        unit,
        "丙",
        publish_date=shanghai(2024, 6, 1),
        validity=Validity.REPEALED,
        repeal_date=datetime.date(2024, 12, 1),
    )
    assert titles(client.get(level2.url, {"year": 2023})) == ["甲"]
    assert titles(client.get(level2.url, {"year": 2024})) == ["丙", "乙"]
    assert titles(client.get(level2.url, {"unit": other_unit.pk})) == ["乙"]
    assert titles(client.get(level2.url, {"topic": topic.pk})) == ["甲"]
    assert titles(client.get(level2.url, {"topic": topic.parent_id})) == ["甲"]
    assert titles(client.get(level2.url, {"validity": "repealed"})) == ["丙"]
    # A nonsense value is ignored rather than breaking the page.
    assert titles(client.get(level2.url, {"unit": "abc"})) == ["丙", "乙", "甲"]


def test_document_page_shows_the_metadata_header_and_attachments(client, tree, unit):
    _, level2, _ = tree
    topic = Topic.objects.get(name="政务公开")
    document = make_document(
        level2,
        unit,
        "关于印发工作要点的通知",
        publish_date=shanghai(2024, 5, 6),
        doc_number="区政办发〔2024〕3号",
        written_date=datetime.date(2024, 5, 1),
        topic=topic,
        body="<p>正文内容</p>",
    )
    file = get_document_model()(title="工作要点")
    file.file.save("gongzuo.pdf", ContentFile(b"%PDF-1.4 test" * 100), save=False)
    file.save()
    DisclosureAttachment.objects.create(page=document, document=file)
    content = client.get(document.url).content.decode()
    for expected in [
        document.index_no,
        "综合政务 › 政务公开",
        "区人民政府办公室",
        "2024-05-01",
        "区政办发〔2024〕3号",
        "2024-05-06",
        "有效",
        "正文内容",
        "工作要点",
    ]:
        assert expected in content, expected
    assert "（PDF · 1.3\xa0KB）" in content


def _hidden_documents(tree, unit, django_user_model):
    """One document in every state the public must never see, plus one live document."""
    _, level2, _ = tree
    make_document(level2, unit, "公开的文件", publish_date=shanghai(2024, 1, 1))
    draft = make_document(level2, unit, "草稿文件", publish=False)
    scheduled = make_document(level2, unit, "定时文件", publish=False)
    scheduled.go_live_at = timezone.now() + datetime.timedelta(days=1)
    scheduled.save_revision().publish()
    expired = make_document(level2, unit, "已过期文件")
    expired.expire_at = timezone.now() - datetime.timedelta(minutes=1)
    expired.save(update_fields=["expire_at"])  # publish_scheduled has not run yet
    unpublished = make_document(level2, unit, "撤回的文件")
    unpublished.unpublish()
    restricted = make_document(level2, unit, "受限文件")
    PageViewRestriction.objects.create(
        page=restricted, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    return [draft, scheduled, expired, unpublished, restricted]


HIDDEN_TITLES = ["草稿文件", "定时文件", "已过期文件", "撤回的文件", "受限文件"]


def test_non_live_documents_are_invisible_everywhere(client, index, tree, unit, django_user_model):
    hidden = _hidden_documents(tree, unit, django_user_model)
    level1, level2, _ = tree
    # Not on their own URL.
    for document in hidden:
        path = f"/{document.url_path.split('/', 2)[2]}"
        response = client.get(path)
        assert response.status_code in (401, 404) or "受限文件" not in response.content.decode()
        assert "正文" not in response.content.decode() or response.status_code != 200
    # Not in listings and not in counts.
    for column in (level1, level2):
        listing = client.get(column.url).content.decode()
        assert "共 1 条信息" in listing
        for title in HIDDEN_TITLES:
            assert title not in listing
    index_page = client.get(index.url).content.decode()
    assert re.search(r"政策文件</a> <span class=\"count\">\(1\)</span>", index_page)
    # Not in search, the sitemap or the home page.
    search = client.get("/search/", {"q": "文件"}).content.decode()
    sitemap = client.get("/sitemap.xml").content.decode()
    for title in HIDDEN_TITLES:
        assert title not in search
    for document in hidden:
        assert f"/{document.slug}/" not in sitemap


def test_restricted_document_asks_for_the_password_instead_of_showing_content(client, tree, unit):
    _, level2, _ = tree
    restricted = make_document(level2, unit, "受限文件", body="<p>机密正文</p>")
    PageViewRestriction.objects.create(
        page=restricted, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    content = client.get(restricted.url).content.decode()
    assert "机密正文" not in content


def test_expired_document_url_is_gone_before_the_scheduler_runs(client, tree, unit):
    _, level2, _ = tree
    document = make_document(level2, unit, "到期文件")
    assert client.get(document.url).status_code == 200
    document.expire_at = timezone.now() - datetime.timedelta(seconds=1)
    document.save(update_fields=["expire_at"])
    assert client.get(document.url).status_code == 404


def test_attachments_of_unpublished_documents_are_not_served(client, tree, unit):
    _, level2, _ = tree
    draft = make_document(level2, unit, "草稿", publish=False)
    file = get_document_model()(title="草稿附件")
    file.file.save("draft.txt", ContentFile(b"draft"), save=False)
    file.save()
    DisclosureAttachment.objects.create(page=draft, document=file)
    assert client.get(file.url).status_code == 404
    draft.get_latest_revision().publish()
    assert client.get(file.url).status_code == 200


def test_search_finds_live_documents_only(client, tree, unit):
    _, level2, _ = tree
    make_document(level2, unit, "ALPHA 公开通知")
    make_document(level2, unit, "ALPHA 草稿通知", publish=False)
    content = client.get("/search/", {"q": "ALPHA"}).content.decode()
    assert "<mark>ALPHA</mark> 公开通知" in content  # the search page highlights the query
    assert "草稿通知" not in content
