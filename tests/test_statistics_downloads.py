"""公开统计 downloads: CSV, XLSX and JSON of exactly what the page shows (same figures,
Chinese headers), only public documents counted, kept fresh through the page cache."""

import csv
import io
import json
import re

import pytest
from hypothesis import given
from openpyxl import load_workbook
from wagtail.models import PageViewRestriction

from disclosure.models import StatisticsPage

from .conftest import add_column, make_document, shanghai
from .fuzzing import assert_safe, fuzz_settings, parameters

ROW = re.compile(r'<tr><th scope="row">([^<]*)</th><td>(\d+)</td><td>([\d.]+)%</td></tr>')


@pytest.fixture
def stats(index):
    reports = add_column(index, "政府信息公开年报")
    page = StatisticsPage(title="公开统计", slug="tongji")
    reports.add_child(instance=page)
    return page


@pytest.fixture
def catalogue(index, unit, other_unit):
    public = add_column(index, "=SUM(A1)栏目")
    closed = add_column(index, "内部栏目")
    PageViewRestriction.objects.create(page=closed, restriction_type="login")
    make_document(public, unit, "一季度文件", publish_date=shanghai(2024, 2, 3))
    make_document(public, other_unit, "一季度另一文件", publish_date=shanghai(2024, 3, 9))
    make_document(public, unit, "三季度文件", publish_date=shanghai(2024, 8, 1))
    # Not public: a draft, a restricted column's document, a single restricted document.
    make_document(public, unit, "草稿", publish=False, publish_date=shanghai(2024, 2, 5))
    make_document(closed, unit, "内部文件", publish_date=shanghai(2024, 2, 6))
    restricted = make_document(public, unit, "设密文件", publish_date=shanghai(2024, 2, 7))
    PageViewRestriction.objects.create(page=restricted, restriction_type="password", password="x")
    return public


def page_rows(content: str) -> list[tuple[str, int, str]]:
    """Every row of the page's share tables: (label, count, percent)."""
    return [(label, int(n), p) for label, n, p in ROW.findall(content)]


def download(client, stats, fmt, params):
    response = client.get(f"{stats.url}download/{fmt}/", params)
    assert response.status_code == 200, response.status_code
    return response


def csv_rows(content: bytes) -> list[list[str]]:
    assert content.startswith(b"\xef\xbb\xbf")  # BOM: Excel opens the Chinese correctly
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))


@pytest.mark.parametrize(
    "params", [{"year": 2024}, {"year": 2024, "quarter": 1}, {"year": 2024, "unit": "UNIT"}]
)
def test_every_format_holds_exactly_the_figures_of_the_page(catalogue, stats, unit, client, params):
    params = {k: (unit.code if v == "UNIT" else v) for k, v in params.items()}
    content = client.get(stats.url, params).content.decode()
    shown = page_rows(content)
    assert shown  # the page has its tables
    # The page links the downloads for the very parameters it shows.
    for fmt in ("csv", "xlsx", "json"):
        assert f"download/{fmt}/?year=2024" in content

    rows = csv_rows(download(client, stats, "csv", params).content)
    assert rows[1] == ["部分", "项目", "件数", "占比（%）"]
    # A label that would be a formula is written as text ("'="), the one difference.
    distribution = [
        (r[1].removeprefix("'"), int(r[2]), r[3]) for r in rows[2:] if r[0] != "总体情况"
    ]
    assert distribution == shown
    summary = {r[1]: int(r[2]) for r in rows[2:] if r[0] == "总体情况"}
    published = summary["本期主动公开政府信息（条）"]
    assert f"主动公开政府信息 {published} 条" in content

    sheet = load_workbook(io.BytesIO(download(client, stats, "xlsx", params).content)).active
    values = list(sheet.iter_rows(values_only=True))
    assert list(values[1]) == ["部分", "项目", "件数", "占比（%）"]
    from_xlsx = [
        (r[1].removeprefix("'"), r[2], f"{r[3]:.1f}") for r in values[2:] if r[0] != "总体情况"
    ]
    assert from_xlsx == shown

    data = json.loads(download(client, stats, "json", params).content)
    assert data["本期主动公开政府信息（条）"] == published
    sections = ["按统计类别", "按月份", "按发布机构", "按栏目"]
    from_json = [(i["项目"], i["件数"], i["占比（%）"]) for s in sections for i in data[s]]
    assert from_json == shown


def test_only_public_documents_count(catalogue, stats, client):
    rows = csv_rows(download(client, stats, "csv", {"year": 2024, "quarter": 1}).content)
    summary = {r[1]: r[2] for r in rows if r[0] == "总体情况"}
    assert summary["本期主动公开政府信息（条）"] == "2"  # the two public ones, not the other three
    labels = [r[1] for r in rows]
    assert "内部栏目" not in labels  # a restricted column is not even named
    assert "内部栏目" not in client.get(stats.url, {"year": 2024}).content.decode()
    assert "草稿" not in labels
    assert rows[0] == ["统计范围", "2024年第1季度 · 全区", "", ""]
    # The column title that looks like a formula stays text.
    assert "'=SUM(A1)栏目" in labels and "=SUM(A1)栏目" not in labels


def test_the_page_links_the_quarters_of_the_shown_year(catalogue, stats, unit, client):
    content = client.get(stats.url, {"year": 2024, "quarter": 3, "unit": unit.code}).content
    content = content.decode()
    assert f'?year=2024&amp;quarter=3&amp;unit={unit.code}" aria-current="page">第3季度' in content
    assert f'?year=2024&amp;unit={unit.code}">全年' in content
    assert f"download/csv/?year=2024&amp;quarter=3&amp;unit={unit.code}" in content


def test_cached_downloads_keep_their_type_and_follow_new_documents(catalogue, stats, unit, client):
    params = {"year": 2024, "quarter": 3}
    first = download(client, stats, "csv", params)
    assert first["X-Page-Cache"] == "miss"
    second = download(client, stats, "csv", params)
    assert second["X-Page-Cache"] == "hit" and second.content == first.content
    assert second["Content-Type"].startswith("text/csv")
    assert second["Content-Disposition"] == 'attachment; filename="statistics-2024-q3.csv"'
    make_document(catalogue, unit, "新发布", publish_date=shanghai(2024, 9, 1))
    rows = csv_rows(download(client, stats, "csv", params).content)
    assert {r[1]: r[2] for r in rows}["本期主动公开政府信息（条）"] == "2"


def test_unknown_format_is_not_found(stats, client):
    assert client.get(f"{stats.url}download/pdf/").status_code == 404
    assert client.get(f"{stats.url}download/../").status_code == 404


@fuzz_settings
@given(params=parameters(["year", "quarter", "unit"]))
def test_any_parameters_give_a_file_not_an_error(stats, client, params):
    for fmt in ("csv", "json"):
        response = client.get(f"{stats.url}download/{fmt}/", params)
        assert_safe(response, params)
        assert response.status_code == 200
