"""DOCX and PDF annual reports laid out like official documents (GB/T 9704): A4, the
official margins and fonts (or the documented fallback), title block and preamble, the six
headings in the national order, header rows repeated, page numbers "— N —", properties."""

import copy
import io
import re
from urllib.parse import unquote

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from pypdf import PdfReader

from disclosure.models import AnnualReportPage
from disclosure.reports import documents, fonts
from disclosure.reports.layout import SECTION_TITLES

from .conftest import add_column, make_document, shanghai


@pytest.fixture
def report(index, unit):
    column = add_column(index, "政府信息公开年报")
    make_document(column, unit, "关于机构职能的说明", publish_date=shanghai(2024, 3, 1))
    page = AnnualReportPage(
        title=f"{unit.name}2024年政府信息公开工作年度报告",
        year=2024,
        unit=unit,
        contact="地址：某区人民路1号；邮编：100000；电话：010-12345678",
        problems_text="<p>（一）存在的问题</p><p>政策解读形式还不够丰富。</p>",
    )
    column.add_child(instance=page)
    page.save_revision().publish()
    return AnnualReportPage.objects.get(pk=page.pk)


def flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def pdf_pages(content: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(content)).pages]


def test_pdf_has_the_title_block_preamble_headings_and_page_numbers(report, unit, client):
    response = client.get(report.url + "export/pdf/")
    reader = PdfReader(io.BytesIO(response.content))
    width, height = (float(v) for v in reader.pages[0].mediabox.upper_right)
    assert (round(width), round(height)) == (595, 842)  # A4 portrait
    assert reader.metadata.title == report.title
    assert reader.metadata.author == unit.name
    pages = [page.extract_text() for page in reader.pages]
    for number, page_text in enumerate(pages, start=1):
        assert re.findall(r"—\s*\d+\s*—", page_text) == [f"— {number} —"], page_text[:80]
    text = flat(re.sub(r"—\s*\d+\s*—", "", "".join(pages)))
    assert text.startswith(flat(report.title))
    for sentence in (
        "本报告依据《中华人民共和国政府信息公开条例》（以下简称《条例》）第五十条",
        "（国办公开办函〔2021〕30号）要求编制",
        "统计期限自2024年1月1日起至2024年12月31日止",
        f"门户网站（http://localhost{unquote(report.url)}）下载",  # readable, not percent-encoded
        "电话：010-12345678）",
    ):
        assert flat(sentence) in text, sentence
    assert text.index("统计期限") < text.index(flat(SECTION_TITLES[0]))
    positions = [text.index(flat(title)) for title in SECTION_TITLES]
    assert positions == sorted(positions)
    # Embedded fonts: the text is real text in TrueType fonts carried by the file.
    embedded = [
        font.get_object()["/FontDescriptor"].get_object()
        for font in reader.pages[0]["/Resources"]["/Font"].values()
        if "/FontDescriptor" in font.get_object()
    ]
    assert embedded and all("/FontFile2" in descriptor for descriptor in embedded)


def test_a_long_table_repeats_its_header_rows_and_numbers_stay_whole(report):
    data = copy.deepcopy(report.figures())
    for row in data["table_b"]["rows"]:
        row["cells"] = [12345678] * len(row["cells"])
    pages = pdf_pages(documents.export_pdf(data, report.title, report.plain_texts()))
    first = next(i for i, t in enumerate(pages) if "一、本年新收政府信息公开申请数量" in flat(t))
    last = next(i for i, t in enumerate(pages) if "四、结转下年度继续办理" in flat(t))
    assert last > first  # the table runs over a page break ...
    for page_text in pages[first : last + 1]:
        assert "申请人情况" in page_text and "法人或其他组织" in page_text  # ... headers repeated
    # Number columns are wide enough: every figure is on one line, never broken.
    rows = len(data["table_b"]["rows"])
    assert "".join(pages).count("12345678") == rows * 7


def test_docx_is_a4_with_official_margins_fonts_properties_and_repeated_headers(
    report, unit, client
):
    docx = Document(io.BytesIO(client.get(report.url + "export/docx/").content))
    section = docx.sections[0]

    def mm(length):  # Word stores twentieths of a point
        return round(length / Mm(1), 1)

    assert (mm(section.page_width), mm(section.page_height)) == (210, 297)
    margins = (section.top_margin, section.bottom_margin, section.left_margin, section.right_margin)
    assert [mm(m) for m in margins] == [37, 35, 28, 26]
    assert docx.core_properties.title == report.title
    assert docx.core_properties.author == unit.name

    def east_asian(style_name):
        style = docx.styles[style_name]
        return style.element.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia")), style.font.size

    assert east_asian("Title") == ("方正小标宋简体", Pt(22))
    assert east_asian("Heading 1") == ("黑体", Pt(16))
    assert east_asian("Heading 2") == ("楷体_GB2312", Pt(16))
    assert east_asian("Normal") == ("仿宋_GB2312", Pt(16))

    paragraphs = [(p.style.name, p.text) for p in docx.paragraphs]
    assert paragraphs[0] == ("Title", report.title.replace("\n", "")) or paragraphs[0][0] == "Title"
    assert "第五十条" in paragraphs[1][1] and "统计期限" in paragraphs[2][1]
    headings = [text for style, text in paragraphs if style == "Heading 1"]
    assert headings == SECTION_TITLES
    assert ("Heading 2", "（一）存在的问题") in paragraphs
    assert ("Normal", "政策解读形式还不够丰富。") in paragraphs

    table_b = docx.tables[1]
    repeated = [
        row._tr.trPr is not None and row._tr.trPr.find(qn("w:tblHeader")) is not None
        for row in table_b.rows
    ]
    assert repeated[:3] == [True, True, True] and not any(repeated[3:])

    footer = section.footer._element.xml
    assert "— " in footer and "PAGE" in footer
    assert "PAGE" in section.even_page_footer._element.xml
    assert docx.settings.odd_and_even_pages_header_footer


def test_fonts_fall_back_to_the_common_cjk_font_and_say_so(settings):
    _path, official = fonts.font_file("body")
    report = fonts.font_report()
    assert set(report) == {"title", "heading1", "heading2", "body"}
    if not official:  # this machine has only fonts-wqy-zenhei
        assert report["body"] == f"仿宋_GB2312 → {documents.cjk_font_path()}"
    settings.DISCLOSURE_PDF_FONTS = {"title": documents.cjk_font_path()}
    assert fonts.font_file("title") == (documents.cjk_font_path(), True)


def test_the_report_page_shows_the_same_preamble(report, client):
    content = client.get(report.url).content.decode()
    assert "统计期限自2024年1月1日起至2024年12月31日止" in content
    assert content.index("第五十条") < content.index(SECTION_TITLES[0])
