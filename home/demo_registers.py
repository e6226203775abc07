"""Demo request and review registers, enforcement records and report pages.

So the statistics page and the annual reports have real figures to show on first start.
"""

import datetime
import random
from decimal import Decimal

from django.utils import timezone

from disclosure.models import (
    AnnualReportPage,
    DisclosureColumnPage,
    EnforcementRecord,
    InformationRequest,
    ReviewCase,
    StatisticsPage,
)
from disclosure.models.choices import ApplicantType, RequestOutcome, ReviewKind, ReviewResult

SUBJECTS = [
    "某小区旧城改造项目征收补偿方案",
    "2023年度区级部门预算中的会议费支出明细",
    "某道路拓宽工程建设项目环境影响评价批复",
    "本街道最低生活保障对象审核确认情况",
    "某地块国有土地使用权出让合同",
    "区教育局关于学区划分的文件",
    "某企业安全生产行政处罚决定书",
]
# Weights roughly like a district's real mix: mostly disclosed or already public.
OUTCOME_WEIGHTS = [
    (RequestOutcome.DISCLOSED, 40),
    (RequestOutcome.PARTLY_DISCLOSED, 8),
    (RequestOutcome.REFUSED_THIRD_PARTY, 4),
    (RequestOutcome.REFUSED_PROCESS_INFORMATION, 3),
    (RequestOutcome.UNABLE_NOT_HELD, 20),
    (RequestOutcome.UNABLE_NEEDS_CREATION, 4),
    (RequestOutcome.NOT_PROCESSED_PETITION, 3),
    (RequestOutcome.NOT_PROCESSED_REPEAT, 3),
    (RequestOutcome.OTHER_NO_SUPPLEMENT, 2),
]
APPLICANT_WEIGHTS = [
    (ApplicantType.NATURAL_PERSON, 80),
    (ApplicantType.COMMERCIAL, 10),
    (ApplicantType.LEGAL_SERVICE, 6),
    (ApplicantType.OTHER, 4),
]


def _pick(rng: random.Random, weighted):
    values, weights = zip(*weighted, strict=True)
    return rng.choices(values, weights=weights)[0]


def ensure_registers(units, first_year: int, rng: random.Random) -> None:
    if InformationRequest.objects.exists():
        return
    today = timezone.localdate()
    unit_list = list(units)
    for year in range(first_year, today.year + 1):
        for n in range(rng.randint(25, 40)):
            received = datetime.date(year, rng.randint(1, 12), rng.randint(1, 28))
            if received > today:
                continue
            closed = received + datetime.timedelta(days=rng.randint(3, 40))
            is_open = closed > today
            InformationRequest.objects.create(
                unit=rng.choice(unit_list),
                reference_no=f"YSQ{year}{n + 1:04d}",
                received_date=received,
                applicant_type=_pick(rng, APPLICANT_WEIGHTS),
                subject=f"申请公开{rng.choice(SUBJECTS)}",
                closed_date=None if is_open else closed,
                outcome="" if is_open else _pick(rng, OUTCOME_WEIGHTS),
                fee_charged=Decimal("100.00") if n % 17 == 16 and not is_open else Decimal(0),
            )
        for _ in range(rng.randint(1, 3)):
            filed = datetime.date(year, rng.randint(1, 10), rng.randint(1, 28))
            if filed > today:
                continue
            closed = filed + datetime.timedelta(days=rng.randint(30, 90))
            ReviewCase.objects.create(
                unit=rng.choice(unit_list),
                kind=rng.choice(list(ReviewKind)),
                filed_date=filed,
                closed_date=None if closed > today else closed,
                result="" if closed > today else rng.choice(list(ReviewResult)),
            )
        for unit in unit_list:
            EnforcementRecord.objects.get_or_create(
                unit=unit,
                year=year,
                defaults={
                    "licensing_decisions": rng.randint(0, 400),
                    "penalty_decisions": rng.randint(0, 120),
                    "coercion_decisions": rng.randint(0, 10),
                    "fee_amount": Decimal(rng.randint(0, 5000)) / 100,
                },
            )


def ensure_report_pages(index) -> None:
    reports_column = (
        DisclosureColumnPage.objects.child_of(index).filter(title="政府信息公开年报").first()
    )
    if reports_column is None:
        return
    if not StatisticsPage.objects.descendant_of(reports_column).exists():
        page = StatisticsPage(title="政府信息公开统计", slug="statistics")
        reports_column.add_child(instance=page)
        page.save_revision().publish()
    district_column = (
        DisclosureColumnPage.objects.child_of(reports_column).filter(title="区政府年报").first()
    )
    if district_column and not AnnualReportPage.objects.exists():
        last_year = timezone.localdate().year - 1
        report = AnnualReportPage(
            title=f"区人民政府{last_year}年政府信息公开工作年度报告",
            slug=f"report-{last_year}",
            year=last_year,
            live=False,
            problems_text="<p>一是政策解读形式还不够丰富；二是依申请公开办理质量有待进一步提升。"
            "下一步，我区将加强业务培训，规范答复文书。</p>",
        )
        district_column.add_child(instance=report)
        revision = report.save_revision()
        if not report.live_report().hard_failures:
            revision.publish()
