"""Reply letters and notices: the seeded templates (one per result row of Table B and per
notice, citing the Regulation), placeholders checked on save with Chinese errors, the text,
DOCX and PDF in the GB/T 9704 layout, the admin preview, and fuzzed wording and values."""

import dataclasses
import datetime
import io
import re
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.exceptions import ValidationError
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from hypothesis import given
from hypothesis import strategies as st
from pypdf import PdfReader

from disclosure.models import ApplicantType, InformationRequest, LetterTemplate, RequestOutcome
from disclosure.requests.letters import (
    LetterContext,
    context_for_request,
    render_docx,
    render_pdf,
    render_text,
    sample_context,
)
from disclosure.requests.letters.legal_basis import LEGAL_BASIS, NOTICE_CHOICES, legal_basis
from disclosure.requests.letters.placeholders import PLACEHOLDERS, template_errors
from disclosure.text import xml_safe

from .fuzzing import fuzz_settings
from .test_report_documents import flat, pdf_pages

NOTICES = [value for value, _label in NOTICE_CHOICES]
KINDS = [*RequestOutcome.values, *NOTICES]
REGULATION = "《中华人民共和国政府信息公开条例》"


def letter_context(outcome: str = "", **values) -> LetterContext:
    return dataclasses.replace(sample_context(), outcome=outcome, **values)


def default_template(kind: str) -> LetterTemplate:
    return LetterTemplate.objects.for_kind(kind).first()


def docx_paragraphs(content: bytes):
    return Document(io.BytesIO(content)).paragraphs


@pytest.mark.django_db
def test_every_kind_has_an_active_seeded_template_citing_its_article():
    assert set(LEGAL_BASIS) == set(KINDS)
    for kind in KINDS:
        template = default_template(kind)
        assert template is not None, kind
        assert template.is_active
        assert not template_errors(template.body), kind
        if legal_basis(kind):
            assert REGULATION + legal_basis(kind) in template.body, kind
        # Replies (and the fee notice) tell the applicant how to appeal; other notices do not.
        appealable = kind in RequestOutcome.values or kind == "notice_fee"
        assert ("60日内" in template.remedy and "6个月内" in template.remedy) == appealable


@pytest.mark.django_db
def test_every_seeded_template_renders_for_every_outcome():
    templates = list(LetterTemplate.objects.all())
    assert len(templates) >= len(KINDS)
    for template in templates:
        for outcome in RequestOutcome.values:
            text = render_text(template, letter_context(outcome))
            assert "{" not in text and "}" not in text, (template, outcome)
            lines = text.splitlines()
            assert lines[0] == template.title
            assert lines[1] == "〔2026〕第12号"
            assert lines[-2:] == ["某区人民政府办公室（示例）", "2026年3月20日"]
            addressee = (
                "某建设工程有限公司（示例）："
                if template.kind == "notice_third_party"
                else "张三（示例）："
            )
            assert addressee in lines
            assert "附件：政府信息公开申请答复材料清单" in lines


@pytest.mark.django_db
@pytest.mark.parametrize("kind", KINDS)
def test_the_pdf_names_the_applicant_the_unit_and_the_legal_basis(kind):
    template = default_template(kind)
    content = render_pdf(template, letter_context(kind if kind in RequestOutcome.values else ""))
    reader = PdfReader(io.BytesIO(content))
    width, height = (float(v) for v in reader.pages[0].mediabox.upper_right)
    assert (round(width), round(height)) == (595, 842)
    assert reader.metadata.title == template.title
    assert reader.metadata.author == "某区人民政府办公室（示例）"
    pages = pdf_pages(content)
    assert_signature_not_alone(pages[-1])
    text = flat(re.sub(r"—\s*\d+\s*—", "", "".join(pages)))
    assert text.startswith(flat(template.title))
    for expected in ("某区人民政府办公室（示例）", "2026年3月20日", "〔2026〕第12号"):
        assert expected in text
    assert (
        "某建设工程有限公司（示例）" if kind == "notice_third_party" else "张三（示例）"
    ) in text
    if legal_basis(kind):
        assert flat(REGULATION + legal_basis(kind)) in text
    if template.remedy:
        assert flat(template.remedy) in text
        assert text.index(flat(template.remedy)) < text.index("2026年3月20日")


def assert_signature_not_alone(last_page: str) -> None:
    """GB/T 9704 7.3.5.4: the page of the 落款 also carries text of the letter."""
    rest = flat(re.sub(r"—\s*\d+\s*—", "", last_page))
    for part in (
        "某区人民政府办公室（示例）",
        "2026年3月20日",
        "附件：政府信息公开申请答复材料清单",
    ):
        rest = rest.replace(part, "")
    assert len(rest) > 10, last_page


@pytest.mark.django_db
def test_a_long_letter_keeps_text_on_the_page_of_its_signature():
    template = default_template(RequestOutcome.PARTLY_DISCLOSED)
    page_counts = set()
    for lines in range(0, 12):  # the page break falls at every place of the closing in turn
        reason = "\n".join(f"第{n}项不予公开部分的理由。" for n in range(lines))
        pages = pdf_pages(render_pdf(template, letter_context(reason=reason)))
        page_counts.add(len(pages))
        assert_signature_not_alone(pages[-1])
    assert page_counts == {1, 2}


@pytest.mark.django_db
def test_docx_has_the_official_page_fonts_and_letter_layout():
    template = default_template(RequestOutcome.REFUSED_STATE_SECRET)
    content = render_docx(template, letter_context(attachments=["清单一", "清单二"]))
    document = Document(io.BytesIO(content))
    section = document.sections[0]

    def mm(length):
        return round(length / Mm(1), 1)

    assert (mm(section.page_width), mm(section.page_height)) == (210, 297)
    margins = (section.top_margin, section.bottom_margin, section.left_margin, section.right_margin)
    assert [mm(m) for m in margins] == [37, 35, 28, 26]
    for style_name, font, size in (("Title", "方正小标宋简体", 22), ("Normal", "仿宋_GB2312", 16)):
        style = document.styles[style_name]
        assert style.element.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia")) == font
        assert style.font.size == Pt(size)
    assert document.core_properties.title == "政府信息公开申请答复书"
    assert document.core_properties.author == "某区人民政府办公室（示例）"

    paragraphs = [p for p in document.paragraphs if p.text]
    texts = [p.text for p in paragraphs]
    assert paragraphs[0].style.name == "Title" and texts[0] == "政府信息公开申请答复书"
    assert texts[1] == "〔2026〕第12号"
    assert paragraphs[1].alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert texts[2] == "张三（示例）：" and paragraphs[2].paragraph_format.first_line_indent == 0
    body = texts.index(next(t for t in texts if "第十四条、第三十六条第（三）项" in t))
    assert paragraphs[body].paragraph_format.first_line_indent in (None, Pt(32))
    assert texts[-4:] == [
        "附件：1.清单一",
        "2.清单二",
        "某区人民政府办公室（示例）",
        "2026年3月20日",
    ]
    unit, date = paragraphs[-2], paragraphs[-1]
    assert unit.alignment == date.alignment == WD_ALIGN_PARAGRAPH.RIGHT
    assert date.paragraph_format.right_indent == Pt(4 * 16)  # 右空四字
    # The unit is centred above the date: it is longer here, so it stands further right.
    assert unit.paragraph_format.right_indent < date.paragraph_format.right_indent
    assert "PAGE" in section.footer._element.xml


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("{申请人姓名}您好", "未知的占位符 {申请人姓名}"),
        ("{申请人.__class__}", "未知的占位符 {申请人.__class__}"),
        ("{申请人[0]}", "未知的占位符 {申请人[0]}"),
        ("{申请人!r}", "格式说明"),
        ("{申请人:>40}", "格式说明"),
        ("收到{申请人的申请", "花括号不成对"),
        ("右括号}", "花括号不成对"),
        ("空的{}", "空的花括号"),
    ],
)
def test_a_bad_placeholder_is_refused_in_chinese(body, message):
    template = LetterTemplate(kind="other", name="测试", title="告知书", body=body)
    with pytest.raises(ValidationError) as error:
        template.full_clean()
    assert message in " ".join(error.value.message_dict["body"])


@pytest.mark.django_db
def test_literal_braces_are_written_twice():
    template = LetterTemplate(kind="other", name="花括号", title="告知书", body="{{示例}}{申请人}")
    template.full_clean()
    assert "{示例}张三（示例）" in render_text(template, letter_context())


@pytest.fixture
def webmaster_client(client, db):
    user = get_user_model().objects.create_superuser("letters", "l@example.com", "pw")
    client.force_login(user)
    return client


def test_webmasters_edit_templates_in_the_admin_with_the_placeholders_listed(webmaster_client):
    url = "/admin/disclosure/lettertemplate/create/"
    form = webmaster_client.get(url).content.decode()
    for name in PLACEHOLDERS:
        assert "{" + name + "}" in form
    data = {
        "kind": "notice_extension",
        "name": "延期（本区格式）",
        "title": "延期答复告知书",
        "number_line": "区住建公开延〔{年份}〕{序号}号",
        "addressee": "{申请人}：",
        "body": "{申请人}您好，答复期限延长至{答复期限}。",
        "remedy": "",
        "is_active": "on",
        "sort_order": "0",
    }
    refused = webmaster_client.post(url, data)
    assert refused.status_code == 200
    content = refused.content.decode()
    assert "未知的占位符 {答复期限}" in content
    assert "延期（本区格式）" in content  # the input is kept
    assert not LetterTemplate.objects.filter(name="延期（本区格式）").exists()
    data["body"] = "{申请人}您好，答复期限延长至{期限}。"
    assert webmaster_client.post(url, data).status_code == 302
    saved = LetterTemplate.objects.get(name="延期（本区格式）")
    assert render_text(saved, letter_context()).splitlines()[1] == "区住建公开延〔2026〕12号"


def test_the_preview_is_a_pdf_with_sample_values_for_staff_only(webmaster_client):
    template = default_template("notice_supplement")
    url = f"/admin/disclosure/letter-templates/{template.pk}/preview.pdf"
    response = webmaster_client.get(url)
    assert response["Content-Type"] == "application/pdf"
    text = flat("".join(pdf_pages(response.content)))
    assert "张三（示例）" in text and "1.所需信息的名称" in text and "第三十条" in text
    docx = webmaster_client.get(url.replace(".pdf", ".docx"))
    assert any("张三（示例）" in p.text for p in docx_paragraphs(docx.content))
    assert webmaster_client.get(url.replace(".pdf", ".exe")).status_code == 404
    listing = webmaster_client.get("/admin/disclosure/lettertemplate/").content.decode()
    assert url in listing

    webmaster_client.logout()
    assert webmaster_client.get(url).status_code == 302  # to the login page
    clerk = get_user_model().objects.create_user("clerk", password="pw")
    clerk.user_permissions.add(Permission.objects.get(codename="access_admin"))
    webmaster_client.force_login(clerk)  # in the admin, but not allowed to see templates
    refused = webmaster_client.get(url)
    assert refused.status_code in (302, 403) and refused["Content-Type"] != "application/pdf"


@pytest.mark.django_db
def test_context_for_request_reads_the_register(unit):
    request = InformationRequest.objects.create(
        unit=unit,
        reference_no="ZF2025-0108",
        received_date=datetime.date(2025, 12, 29),
        applicant_type=ApplicantType.NATURAL_PERSON,
        subject="2025年区级财政预算执行情况",
        closed_date=datetime.date(2026, 1, 20),
        outcome=RequestOutcome.PARTLY_DISCLOSED,
        fee_charged=Decimal("0"),
    )
    context = context_for_request(request, applicant_name="王五", reason="涉及个人隐私部分已删除")
    assert context.unit_name == "区人民政府办公室"
    assert context.reply_date == datetime.date(2026, 1, 20)
    assert context.fee_amount is None
    text = render_text(default_template(RequestOutcome.PARTLY_DISCLOSED), context)
    assert "〔2025〕第108号" in text  # the year and number of the reference
    assert "本机关于2025年12月29日收到您提出的政府信息公开申请" in text
    assert "“2025年区级财政预算执行情况”" in text and "王五：" in text
    assert "第三十七条" in text and "涉及个人隐私部分已删除" in text


# --- fuzzing ---------------------------------------------------------------------------

wild_text = st.one_of(
    st.text(max_size=40),
    st.text(
        alphabet="<>&\"'{}%\x00\x01\x0b\x0c\x1c\x85\u2028\ud800\u200b\t\r\n 　张王申请人。：",
        max_size=30,
    ),
)
placeholder = st.sampled_from([f"{{{name}}}" for name in PLACEHOLDERS])
literal = wild_text.map(lambda text: text.replace("{", "{{").replace("}", "}}"))
body_text = st.lists(st.one_of(literal, placeholder), max_size=8).map(lambda p: "答复" + "".join(p))
value_fields = ["applicant_name", "subject", "unit_name", "reason", "third_party", "delivery"]


def visible(text: str) -> str:
    return re.sub(r"\s+", "", xml_safe(text))


@fuzz_settings
@given(text=st.text(max_size=60))
def test_any_text_is_either_accepted_or_explained(text):
    errors = template_errors(text)
    assert all(re.search(r"[\u4e00-\u9fff]", message) for message in errors)
    if not errors:
        render_text(
            LetterTemplate(kind="other", title="告知书", body=text, number_line=""),
            letter_context(),
        )


@pytest.mark.django_db
@fuzz_settings
@given(body=body_text, values=st.fixed_dictionaries({f: wild_text for f in value_fields}))
def test_fuzzed_wording_and_values_are_never_lost(body, values):
    template = LetterTemplate(kind="disclosed", name="fuzz", title="答复书", body=body)
    template.full_clean(exclude=["name"])
    body = template.body  # without the invisible characters the model cleans on save
    context = letter_context("disclosed", **values)
    text = flat(render_text(template, context))
    for name, value in values.items():
        if "{" + _NAMES[name] + "}" in body or name == "unit_name":
            assert visible(value) in text, name
    escaped = body.replace("{{", "\0").replace("}}", "\1")
    for piece in re.split(r"\{[^{}]+\}|[\0\1]", escaped):
        assert visible(piece) in text
    docx_text = flat("".join(p.text for p in docx_paragraphs(render_docx(template, context))))
    assert docx_text == flat("".join(text.splitlines()))


@pytest.mark.django_db
@fuzz_settings
@given(values=st.fixed_dictionaries({f: wild_text for f in value_fields}))
def test_fuzzed_values_make_a_valid_pdf(values):
    content = render_pdf(default_template("disclosed"), letter_context("disclosed", **values))
    assert PdfReader(io.BytesIO(content)).pages


_NAMES = {
    "applicant_name": "申请人",
    "subject": "申请内容",
    "unit_name": "单位名称",
    "reason": "理由",
    "third_party": "第三方",
    "delivery": "送达方式",
}


@pytest.mark.django_db
def test_context_for_request_reads_applicant_consultation_fee_and_extension(unit):
    from disclosure.models import RequestApplicant, RequestPause
    from disclosure.models.request_fees import issue_fee_notice
    from disclosure.requests.fees import quote_fee

    request = InformationRequest.objects.create(
        unit=unit,
        received_date=datetime.date(2026, 9, 21),
        applicant_type=ApplicantType.NATURAL_PERSON,
        subject="某地块出让合同",
        query_code="ABCDEFGH2345",
        extension_workdays=15,
        delivery_method="email",
    )
    RequestApplicant.objects.create(request=request, name="赵六", phone="13800000000")
    RequestPause.objects.create(
        request=request, start=datetime.date(2026, 9, 23), consulted="某置业有限公司"
    )
    # the 12th and 13th requests of the month: 2 × 100 yuan (requests 11–30 cost 100 each)
    issue_fee_notice(
        request, quote_fee(requests=2, earlier_requests=10), issued=datetime.date(2026, 9, 24)
    )
    context = context_for_request(request)
    assert (context.applicant_name, context.query_code) == ("赵六", "ABCDEFGH2345")
    assert context.third_party == "某置业有限公司" and context.extension_days == 15
    assert context.fee_amount == Decimal("200.00") and "100" in context.fee_breakdown
    assert context.delivery == "电子邮件"
    text = render_text(default_template("notice_fee"), context)
    assert "赵六" in text and "200.00" in text
