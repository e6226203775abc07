from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Site

from disclosure.models import (
    AnnualReportPage,
    DisclosureColumnPage,
    DisclosureDocumentPage,
    DisclosureIndexPage,
    DisclosureUnit,
    InformationRequest,
    ReportCategory,
    RequestStatus,
    ReviewCase,
    StatisticsPage,
)
from disclosure.reports import cycle
from disclosure.requests.workflow import CLOSED_STATES
from home.models import HomePage


def counts():
    return (
        DisclosureColumnPage.objects.count(),
        DisclosureDocumentPage.objects.count(),
        DisclosureUnit.objects.count(),
        get_user_model().objects.count(),
        InformationRequest.objects.count(),
    )


def test_no_demo_user_exists_unless_setup_demo_created_it(db):
    assert not get_user_model().objects.exists()


def test_setup_demo_builds_the_portal_and_runs_again_without_change(db, client, private_media):
    call_command("setup_demo", documents=40)
    first = counts()
    call_command("setup_demo", documents=40)
    assert counts() == first

    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, HomePage)
    index = DisclosureIndexPage.objects.get()
    first_level = DisclosureColumnPage.objects.child_of(index).values_list("title", flat=True)
    assert set(first_level) == {
        "政府信息公开指南",
        "政府信息公开制度",
        "法定主动公开内容",
        "政府信息公开年报",
        "依申请公开",
    }
    deepest = max(DisclosureColumnPage.objects.values_list("depth", flat=True))
    assert deepest - index.depth == 3
    assert DisclosureUnit.objects.count() >= 5
    assert set(DisclosureUnit.objects.values_list("kind", flat=True)) == {
        "district_government",
        "department",
        "subdistrict",
        "town",
    }
    documents = DisclosureDocumentPage.objects.all()
    assert documents.count() == 40
    assert documents.filter(live=False, go_live_at__isnull=False).count() >= 3
    assert documents.filter(live=True, index_no__isnull=True).count() == 0
    assert documents.filter(validity="repealed").exists()
    years = {d.year for d in documents.filter(live=True).datetimes("publish_date", "year")}
    assert len(years) == 5
    categories = {d.effective_report_category for d in documents.filter(live=True)}
    assert categories <= set(ReportCategory.objects.all())
    assert len(categories) >= 5
    assert get_user_model().objects.filter(username="admin", is_superuser=True).exists()
    assert client.get("/").status_code == 200
    assert client.get(index.url).status_code == 200
    # Registers and report pages give the statistics real figures on first start.
    assert InformationRequest.objects.exists() and ReviewCase.objects.exists()
    # A year of online requests, in every handling state, each with its applicant.
    online = InformationRequest.objects.filter(query_code__isnull=False)
    assert set(online.values_list("status", flat=True)) == set(RequestStatus)
    assert not online.filter(applicant__isnull=True).exists()
    running = online.exclude(status__in=CLOSED_STATES | {RequestStatus.AWAITING_SUPPLEMENT})
    assert not running.filter(deadline__isnull=True).exists()  # 补正中: the clock waits
    for row in online.filter(closed_date__isnull=False):
        assert row.outcome and row.closed_date >= row.received_date
    replied = online.filter(status__in=[RequestStatus.REPLIED, RequestStatus.ARCHIVED])
    assert replied.exists() and not replied.filter(documents__isnull=True).exists()
    report_year = timezone.localdate().year - 1
    # last year's report cycle: units' reports in every state of 报送
    statuses = {row.status for row in cycle.progress(report_year, DisclosureUnit.objects.all())}
    assert {"published", "submitted", "returned", "drafting", "not_started"} <= statuses
    report = AnnualReportPage.objects.get(unit__isnull=True)
    assert report.live and report.frozen_figures
    assert client.get(report.url).status_code == 200
    assert client.get(StatisticsPage.objects.get().url).status_code == 200
    # 依申请公开 → 在线申请 and 办理查询 lead to the application form and the status page
    for title, target in (("在线申请", "/zfxxgk/apply/"), ("办理查询", "/zfxxgk/apply/status/")):
        column = DisclosureColumnPage.objects.get(title=title)
        assert f'href="{target}"' in client.get(column.url).content.decode()
        assert client.get(target).status_code == 200
