"""An applicant's personal data and the request itself reach no public channel: search,
feeds, the API, the catalogue files, the sitemaps, the statistics and report files — each
checked beside a public document that does appear (the control)."""

import datetime
import io
import json
from zipfile import ZipFile

import pytest
from django.utils import timezone

from disclosure.models import (
    AnnualReportPage,
    ApplicantType,
    InformationRequest,
    RequestApplicant,
    RequestOutcome,
    StatisticsPage,
)
from disclosure.requests.workflow import new_query_code, record_submission

from .conftest import make_document

NAME = "欧阳雪晴"
ID_NUMBER = "11010519491231002X"
PHONE = "13912345678"
SUBJECT_MARK = "紫藤花园二期"  # in the request's subject only
CONTROL_MARK = "梧桐路改造"  # in a public document


@pytest.fixture
def private_request(unit):
    year = timezone.localdate().year
    request = InformationRequest.objects.create(
        unit=unit,
        received_date=datetime.date(year, 1, 5),
        closed_date=datetime.date(year, 1, 20),
        outcome=RequestOutcome.DISCLOSED,
        channel=InformationRequest.Channel.ONLINE,
        applicant_type=ApplicantType.NATURAL_PERSON,
        subject=f"申请公开{SUBJECT_MARK}的规划许可",
        purpose=f"{NAME}购房参考",
        query_code=new_query_code(),
    )
    RequestApplicant.objects.create(
        request=request, name=NAME, id_number=ID_NUMBER, phone=PHONE, email="oy@example.com"
    )
    record_submission(request)
    return request


def _public_texts(client, column) -> dict[str, str]:
    statistics = StatisticsPage(title="公开统计", slug="statistics")
    column.add_child(instance=statistics)
    statistics.save_revision().publish()
    year = timezone.localdate().year
    report = AnnualReportPage(title="年报", slug="report", year=year)
    column.add_child(instance=report)
    report.save_revision().publish()
    urls = {
        "search": f"/search/?q={CONTROL_MARK}",
        "search-subject": f"/search/?q={SUBJECT_MARK}",
        "search-name": f"/search/?q={NAME}",
        "rss": "/zfxxgk/feeds/rss/",
        "atom": "/zfxxgk/feeds/atom/",
        "api": "/zfxxgk/api/v2/documents/",
        "catalogue-csv": "/zfxxgk/catalogue.csv",
        "sitemap": "/sitemap.xml",
        "site-map": "/sitemap/",
        "statistics": f"{statistics.url}?year={year}",
        "statistics-json": f"{statistics.url}download/json/?year={year}",
        "statistics-csv": f"{statistics.url}download/csv/?year={year}",
        "report": report.url,
        "report-json": f"{report.url}export/json/",
        "report-docx": f"{report.url}export/docx/",
    }
    texts = {}
    for name, url in urls.items():
        response = client.get(url)
        assert response.status_code == 200, (name, url, response.status_code)
        body = b"".join(response.streaming_content) if response.streaming else response.content
        if name.endswith("docx"):
            body = b"".join(
                ZipFile(io.BytesIO(body)).read(n) for n in ZipFile(io.BytesIO(body)).namelist()
            )
        texts[name] = body.decode("utf-8-sig", errors="replace")
    return texts


def test_no_public_channel_shows_the_request_or_its_applicant(
    client, column, unit, private_request
):
    make_document(column, unit, title=f"关于{CONTROL_MARK}工程的公告")
    texts = _public_texts(client, column)
    for channel in ("search", "rss", "atom", "api", "catalogue-csv"):
        assert CONTROL_MARK in texts[channel], f"control missing from {channel}"
    secrets = {NAME, ID_NUMBER, PHONE, SUBJECT_MARK, private_request.query_code}
    for channel, text in texts.items():
        # a search page repeats its own query: look for the request's texts around it
        echoed = {"search-subject": SUBJECT_MARK, "search-name": NAME}.get(channel)
        for secret in secrets - {echoed} | {private_request.subject, private_request.purpose}:
            assert secret not in text, f"{secret} leaks through {channel}"
    # the request is counted, anonymously: Table B's 一、本年新收 总计 holds it
    rows = json.loads(texts["report-json"])["table_b"]["rows"]
    assert rows[0]["label"].startswith("一、本年新收") and rows[0]["cells"][-1] == 1
