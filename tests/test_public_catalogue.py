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
