"""The applicant reads the reply letter and the files sent with it on the status page, with
the 查询码 and nothing else; staff papers stay inside."""

import datetime
import io

import pytest
from django.core.files.base import ContentFile
from django.test import Client
from pypdf import PdfReader

from disclosure.models import RequestDocument, RequestOutcome, RequestStatus
from disclosure.requests.staff import actions
from disclosure.requests.workflow import transition

from .request_staff import submit

D = datetime.date
STATUS = "/zfxxgk/apply/status/"


@pytest.fixture
def replied(unit, handler, private_media, index):
    row = submit(unit, D(2026, 9, 21), name="钱七")
    transition(row, RequestStatus.ACCEPTED, user=handler)
    transition(row, RequestStatus.PROCESSING, user=handler)
    actions.reply(
        row,
        user=handler,
        outcome=RequestOutcome.DISCLOSED,
        closed_on=D(2026, 10, 20),
        delivery_method="email",
        delivered_on=D(2026, 10, 20),
        note="所需信息见附件",
    )
    RequestDocument.objects.create(
        request=row,
        kind=RequestDocument.Kind.OTHER,
        title="内部审批单",
        file=ContentFile(b"internal", name="internal.txt"),
    )
    return row


def _links(page: str) -> list[str]:
    return [part.split('"')[0] for part in page.split('href="/zfxxgk/apply/status/files/')[1:]]


def test_the_status_page_offers_the_letter_and_it_names_the_applicant(replied):
    page = Client().get(STATUS, {"code": replied.query_code}).content.decode()
    assert "政府信息公开申请答复书" in page and "内部审批单" not in page
    (link,) = _links(page)
    response = Client().get("/zfxxgk/apply/status/files/" + link.replace("&amp;", "&"))
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]
    pdf = b"".join(response.streaming_content)
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert "钱七" in text and "所需信息见附件" in text and replied.unit.name in text


def test_a_file_answers_only_to_its_own_code(replied, unit):
    letter = replied.documents.get(kind=RequestDocument.Kind.REPLY_LETTER)
    internal = replied.documents.get(kind=RequestDocument.Kind.OTHER)
    other = submit(unit, D(2026, 9, 22))
    url = f"/zfxxgk/apply/status/files/{letter.pk}/"
    client = Client()
    assert client.get(url, {"code": replied.query_code}).status_code == 200
    assert client.get(url, {"code": other.query_code}).status_code == 404
    assert client.get(url, {"code": "ABCDEFGHJKMN"}).status_code == 404
    assert client.get(url).status_code == 404
    hidden = f"/zfxxgk/apply/status/files/{internal.pk}/"
    assert client.get(hidden, {"code": replied.query_code}).status_code == 404
