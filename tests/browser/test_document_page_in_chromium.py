"""The document page in Chromium: the QR code as a phone reads it, print, the phone layout."""

import io

import PIL.Image
import pytest
import zxingcpp

from tests.conftest import add_column, make_document, shanghai
from tests.document_helpers import make_interpretation

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def documents(index, unit):
    files = add_column(index, "政策文件")
    readings = add_column(index, "政策解读")
    original = make_document(
        files,
        unit,
        "区人民政府关于优化营商环境的实施意见",
        doc_number="区政发〔2024〕7号",
        publish_date=shanghai(2024, 3, 1),
        body="<p>各街道办事处、镇人民政府，区政府各部门：现将实施意见印发给你们。</p>",
    )
    make_document(files, unit, "更早的通知", publish_date=shanghai(2023, 3, 1))
    reading = make_interpretation(
        readings, unit, "《实施意见》图文解读", [original], kind="graphic"
    )
    return {"original": original, "reading": reading}


def test_the_qr_code_on_screen_reads_as_the_page_address(live_server, documents, desktop):
    document = documents["original"]
    desktop.goto(live_server.url + document.url)
    shot = desktop.locator(".document-share__qr svg").screenshot()
    (found,) = zxingcpp.read_barcodes(PIL.Image.open(io.BytesIO(shot)))
    assert found.text == document.get_full_url()


def test_print_keeps_the_elements_the_title_and_the_text_only(live_server, documents, desktop):
    desktop.goto(live_server.url + documents["original"].url)
    desktop.emulate_media(media="print")
    visible = {
        selector: desktop.locator(selector).first.is_visible()
        for selector in (
            ".metadata",
            "h1",
            ".document .body",
            ".site-header",
            ".site-footer",
            ".breadcrumbs",
            ".document-tools",
            ".document-share",
            ".document-pager",
            ".document-related",
        )
    }
    assert visible == {
        ".metadata": True,
        "h1": True,
        ".document .body": True,
        ".site-header": False,
        ".site-footer": False,
        ".breadcrumbs": False,
        ".document-tools": False,
        ".document-share": False,
        ".document-pager": False,
        ".document-related": False,
    }
    desktop.emulate_media(media="screen")
    assert desktop.locator(".document-share").is_visible()
    # the print button appears where scripts run
    assert desktop.get_by_role("button", name="打印本页").is_visible()


def test_the_elements_stack_in_one_column_on_a_phone(live_server, documents, phone, desktop):
    def columns(page) -> set[int]:
        cells = page.locator(".metadata td")
        return {round(cells.nth(i).bounding_box()["x"]) for i in range(cells.count())}

    for page in (desktop, phone):
        page.goto(live_server.url + documents["reading"].url)
    assert len(columns(desktop)) == 2  # two label/value pairs a row
    assert len(columns(phone)) == 1
    overflow = phone.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0
    assert phone.get_by_role("link", name="区人民政府关于优化营商环境的实施意见").is_visible()
    assert not phone.locator(".document-share__qr").is_visible()
