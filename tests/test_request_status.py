"""The receipt (page and PDF), the status page by 查询码, and 补正 and 撤回 through the views;
what a holder of the code alone can see."""

import datetime
import io
import re

import pytest
from django.test import Client
from pypdf import PdfReader

from disclosure.models import InformationRequest, RequestEvent, RequestStatus
from disclosure.requests.public.forms import ApplicationForm
from disclosure.requests.public.submission import create_request
from disclosure.requests.public.views import SESSION_KEY
from disclosure.requests.workflow import transition

from .conftest import make_document, shanghai
from .request_form_helpers import citizen_data

D = datetime.date
S = RequestStatus
STATUS = "/zfxxgk/apply/status/"


@pytest.fixture(autouse=True)
def _rates(settings):
    settings.DISCLOSURE_APPLY_RATES = {"ip": "1000/h", "identity": "1000/d", "lookup": "1000/h"}


@pytest.fixture
def submitted(client, unit):
    """An application submitted through the form by ``client``."""
    data = citizen_data(unit, subject="申请公开<script>alert(1)</script>道路批复")
    assert client.post("/zfxxgk/apply/", data).status_code == 302
    return InformationRequest.objects.get()


def make_request(unit, submitted_at, **changes):
    form = ApplicationForm(citizen_data(unit, **changes))
    assert form.is_valid(), form.errors
    return create_request(form, submitted_at=submitted_at)


def own(client, request):
    session = client.session
    session[SESSION_KEY] = [request.query_code]
    session.save()


def test_the_receipt_shows_the_code_dates_and_personal_data_to_the_submitter(client, submitted):
    response = client.get(f"/zfxxgk/apply/receipt/{submitted.query_code}/")
    content = response.content.decode()
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert submitted.query_code in content and "张三" in content
    assert "110105********002X" in content and "11010519491231002X" not in content
    assert f"{submitted.deadline:%Y-%m-%d}" in content
    assert f"{submitted.received_date:%Y-%m-%d}" in content
    assert "&lt;script&gt;" in content and "<script>alert" not in content


def test_the_receipt_of_another_session_sends_to_the_status_page(submitted, unit):
    stranger = Client()
    for path in ("", "pdf/"):
        response = stranger.get(f"/zfxxgk/apply/receipt/{submitted.query_code}/{path}")
        assert response.status_code == 302
        assert response["Location"] == f"{STATUS}?code={submitted.query_code}"


def test_the_status_page_shows_only_what_the_applicant_submitted_masked(submitted):
    stranger = Client()
    response = stranger.get(STATUS, {"code": submitted.query_code.lower()})
    content = response.content.decode()
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert "张*" in content and "张三" not in content
    for personal in ("11010519491231002X", "002X", "010-12345678", "zhangsan@", "解放路"):
        assert personal not in content
    assert "已登记" in content and "网上提交申请" in content
    assert f"{submitted.deadline:%Y-%m-%d}" in content
    assert "&lt;script&gt;" in content


def test_an_unknown_code_is_not_found_and_lookups_are_limited(client, submitted, settings):
    response = client.get(STATUS, {"code": "ABCDEFGHJKMN"})
    assert "未找到该查询码对应的申请" in response.content.decode()
    settings.DISCLOSURE_APPLY_RATES = {"ip": "1000/h", "identity": "1000/d", "lookup": "1/h"}
    assert client.get(STATUS, {"code": submitted.query_code}).status_code == 200
    limited = client.get(STATUS, {"code": submitted.query_code})
    assert limited.status_code == 429 and "张*" not in limited.content.decode()


def test_staff_only_steps_stay_off_the_status_page(client, submitted, webmaster):
    transition(submitted, S.ACCEPTED, user=webmaster, note="内部意见：转规划科", public=False)
    content = client.get(STATUS, {"code": submitted.query_code}).content.decode()
    assert "内部意见" not in content
    assert "已受理" in content  # the state itself is public


def test_the_pdf_receipt(client, submitted):
    response = client.get(f"/zfxxgk/apply/receipt/{submitted.query_code}/pdf/")
    assert response["Content-Type"] == "application/pdf"
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "政府信息公开申请回执" in text
    assert submitted.query_code in text
    assert f"{submitted.deadline:%Y-%m-%d}" in text


def test_a_submission_after_hours_before_the_national_day_holiday(client, unit):
    # Submitted Wednesday 2026-09-30 at 20:00, after the office closed. The 2026 holiday
    # notice: 国庆节 10/1–10/7 off (Saturday 10/10 worked), so the office confirms on
    # Thursday 10/8, the date of receipt. Working days after 10/8: Fri 10/9 (1), Sat 10/10
    # (2, 调休上班), 10/12–16 (3–7), 10/19–23 (8–12), 10/26–30 (13–17), Mon 11/2 (18),
    # Tue 11/3 (19), Wed 11/4 (20): the reply is due 2026-11-04.
    request = make_request(unit, shanghai(2026, 9, 30, 20, 0))
    assert request.received_date == D(2026, 10, 8)
    assert request.deadline == D(2026, 11, 4)
    own(client, request)
    content = client.get(f"/zfxxgk/apply/receipt/{request.query_code}/").content.decode()
    assert "2026-09-30 20:00" in content
    assert "2026-10-08" in content and "2026-11-04" in content
    assert "您在非工作时间提交申请，收到申请之日为提交后的第一个工作日。" in content


def test_a_submission_in_working_hours_is_received_that_day(client, unit):
    # Monday 2026-09-21 at 10:00. Working days after it: 9/22–24 (1–3; 中秋 9/25–27 off),
    # 9/28–30 (4–6), 10/8–10 (7–9; 国庆 10/1–7 off, Saturday 10/10 worked), 10/12–16
    # (10–14), 10/19–23 (15–19), Mon 10/26 (20).
    request = make_request(unit, shanghai(2026, 9, 21, 10, 0))
    assert (request.received_date, request.deadline) == (D(2026, 9, 21), D(2026, 10, 26))
    own(client, request)
    content = client.get(f"/zfxxgk/apply/receipt/{request.query_code}/").content.decode()
    assert "非工作时间" not in content


def ask_for_supplement(request, user):
    transition(request, S.ACCEPTED, user=user)
    request.supplement_requested = D(2026, 9, 23)
    request.supplement_due = D(2026, 10, 16)
    transition(request, S.AWAITING_SUPPLEMENT, user=user, title="发出补正通知")


def test_a_supplement_through_the_status_page(client, unit, webmaster):
    request = make_request(unit, shanghai(2026, 9, 21, 10, 0))
    supplement_url = "/zfxxgk/apply/status/supplement/"
    stranger = Client()
    early = stranger.post(supplement_url, {"code": request.query_code, "text": "补充"})
    assert "该申请当前不需要补正。" in early.content.decode()
    ask_for_supplement(request, webmaster)
    page = stranger.get(STATUS, {"code": request.query_code}).content.decode()
    assert "网上补正" in page and "补正中" in page and "2026-10-16" in page
    empty = stranger.post(supplement_url, {"code": request.query_code, "text": ""})
    assert "请填写" in empty.content.decode() or "必需" in empty.content.decode()
    response = stranger.post(
        supplement_url,
        {"code": request.query_code, "text": "所需信息为2024年解放路拓宽工程的立项批复"},
    )
    assert response.status_code == 302
    request.refresh_from_db()
    assert request.status == S.PROCESSING
    assert request.supplement_received is not None
    event = RequestEvent.objects.filter(request=request).last()
    assert (event.title, event.actor, event.public) == ("申请人提交补正", None, True)
    page = stranger.get(STATUS, {"code": request.query_code}).content.decode()
    assert "所需信息为2024年解放路拓宽工程的立项批复" in page and "网上补正" not in page
    assert f"{request.deadline:%Y-%m-%d}" in page


def test_withdrawal_needs_confirmation_and_ends_at_the_reply(client, unit, webmaster):
    request = make_request(unit, shanghai(2026, 9, 21, 10, 0))
    withdraw_url = "/zfxxgk/apply/status/withdraw/"
    unconfirmed = client.post(withdraw_url, {"code": request.query_code})
    assert "请勾选确认后再撤回申请。" in unconfirmed.content.decode()
    request.refresh_from_db()
    assert request.status == S.REGISTERED
    response = client.post(withdraw_url, {"code": request.query_code, "confirm": "on"})
    assert response.status_code == 302
    request.refresh_from_db()
    assert request.status == S.WITHDRAWN
    # counted in Table B like a withdrawal recorded by staff: （六）3 其他, closed that day
    assert request.outcome == "other" and request.closed_date >= request.received_date
    page = client.get(STATUS, {"code": request.query_code}).content.decode()
    assert "已撤回" in page and "申请人撤回申请" in page
    assert 'action="/zfxxgk/apply/status/withdraw/"' not in page
    assert not re.search(r"答复期限</th>", page)  # a closed request has no deadline
    again = client.post(withdraw_url, {"code": request.query_code, "confirm": "on"})
    assert "不能撤回" in again.content.decode()


def test_a_replied_request_cannot_be_withdrawn(client, unit, webmaster):
    request = make_request(unit, shanghai(2026, 9, 21, 10, 0))
    for status in (S.ACCEPTED, S.PROCESSING, S.REPLIED):
        transition(request, status, user=webmaster)
    page = client.get(STATUS, {"code": request.query_code}).content.decode()
    assert "撤回申请</h2>" not in page and "答复书" in page
    client.post("/zfxxgk/apply/status/withdraw/", {"code": request.query_code, "confirm": "on"})
    request.refresh_from_db()
    assert request.status == S.REPLIED


def test_applicant_data_stays_out_of_every_public_channel(client, unit, index, column):
    # the control: a public document does reach the feed; the applicant never does
    make_document(column, unit, "关于欧阳路改造工程的公告")
    request = make_request(
        unit, shanghai(2026, 9, 21, 10, 0), name="欧阳明远", subject="申请公开欧阳明远的补偿档案"
    )
    stranger = Client()
    for path in (
        "/zfxxgk/catalogue.csv",
        "/zfxxgk/feeds/rss/",
        "/zfxxgk/api/v2/documents/",
        "/sitemap.xml",
        index.url,
    ):
        response = stranger.get(path)
        assert response.status_code == 200, path
        body = b"".join(response) if response.streaming else response.content
        text = body.decode("utf-8-sig", errors="replace")
        assert "欧阳明远" not in text and request.query_code not in text, path
        if path == "/zfxxgk/feeds/rss/":
            assert "关于欧阳路改造工程的公告" in text
