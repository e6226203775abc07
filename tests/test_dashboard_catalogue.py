"""The full catalogue export from the admin: the import's columns, every live document,
for webmasters only."""

import csv
import io

import openpyxl
import pytest

from disclosure.importing.fields import EXPORT_HEADERS

from .conftest import make_document
from .dashboard_helpers import HOME, MONITORING, plain_editor

CSV, XLSX = (
    "/admin/disclosure/dashboard/catalogue.csv",
    "/admin/disclosure/dashboard/catalogue.xlsx",
)


@pytest.fixture
def documents(column, unit, other_unit):
    make_document(column, unit, "已发布的通知", body="<p>正文=SUM(A1)</p>")
    make_document(column, other_unit, "另一单位的公告")
    make_document(column, unit, "未发布的草稿", publish=False)


def rows_of(response, extension: str) -> list[list[str]]:
    content = b"".join(response.streaming_content)
    if extension == "csv":
        return list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    return [[cell or "" for cell in row] for row in sheet.iter_rows(values_only=True)]


@pytest.mark.parametrize("url, extension", [(CSV, "csv"), (XLSX, "xlsx")])
def test_webmasters_download_every_live_document(client, webmaster, documents, url, extension):
    response = client.get(url)
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    assert f".{extension}" in response["Content-Disposition"]
    rows = rows_of(response, extension)
    assert rows[0] == list(EXPORT_HEADERS)
    titles = [row[0] for row in rows[1:]]
    assert sorted(titles) == ["另一单位的公告", "已发布的通知"]  # the draft is not there
    body = next(row for row in rows if row[0] == "已发布的通知")[EXPORT_HEADERS.index("正文")]
    assert "正文=SUM(A1)" in body and not body.startswith("=")


def test_the_buttons_are_on_the_monitoring_view_and_the_home_page(client, webmaster, documents):
    for page in (MONITORING, HOME):
        content = client.get(page).content.decode()
        assert CSV in content and XLSX in content


def test_a_plain_editor_cannot_download_it(client, documents):
    plain_editor(client)
    for url in (CSV, XLSX):
        response = client.get(url)
        assert (response.status_code, response["Location"]) == (302, HOME)
    assert CSV not in client.get(HOME).content.decode()


def test_an_unknown_format_is_not_found(client, webmaster):
    assert client.get("/admin/disclosure/dashboard/catalogue.pdf").status_code == 404
