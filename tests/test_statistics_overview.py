"""一、总体情况: what counts, the Shanghai year boundary, rounding, full text, distributions."""

import datetime
from decimal import Decimal

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import PageViewRestriction

from disclosure.models import DisclosureAttachment, ReportCategory, Validity
from disclosure.statistics import Period, overview, percent, report

from .conftest import add_column, make_document, shanghai


def counts(shares) -> dict:
    return {share.label: share.count for share in shares}


def percents(shares) -> dict:
    return {share.label: share.percent for share in shares}


def test_percent_rounds_half_up_to_one_decimal():
    assert percent(1, 8) == Decimal("12.5")
    assert percent(1, 6) == Decimal("16.7")
    assert percent(2, 3) == Decimal("66.7")
    assert percent(1, 16) == Decimal("6.3")  # 6.25: half up, not half even
    assert percent(1, 3) == Decimal("33.3")
    assert percent(0, 0) == Decimal("0.0")


def test_period_bounds_are_beijing_midnights():
    period = Period(2024)
    assert period.start.isoformat() == "2024-01-01T00:00:00+08:00"
    assert period.end.isoformat() == "2025-01-01T00:00:00+08:00"
    q3 = Period(2024, 3)
    assert (q3.first_day, q3.last_day) == (datetime.date(2024, 7, 1), datetime.date(2024, 9, 30))
    with pytest.raises(ValueError):
        Period(2024, 5)


def test_year_boundary_is_asia_shanghai(column, unit):
    make_document(column, unit, "年末", publish_date=shanghai(2024, 12, 31, 23, 59))
    make_document(column, unit, "年初", publish_date=shanghai(2025, 1, 1, 0, 0))
    # 2024-12-31 16:30 UTC is already 2025-01-01 00:30 in Beijing.
    utc_late = datetime.datetime(2024, 12, 31, 16, 30, tzinfo=datetime.UTC)
    make_document(column, unit, "UTC 年末", publish_date=utc_late)
    assert overview(2024).published_in_year == 1
    assert overview(2025).published_in_year == 2
    assert overview(2024).cumulative == 1
    assert overview(2025).cumulative == 3
    assert counts(overview(2025).by_month)["1月"] == 2
    assert counts(overview(2024).by_month)["12月"] == 1


def test_percentages_by_category_in_category_order(index, unit):
    categories = list(ReportCategory.objects.order_by("sort_order"))
    first, second, fallback = categories[0], categories[1], ReportCategory.fallback()
    policies = add_column(index, "政策文件", default_report_category=second)
    plain = add_column(index, "其他栏目")
    make_document(plain, unit, publish_date=shanghai(2023, 3, 1), report_category=first)
    for day in range(1, 8):
        make_document(policies, unit, publish_date=shanghai(2023, 3, day))
    result = overview(2023)
    assert [share.label for share in result.by_category] == [c.name for c in categories]
    assert percents(result.by_category)[first.name] == Decimal("12.5")  # 1/8
    assert percents(result.by_category)[second.name] == Decimal("87.5")
    assert counts(result.by_category)[fallback.name] == 0
    for day in range(1, 7):
        make_document(
            plain,
            unit,
            publish_date=shanghai(2022, 5, day),
            report_category=first if day == 1 else None,
        )
    result = overview(2022)
    assert percents(result.by_category)[first.name] == Decimal("16.7")  # 1/6
    assert percents(result.by_category)[fallback.name] == Decimal("83.3")  # 5/6, no column default
    make_document(policies, unit, publish_date=shanghai(2021, 5, 1))
    make_document(policies, unit, publish_date=shanghai(2021, 5, 2))
    make_document(plain, unit, publish_date=shanghai(2021, 5, 3))
    assert percents(overview(2021).by_category)[second.name] == Decimal("66.7")  # 2/3
    assert percents(overview(2021).by_category)[fallback.name] == Decimal("33.3")


def test_drafts_scheduled_and_withdrawn_documents_do_not_count(column, unit):
    when = shanghai(2024, 6, 1)
    make_document(column, unit, "已发布", publish_date=when)
    make_document(column, unit, "草稿", publish=False, publish_date=when)
    scheduled = make_document(column, unit, "定时发布", publish=False, publish_date=when)
    scheduled.go_live_at = timezone.now() + datetime.timedelta(days=30)
    scheduled.save_revision().publish()
    scheduled.refresh_from_db()
    assert not scheduled.live
    make_document(column, unit, "被撤回", publish_date=when).unpublish()
    make_document(column, unit, "被删除", publish_date=when).delete()
    result = overview(2024)
    assert result.published_in_year == 1
    assert result.cumulative == 1


def test_scheduled_expiry_and_repeal_do_not_change_a_closed_year(column, unit):
    expiring = make_document(column, unit, "到期下线", publish_date=shanghai(2023, 4, 1))
    repealed = make_document(column, unit, "后来废止", publish_date=shanghai(2023, 5, 1))
    make_document(column, unit, "普通", publish_date=shanghai(2023, 6, 1))
    before = overview(2023)
    assert before.published_in_year == 3
    expiring.expire_at = timezone.now() - datetime.timedelta(minutes=1)
    expiring.save_revision().publish()
    call_command("publish_scheduled", verbosity=0)
    expiring.refresh_from_db()
    assert (expiring.live, expiring.expired) == (False, True)
    repealed.validity = Validity.REPEALED
    repealed.repeal_date = datetime.date(2024, 2, 1)
    repealed.save_revision().publish()
    after = overview(2023)
    assert after == before
    assert overview(2024).cumulative == 3


def test_view_restricted_documents_do_not_count_unless_configured(index, unit):
    open_column = add_column(index, "公开栏目")
    closed_column = add_column(index, "内部栏目")
    make_document(open_column, unit, publish_date=shanghai(2024, 3, 1))
    make_document(closed_column, unit, publish_date=shanghai(2024, 3, 1))
    restricted = make_document(open_column, unit, "单篇限制", publish_date=shanghai(2024, 3, 1))
    PageViewRestriction.objects.create(page=closed_column, restriction_type="login")
    PageViewRestriction.objects.create(page=restricted, restriction_type="password", password="x")
    assert overview(2024).published_in_year == 1
    with override_settings(DISCLOSURE_STATISTICS_INCLUDE_RESTRICTED=True):
        assert overview(2024).published_in_year == 3


def test_documents_below_a_withdrawn_column_do_not_count_and_an_expired_one_still_do(index, unit):
    public = add_column(index, "公开栏目")
    withdrawn_parent = add_column(index, "撤回栏目")
    withdrawn = add_column(withdrawn_parent, "撤回栏目的下级")
    never = add_column(index, "从未发布的栏目")
    expiring = add_column(index, "到期栏目")
    for column in (public, withdrawn, never, expiring):
        make_document(column, unit, f"{column.title}的信息", publish_date=shanghai(2024, 3, 1))
    assert overview(2024).published_in_year == 4

    withdrawn_parent.unpublish()
    type(never).objects.filter(pk=never.pk).update(live=False)  # a live child of a draft
    expiring.expire_at = timezone.now() - datetime.timedelta(minutes=1)
    expiring.save_revision().publish()
    call_command("publish_scheduled", verbosity=0)

    result = overview(2024)
    assert result.published_in_year == 2  # 公开栏目 and 到期栏目: both were public
    assert {share.label for share in result.by_column if share.count} >= {"公开栏目"}


def test_fulltext_rate_counts_a_body_or_an_attachment(column, unit):
    when = shanghai(2024, 8, 1)
    make_document(column, unit, "有正文", publish_date=when, body="<p>正文内容</p>")
    with_file = make_document(column, unit, "有附件", publish_date=when)
    make_document(column, unit, "只有标题", publish_date=when)
    document = get_document_model().objects.create(
        title="附件", file=ContentFile(b"%PDF-1.4", name="fujian.pdf")
    )
    DisclosureAttachment.objects.create(page=with_file, document=document)
    result = overview(2024)
    assert (result.published_in_year, result.fulltext_count) == (3, 2)
    assert result.fulltext_rate == Decimal("66.7")


def test_by_unit_by_first_level_column_and_by_month(index, unit, other_unit):
    level1 = add_column(index, "法定主动公开内容")
    level2 = add_column(level1, "政策文件")
    guide = add_column(index, "政府信息公开指南")
    make_document(add_column(level2, "规范性文件"), unit, publish_date=shanghai(2024, 1, 5))
    make_document(level2, other_unit, publish_date=shanghai(2024, 2, 5))
    make_document(guide, other_unit, publish_date=shanghai(2024, 2, 6))
    make_document(guide, other_unit, publish_date=shanghai(2023, 2, 6))
    result = overview(2024)
    assert counts(result.by_unit) == {unit.name: 1, other_unit.name: 2}
    assert counts(result.by_column) == {"法定主动公开内容": 2, "政府信息公开指南": 1}
    assert [s.count for s in result.by_month][:3] == [1, 2, 0]
    assert percents(result.by_unit)[other_unit.name] == Decimal("66.7")
    one_unit = overview(2024, other_unit)
    assert (one_unit.published_in_year, one_unit.cumulative) == (2, 3)
    assert counts(one_unit.by_unit) == {other_unit.name: 2}
    first_quarter = overview(2024, quarter=1)
    assert [s.label for s in first_quarter.by_month] == ["1月", "2月", "3月"]
    assert overview(2024, quarter=2).published_in_year == 0


def bulk_documents(column, unit, count: int, when) -> None:
    """``count`` published documents below ``column`` at once (as an import would write them)."""
    import uuid

    from django.contrib.contenttypes.models import ContentType
    from django.db import connection
    from wagtail.models import Locale, Page

    from disclosure.models import DisclosureDocumentPage

    alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    content_type = ContentType.objects.get_for_model(DisclosureDocumentPage)
    start = column.numchild + 1
    pages = []
    for n in range(start, start + count):
        step = "".join(alphabet[(n // 36**k) % 36] for k in (3, 2, 1, 0))
        pages.append(
            Page(
                path=column.path + step,
                depth=column.depth + 1,
                translation_key=uuid.uuid4(),
                locale=Locale.get_default(),
                live=True,
                first_published_at=when,
                title=f"批量{n}",
                draft_title=f"批量{n}",
                slug=f"bulk-{n}",
                content_type=content_type,
                url_path=f"{column.url_path}bulk-{n}/",
            )
        )
    created = Page.objects.bulk_create(pages)
    table = DisclosureDocumentPage._meta.db_table
    with connection.cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO {table} (page_ptr_id, unit_id, doc_number, publish_date, genre,"
            " validity, document_type, interpretation_kind, keywords, summary, body)"
            " VALUES (%s, %s, '', %s, 'notice', 'valid', '', '', '', '', '')",
            [(page.pk, unit.pk, when) for page in created],
        )
    Page.objects.filter(pk=column.pk).update(numchild=start - 1 + count)
    column.refresh_from_db()


def test_report_query_count_does_not_grow_with_the_data(
    column, unit, other_unit, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            result = report(2024)
        return len(captured.captured_queries), result.overview.published_in_year

    bulk_documents(column, unit, 10, shanghai(2024, 1, 5))
    few, published = queries()
    assert published == 10
    bulk_documents(column, other_unit, 990, shanghai(2024, 3, 5))
    many, published = queries()
    assert (many, published) == (few, 1000)
    with django_assert_max_num_queries(25):
        report(2024)
