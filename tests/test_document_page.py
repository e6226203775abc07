"""The document page: metadata grid, attachments, share link and QR, previous/next, purges."""

import datetime
import io
import re

import PIL.Image
import segno
import zxingcpp
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import Page, PageViewRestriction

from disclosure.document_page import qr_svg
from disclosure.models import DisclosureAttachment, DisclosureDocumentPage

from .conftest import add_column, make_document, shanghai
from .document_helpers import pager, section


def test_the_metadata_grid_comes_in_the_national_order_two_pairs_a_row(client, column, unit):
    document = make_document(
        column,
        unit,
        "关于印发工作要点的通知",
        doc_number="区政办发〔2024〕3号",
        written_date=datetime.date(2024, 5, 1),
        publish_date=shanghai(2024, 5, 6),
        keywords="政务公开",
    )
    content = client.get(document.url).content.decode()
    table = re.search(r'<table class="metadata">(.*?)</table>', content, re.S).group(1)
    labels = re.findall(r'<th scope="row">([^<]+)</th>', table)
    assert labels == [
        "索引号",
        "主题分类",
        "发布机构",
        "成文日期",
        "文号",
        "发布日期",
        "有效性",
        "体裁",
        "主题词",
        "名称",
    ]
    rows = re.findall(r"<tr>(.*?)</tr>", table, re.S)
    assert [row.count("<th") for row in rows] == [2, 2, 2, 2, 1, 1]
    assert document.index_no in table and "2024-05-06" in table and "政务公开" in table
    # above the title
    assert content.index('<table class="metadata">') < content.index("<h1")


def _file(name: str, data: bytes, *, record_size: bool = True):
    file = get_document_model()(title=name)
    file.file.save(name, ContentFile(data), save=False)
    if record_size:
        file.file_size = len(data)
    file.save()
    return file


def _attach(document, *files) -> None:
    for file in files:
        DisclosureAttachment.objects.create(page=document, document=file)
    document.save_revision().publish()


def test_attachments_show_type_and_size_without_a_query_each(client, column, unit, settings):
    settings.DISCLOSURE_PAGE_CACHE_SECONDS = 0
    document = make_document(column, unit, "带附件的通知")
    other = make_document(add_column(column, "另一栏目"), unit, "附件更多的通知")
    _attach(document, _file("方案.pdf", b"%PDF-1.4 " + b"x" * 1_250_000))
    _attach(
        other,
        _file("一.pdf", b"%PDF-1.4 one"),
        _file("表格.xlsx", b"x" * 2048),
        _file("说明.docx", b"x" * 300),
        _file("旧文件.pdf", b"%PDF-1.4 " + b"y" * 5000, record_size=False),
    )
    attachments = section(client.get(document.url).content.decode(), "附件")
    assert "（PDF · 1.2\xa0MB）" in attachments
    listed = section(client.get(other.url).content.decode(), "附件")
    assert "（Excel · 2.0\xa0KB）" in listed and "（Word · 300\xa0字节）" in listed
    assert "（PDF · 4.9\xa0KB）" in listed  # measured once, then recorded
    assert get_document_model().objects.get(title="旧文件.pdf").file_size == 5009

    def queries(url) -> int:
        with CaptureQueriesContext(connection) as captured:
            client.get(url)
        return len(captured.captured_queries)

    assert queries(document.url) == queries(other.url)  # one attachment or four


def test_the_share_link_and_qr_code_carry_the_public_url(client, column, unit):
    document = make_document(column, unit, "可以分享的通知")
    content = client.get(document.url).content.decode()
    url = document.get_full_url()
    assert url.startswith("http://localhost/")
    share = section(content, "分享本页")
    # the box shows the address with its Chinese path readable
    assert 'value="http://localhost/zfxxgk/法定主动公开内容/' in share
    # the QR code drawn here, with the library's own encoding of that URL
    assert str(qr_svg(url)) in share
    # which reads back as the URL
    png = io.BytesIO()
    segno.make(url, error="l", micro=False).save(png, kind="png", scale=4, border=4)
    png.seek(0)
    (found,) = zxingcpp.read_barcodes(PIL.Image.open(png))
    assert found.text == url


def test_previous_and_next_follow_the_column_order_public_only(client, column, unit):
    def doc(title, when, **fields):
        return make_document(column, unit, title, publish_date=when, **fields)

    oldest = doc("二二年通知", shanghai(2022))
    middle = doc("二三年通知", shanghai(2023))
    newer = doc("二四年通知", shanghai(2024))
    tie = doc("二四年同日通知", shanghai(2024))  # same date: the later page first
    withdrawn = doc("撤下的通知", shanghai(2023, 6))
    withdrawn.unpublish()
    restricted = doc("受限的通知", shanghai(2023, 7))
    PageViewRestriction.objects.create(page=restricted, restriction_type="login")
    expired = doc("过期的通知", shanghai(2023, 8))
    Page.objects.filter(pk=expired.pk).update(
        expire_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    make_document(column, unit, "草稿", publish=False)
    make_document(
        add_column(column, "下级栏目"), unit, "下级栏目的通知", publish_date=shanghai(2023, 9)
    )

    expected = {
        tie: (None, "二四年通知"),
        newer: ("二四年同日通知", "二三年通知"),
        middle: ("二四年通知", "二二年通知"),
        oldest: ("二三年通知", None),
    }
    for document, (previous, following) in expected.items():
        content = client.get(document.url).content.decode()
        assert pager(content) == {"prev": previous, "next": following}, document.title
    assert "上一篇：没有了" in client.get(tie.url).content.decode()


def _state(client, url) -> str:
    return client.get(url)["X-Page-Cache"]


def test_neighbours_purge_the_pages_beside_them_only(client, column, unit):
    a = make_document(column, unit, "甲", publish_date=shanghai(2021))
    b = make_document(column, unit, "乙", publish_date=shanghai(2022))
    c = make_document(column, unit, "丙", publish_date=shanghai(2023))
    d = make_document(column, unit, "丁", publish_date=shanghai(2024))
    urls = {page.title: page.url for page in (a, b, c, d)}
    four = list(urls.values())

    def warm():
        for url in four:
            client.get(url)
        assert {_state(client, url) for url in four} == {"hit"}

    warm()
    e = make_document(column, unit, "戊", publish_date=shanghai(2022, 6))  # between 乙 and 丙
    assert [_state(client, urls[t]) for t in ("甲", "乙", "丙", "丁")] == [
        "hit",
        "miss",
        "miss",
        "hit",
    ]
    assert pager(client.get(b.url).content.decode())["prev"] == "戊"
    assert pager(client.get(c.url).content.decode())["next"] == "戊"

    warm()
    e.title = "戊（修订）"
    e.save_revision().publish()
    assert [_state(client, urls[t]) for t in ("甲", "乙", "丙", "丁")] == [
        "hit",
        "miss",
        "miss",
        "hit",
    ]
    assert pager(client.get(b.url).content.decode())["prev"] == "戊（修订）"

    warm()
    DisclosureDocumentPage.objects.get(pk=e.pk).unpublish()
    assert [_state(client, urls[t]) for t in ("甲", "乙", "丙", "丁")] == [
        "hit",
        "miss",
        "miss",
        "hit",
    ]
    assert pager(client.get(b.url).content.decode())["prev"] == "丙"

    warm()
    e = DisclosureDocumentPage.objects.get(pk=e.pk)
    e.save_revision().publish()  # back, then moved to another column
    client.get(b.url), client.get(c.url)
    e.move(add_column(column, "别处"), pos="last-child")
    assert pager(client.get(b.url).content.decode())["prev"] == "丙"
    assert pager(client.get(c.url).content.decode())["next"] == "乙"


def test_the_share_link_follows_the_public_base_url(client, column, unit, settings):
    settings.DISCLOSURE_PUBLIC_BASE_URL = "https://www.example.gov.cn"
    document = make_document(column, unit, "经代理访问的通知")
    share = section(client.get(document.url).content.decode(), "分享本页")
    url = "https://www.example.gov.cn" + document.url
    assert 'value="https://www.example.gov.cn/zfxxgk/' in share
    assert str(qr_svg(url)) in share
