"""The public catalogue download: public documents' catalogue fields only."""

import csv
import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook
from wagtail.models import PageViewRestriction

from disclosure.exporting import PUBLIC_HEADERS

from .conftest import add_column, make_document, shanghai


@pytest.fixture
def documents(index, column, unit):
    now = timezone.now()
    restricted_column = add_column(column, "内部栏目")
    PageViewRestriction.objects.create(
        page=restricted_column, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    public = make_document(
        column,
        unit,
        "公开的通知",
        publish_date=shanghai(2024, 3, 1),
        summary="内容概述文字",
        body="<p>SECRETBODY 正文不应出现在目录中</p>",
    )
    make_document(column, unit, "草稿信息", publish=False, body="<p>DRAFTBODY</p>")
    scheduled = make_document(column, unit, "定时发布信息", publish=False)
    scheduled.go_live_at = now + datetime.timedelta(days=2)
    scheduled.save_revision().publish()  # with go_live_at in the future: scheduled only
    make_document(column, unit, "已过期信息", expire_at=now - datetime.timedelta(hours=1))
    make_document(restricted_column, unit, "受限栏目中的信息")
    own_restriction = make_document(column, unit, "自身受限的信息")
    PageViewRestriction.objects.create(
        page=own_restriction, restriction_type=PageViewRestriction.LOGIN
    )
    return public


def test_csv_lists_public_documents_only_and_never_a_body(client, documents, unit):
    response = client.get("/zfxxgk/catalogue.csv")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    text = b"".join(response.streaming_content).decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    assert rows[0] == PUBLIC_HEADERS
    assert [r[1] for r in rows[1:]] == ["公开的通知"]
    row = dict(zip(rows[0], rows[1], strict=True))
    assert row["索引号"] == documents.index_no
    assert row["发布机构"] == unit.name
    assert row["内容概述"] == "内容概述文字"
    assert row["链接"].endswith(documents.url)
    assert "SECRETBODY" not in text and "DRAFTBODY" not in text
    assert "正文" not in rows[0] and "统计类别" not in rows[0]


def test_xlsx_lists_public_documents_only(client, documents):
    response = client.get(reverse("disclosure:catalogue_download", args=["xlsx"]))
    assert response.status_code == 200
    content = b"".join(response.streaming_content)
    sheet = load_workbook(io.BytesIO(content), read_only=True).worksheets[0]
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    assert rows[0] == PUBLIC_HEADERS
    assert [r[1] for r in rows[1:]] == ["公开的通知"]
    assert all("SECRETBODY" not in str(v) for r in rows for v in r)


def test_other_extensions_are_not_found(client, documents):
    assert client.get("/zfxxgk/catalogue.json").status_code == 404


def test_formulas_are_defused_in_csv(client, index, column, unit):
    make_document(column, unit, '=HYPERLINK("http://evil")', publish_date=shanghai(2024, 1, 1))
    text = b"".join(client.get("/zfxxgk/catalogue.csv").streaming_content).decode()
    assert "'=HYPERLINK" in text


def test_index_page_links_to_the_downloads(client, index):
    index.save_revision().publish()
    content = client.get(index.url).content.decode()
    assert 'href="/zfxxgk/catalogue.csv"' in content and 'href="/zfxxgk/catalogue.xlsx"' in content


def test_every_field_and_link_is_what_the_pages_say(rf, home, index, unit, settings):
    """The catalogue reads plain values (``public_catalog_rows``): the same text and the
    same links as the pages' own fields and ``get_full_url``, on the site that was asked."""
    from wagtail.models import Site

    from disclosure.exporting import public_catalog_rows
    from disclosure.listing import public_documents
    from disclosure.models import Topic

    parent = Topic.objects.create(name="财政")
    topic = Topic.objects.create(name="预算决算", parent=parent)
    column = add_column(index, "财政预决算")
    nested = add_column(column, "部门预算（2024）")
    with_topic = make_document(
        nested, unit, "预算公开", publish_date=shanghai(2024, 5, 6, 7, 8), topic=topic,
        doc_number="区财〔2024〕3号", written_date=datetime.date(2024, 5, 1),
        genre="notice", validity="repealed", repeal_date=datetime.date(2025, 1, 1),
    )  # fmt: skip
    without_topic = make_document(column, unit, "没有主题的信息", publish_date=shanghai(2024, 6))
    Site.objects.create(hostname="gk.example.gov.cn", port=443, root_page=index)

    for host in ("localhost", "gk.example.gov.cn"):
        request = rf.get("/zfxxgk/catalogue.csv", HTTP_HOST=host)
        header, *rows = list(public_catalog_rows(public_documents(), request))
        by_title = {row[1]: dict(zip(header, row, strict=True)) for row in rows}
        for document in (with_topic, without_topic):
            document.refresh_from_db()
            row = by_title[document.title]
            assert row["链接"] == document.get_full_url(request), host
            assert row["链接"].startswith(Site.find_for_request(request).root_url)
    row = by_title["预算公开"]
    assert row["主题分类"] == "财政\\预算决算"
    assert row["栏目"] == "财政预决算/部门预算（2024）"
    assert row["发布日期"] == "2024-05-06 07:08"
    assert row["成文日期"] == "2024-05-01" and row["废止日期"] == "2025-01-01"
    assert row["文号"] == "区财〔2024〕3号"
    assert row["体裁"] == str(with_topic.get_genre_display())
    assert row["有效性"] == str(with_topic.get_validity_display())
    assert by_title["没有主题的信息"]["主题分类"] == ""


def test_the_scheduler_writes_the_files_again_after_a_change(client, documents, column, unit):
    from django.core.management import call_command

    from disclosure.catalogue_files import catalogue_dir

    def files() -> dict[str, str]:
        return {p.suffix: p.name for p in catalogue_dir().glob("catalogue-*")}

    call_command("run_scheduler", "--once")
    assert files() == {}  # nobody asked for the catalogue yet: nothing is written
    first = b"".join(client.get("/zfxxgk/catalogue.csv").streaming_content).decode()
    assert "公开的通知" in first and list(files()) == [".csv"]
    before = files()

    make_document(column, unit, "调度器之后发布的通知")
    call_command("run_scheduler", "--once")
    after = files()
    assert list(after) == [".csv"] and after != before  # the old file is gone, a new one ready
    written = (catalogue_dir() / after[".csv"]).read_bytes().decode("utf-8")
    assert "调度器之后发布的通知" in written

    served = b"".join(client.get("/zfxxgk/catalogue.csv").streaming_content).decode()
    assert served == written and files() == after  # served as it was, not written again
