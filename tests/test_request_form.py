"""The public application form: valid applications, every validation error in Chinese with
what was typed kept, the anti-spam checks, CSRF, the rate limits and the catalogue look-up."""

import html
import re

import pytest
from django.test import Client
from django.urls import reverse

from disclosure.models import ApplicantType, InformationRequest, RequestEvent, RequestStatus
from disclosure.models.requests import RequestApplicant

from .conftest import make_credit_code, make_document
from .request_form_helpers import (
    CITIZEN_ID,
    challenge,
    citizen_data,
    organisation_data,
    resident_id,
)

URL = "/zfxxgk/apply/"
HIGH_RATES = {"ip": "1000/h", "identity": "1000/d", "lookup": "1000/h"}


@pytest.fixture(autouse=True)
def _high_rates(settings):
    settings.DISCLOSURE_APPLY_RATES = HIGH_RATES


def no_rows() -> bool:
    return not InformationRequest.objects.exists() and not RequestApplicant.objects.exists()


def test_the_form_renders_without_javascript_and_is_never_cached(client, unit):
    response = client.get(URL, {"unit": unit.pk})
    assert response.status_code == 200
    content = response.content.decode()
    assert reverse("disclosure:apply") == URL
    assert 'name="csrfmiddlewaretoken"' in content
    assert f'<option value="{unit.pk}" selected>' in content
    assert re.search(
        r"为防止自动提交，请回答：<strong>[一二三四五六七八九]加[一二三四五六七八九]等于几？",
        content,
    )
    assert "<script" not in content.split("</head>")[1]  # the form needs no script
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    again = client.get(URL)
    assert again.get("X-Page-Cache") is None


def test_a_citizen_application_is_saved_with_its_applicant_and_first_step(client, unit):
    response = client.post(URL, citizen_data(unit, id_number="11010519491231002x"))
    request = InformationRequest.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/zfxxgk/apply/receipt/{request.query_code}/"
    assert re.fullmatch(r"[2-9A-HJKMNP-Z]{12}", request.query_code)
    assert request.channel == InformationRequest.Channel.ONLINE
    assert request.applicant_type == ApplicantType.NATURAL_PERSON
    assert request.status == RequestStatus.REGISTERED
    assert request.deadline is not None and request.deadline > request.received_date
    applicant = request.applicant
    assert (applicant.name, applicant.id_type, applicant.id_number) == (
        "张三",
        "resident_id",
        CITIZEN_ID,  # the small x is stored as the standard's X
    )
    assert RequestEvent.objects.get(request=request).public


def test_an_organisation_application_counts_in_its_table_b_column(client, unit):
    code = make_credit_code()
    typed = code[:8].lower() + "-" + code[8:]
    response = client.post(URL, organisation_data(unit, typed, organisation_type="legal_service"))
    assert response.status_code == 302
    request = InformationRequest.objects.get()
    assert request.applicant_type == ApplicantType.LEGAL_SERVICE
    assert request.applicant.id_number == code
    assert request.applicant.id_type == ""
    assert request.applicant.legal_representative == "李四"


BAD_BIRTH = resident_id("11010519491331002")  # month 13


@pytest.mark.parametrize(
    "changes, field, message",
    [
        ({"name": ""}, "name", "请填写“姓名或名称”。"),
        ({"unit": ""}, "unit", "请选择“受理机关”。"),
        ({"subject": ""}, "subject", "请填写“所需信息的内容描述”。"),
        ({"id_number": "110105194912310021"}, "id_number", "居民身份证号码校验位不正确"),
        ({"id_number": "1101051949"}, "id_number", "居民身份证号码应为 18 位"),
        ({"id_number": BAD_BIRTH}, "id_number", "出生日期（第 7 至 14 位）不是有效日期"),
        ({"id_type": ""}, "id_type", "公民请选择证件类型。"),
        ({"phone": "电话号码"}, "phone", "请填写有效的联系电话"),
        ({"postcode": "12345"}, "postcode", "邮政编码应为 6 位数字。"),
        ({"email": "zhangsan@"}, "email", "请填写有效的电子邮箱地址"),
        ({"delivery_method": "post", "address": ""}, "address", "选择邮寄的，请填写通信地址。"),
        (
            {"delivery_method": "email", "email": ""},
            "email",
            "选择电子邮件获取的，请填写电子邮箱。",
        ),
        ({"carrier": "paper"}, "delivery_method", "纸质载体请选择邮寄、当面领取、传真或现场查阅。"),
        ({"answer": "8"}, None, "验证问题回答不正确"),
        ({"answer": ""}, "answer", "请填写“验证问题”。"),
        ({"challenge": "just now"}, None, "提交过快"),
        ({"challenge": "forged"}, None, "页面已过期"),
        ({"website": "http://spam.example"}, None, "提交未通过校验"),
    ],
)
def test_every_error_is_chinese_and_keeps_what_was_typed(client, unit, changes, field, message):
    if changes.get("challenge") == "just now":
        changes = {"challenge": challenge(seconds_ago=0)}
    data = citizen_data(unit, purpose="核实补偿标准 <b>依据</b>") | changes
    response = client.post(URL, data)
    assert response.status_code == 200
    assert no_rows()
    content = response.content.decode()
    assert message in html.unescape(content)
    assert "提交未成功，请修改以下内容（您填写的内容已保留）" in content
    if field:
        assert f'id="id_{field}_error"' in content
        control = re.search(
            rf'<(?:input|select|textarea)[^>]*id="id_{field}(?:_0)?"[^>]*>', content
        )
        assert 'aria-invalid="true"' in control.group(0)
    # everything typed comes back (escaped), except the answer to a new question
    assert 'value="某区解放路1号"' in content or changes.get("address") == ""
    assert "申请公开某路段拓宽工程的立项批复及其附件" in content or changes.get("subject") == ""
    assert "核实补偿标准 &lt;b&gt;依据&lt;/b&gt;" in content
    assert 'name="answer" value=' not in content or 'name="answer" value=""' in content


def test_an_organisation_needs_its_kind_and_a_valid_credit_code(client, unit):
    code = make_credit_code()
    wrong = code[:17] + ("0" if code[17] != "0" else "1")
    response = client.post(URL, organisation_data(unit, wrong, organisation_type=""))
    content = html.unescape(response.content.decode())
    assert "统一社会信用代码校验位不正确" in content
    assert "法人或其他组织请选择组织类别。" in content
    assert f'value="{wrong}"' in content and 'value="某某环境研究所"' in content
    assert no_rows()
    short = client.post(URL, organisation_data(unit, code[:9]))
    assert "请输入 18 位统一社会信用代码（当前为 9 位）" in html.unescape(short.content.decode())


def test_chinese_numerals_answer_the_question(client, unit):
    response = client.post(URL, citizen_data(unit, challenge=challenge(5, 7), answer="十二"))
    assert response.status_code == 302


def test_csrf_is_enforced(unit):
    browser = Client(enforce_csrf_checks=True)
    assert browser.post(URL, citizen_data(unit)).status_code == 403
    assert no_rows()
    page = browser.get(URL).content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    response = browser.post(URL, citizen_data(unit, csrfmiddlewaretoken=token))
    assert response.status_code == 302


def test_submissions_are_limited_per_address(client, unit, settings):
    settings.DISCLOSURE_APPLY_RATES = {**HIGH_RATES, "ip": "2/h"}
    first = resident_id("11010519800101001")
    second = resident_id("11010519800101002")
    assert client.post(URL, citizen_data(unit, id_number=first)).status_code == 302
    assert client.post(URL, citizen_data(unit, id_number=second)).status_code == 302
    third = client.post(URL, citizen_data(unit, id_number=resident_id("11010519800101003")))
    assert third.status_code == 429
    assert "提交次数过多，请稍后再试" in third.content.decode()
    assert 'value="某区解放路1号"' in third.content.decode()
    assert InformationRequest.objects.count() == 2
    other_address = client.post(
        URL, citizen_data(unit, id_number=resident_id("11010519800101004")), REMOTE_ADDR="10.0.0.9"
    )
    assert other_address.status_code == 302


def test_submissions_are_limited_per_identity(client, unit, settings):
    settings.DISCLOSURE_APPLY_RATES = {**HIGH_RATES, "identity": "1/d"}
    assert client.post(URL, citizen_data(unit), REMOTE_ADDR="10.0.0.1").status_code == 302
    again = client.post(
        URL, citizen_data(unit, id_number=CITIZEN_ID.lower()), REMOTE_ADDR="10.0.0.2"
    )
    assert again.status_code == 429
    assert InformationRequest.objects.count() == 1
    other = client.post(
        URL, citizen_data(unit, id_number=resident_id("44052419800101001")), REMOTE_ADDR="10.0.0.3"
    )
    assert other.status_code == 302


def test_the_check_button_finds_public_documents_only(client, unit, column):
    public = make_document(
        column, unit, "区人民政府关于道路拓宽工程的批复", doc_number="区政发〔2024〕3号"
    )
    make_document(column, unit, "尚未发布的批复", doc_number="区政发〔2024〕4号", publish=False)
    data = citizen_data(unit, action="check", document_reference="区政发[2024]3号", answer="")
    response = client.post(URL, data)
    content = response.content.decode()
    assert response.status_code == 200
    assert "对应的信息已主动公开" in content
    assert f'href="{public.url}"' in content
    assert 'value="区政发[2024]3号"' in content and 'value="张三"' in content
    assert "提交未成功" not in content  # a look-up is not a submission
    by_index = client.post(
        URL, citizen_data(unit, action="check", document_reference=public.index_no)
    )
    assert f'href="{public.url}"' in by_index.content.decode()
    hidden = client.post(
        URL, citizen_data(unit, action="check", document_reference="区政发〔2024〕4号")
    )
    hidden_content = hidden.content.decode()
    assert "未找到与该文号或索引号对应的已公开信息" in hidden_content
    assert "尚未发布的批复" not in hidden_content
    assert no_rows()
