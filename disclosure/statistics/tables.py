"""The three tables of the 2021 national format: A (二), B (三) and C (四).

Row and column labels are the exact labels of 国办公开办函〔2021〕30号.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Q, Sum

from .documents import ColumnDefaults, counted_documents, parent_path
from .periods import Period

# --- Table A ---------------------------------------------------------------------------


@dataclass(frozen=True)
class RegulationRow:
    """第二十条第（一）项: one of 规章 / 行政规范性文件."""

    key: str
    label: str
    issued: int
    repealed: int
    in_force: int


@dataclass(frozen=True)
class TableA:
    regulations: list[RegulationRow]
    licensing: int
    penalties: int
    coercion: int
    fee_amount: Decimal


def table_a(
    year: int,
    unit=None,
    *,
    quarter: int | None = None,
    defaults: ColumnDefaults | None = None,
) -> TableA:
    """二、主动公开政府信息情况.

    For 规章 and 行政规范性文件 (the effective 文件类型): 本年制发件数 counts 成文日期 in the
    period, 本年废止件数 废止日期 in the period, 现行有效件数 documents in existence at the
    period's end (成文日期, or 发布日期 without one, not later) without a 废止日期 on or
    before that day; a 失效 document without a date is not in force. The decisions and the
    fee amount add up the units' 年度执法数据 of the year.
    """
    return tables_a([Period(year, quarter)], unit, defaults=defaults)[0]


def tables_a(periods: list[Period], unit=None, *, defaults=None) -> list[TableA]:
    """``table_a`` for several periods at once: one document query, one record query."""
    from ..models import DocumentType, EnforcementRecord, Validity

    defaults = defaults or ColumnDefaults.load()
    counts = {}
    for i, period in enumerate(periods):
        existed = Q(written_date__lte=period.last_day) | Q(
            written_date__isnull=True, publish_date__lt=period.end
        )
        not_repealed = Q(repeal_date__gt=period.last_day) | Q(
            repeal_date__isnull=True, validity__in=[Validity.VALID, Validity.AMENDED]
        )
        first, last = period.first_day, period.last_day
        counts[f"issued_{i}"] = Count(
            "pk", filter=Q(written_date__gte=first, written_date__lte=last)
        )
        counts[f"repealed_{i}"] = Count(
            "pk", filter=Q(repeal_date__gte=first, repeal_date__lte=last)
        )
        counts[f"in_force_{i}"] = Count("pk", filter=existed & not_repealed)
    # Group by (column, own type): the column defaults are resolved per group in Python.
    kinds = (DocumentType.RULE, DocumentType.NORMATIVE)
    candidates = Q(document_type__in=kinds)
    for path, doc_type in defaults.document_types:
        if doc_type in kinds:
            candidates |= Q(document_type="", path__startswith=path)
    rows = (
        counted_documents(unit)
        .filter(candidates)
        .annotate(parent=parent_path())
        .values("parent", "document_type")
        .annotate(**counts)
        .order_by()
    )
    sums = {(i, kind.value, key): 0 for i in range(len(periods)) for kind in kinds for key in (
        "issued", "repealed", "in_force")}  # fmt: skip
    for row in rows:
        doc_type = defaults.document_type_for(row["parent"], row["document_type"])
        if doc_type not in (DocumentType.RULE, DocumentType.NORMATIVE):
            continue
        for i in range(len(periods)):
            for key in ("issued", "repealed", "in_force"):
                sums[(i, doc_type, key)] += row[f"{key}_{i}"]
    records = EnforcementRecord.objects.filter(year__in={p.year for p in periods})
    if unit is not None:
        records = records.filter(unit=unit)
    enforcement = {
        row["year"]: row
        for row in records.values("year").annotate(
            licensing=Sum("licensing_decisions"),
            penalties=Sum("penalty_decisions"),
            coercion=Sum("coercion_decisions"),
            fee=Sum("fee_amount"),
        )
    }
    tables = []
    for i, period in enumerate(periods):
        record = enforcement.get(period.year, {})
        regulations = [
            RegulationRow(
                key=kind.value,
                label=str(kind.label),
                issued=sums[(i, kind.value, "issued")],
                repealed=sums[(i, kind.value, "repealed")],
                in_force=sums[(i, kind.value, "in_force")],
            )
            for kind in kinds
        ]
        tables.append(
            TableA(
                regulations=regulations,
                licensing=record.get("licensing") or 0,
                penalties=record.get("penalties") or 0,
                coercion=record.get("coercion") or 0,
                fee_amount=(record.get("fee") or Decimal("0")).quantize(Decimal("0.01")),
            )
        )
    return tables


# --- Table B ---------------------------------------------------------------------------

RECEIVED_LABEL = "一、本年新收政府信息公开申请数量"
CARRIED_OVER_LABEL = "二、上年结转政府信息公开申请数量"
RESULTS_LABEL = "三、本年度办理结果"
RESULTS_TOTAL_LABEL = "（七）总计"
CARRIED_FORWARD_LABEL = "四、结转下年度继续办理"
TOTAL_COLUMN_LABEL = "总计"
ORGANISATIONS_LABEL = "法人或其他组织"
TABLE_B_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"


@dataclass(frozen=True)
class TableBRow:
    key: str
    label: str
    group: str | None  # the row group spanning several results, such as "（三）不予公开"
    cells: tuple[int, ...]  # the six applicant types, then 总计
    is_result: bool = False  # one of the 21 result rows of 三、本年度办理结果


@dataclass(frozen=True)
class TableB:
    columns: list[tuple[str, str]]  # (key, label): six applicant types, then ("total", 总计)
    rows: list[TableBRow]  # the 25 rows in the national order
    closed_requests: int  # applications closed in the period, counted once each
    fee_income: Decimal  # 元 charged on applications closed in the period

    def row(self, key: str) -> TableBRow:
        return next(row for row in self.rows if row.key == key)


def table_b(year: int, unit=None, *, quarter: int | None = None) -> TableB:
    """三、收到和处理政府信息公开申请情况, from the request register.

    一 = received in the period; 二 = received before it and still open at its start;
    三 = closed in the period, by outcome; 四 = received by its end and still open then.
    Every application received by the end and open at the start is in exactly one of 三 and
    四, so 一 + 二 = 三（七） + 四 in every column.
    """
    from ..models import ApplicantType, InformationRequest
    from ..models.choices import OUTCOME_GROUPS

    period = Period(year, quarter)
    first, last = period.first_day, period.last_day
    requests = InformationRequest.objects.order_by()
    if unit is not None:
        requests = requests.filter(unit=unit)
    still_open_after = Q(closed_date__isnull=True) | Q(closed_date__gt=last)
    flows = requests.values("applicant_type").annotate(
        received=Count("pk", filter=Q(received_date__gte=first, received_date__lte=last)),
        carried_over=Count(
            "pk",
            filter=Q(received_date__lt=first)
            & (Q(closed_date__isnull=True) | Q(closed_date__gte=first)),
        ),
        carried_forward=Count("pk", filter=Q(received_date__lte=last) & still_open_after),
    )
    flows = {row["applicant_type"]: row for row in flows}
    closed = requests.filter(closed_date__gte=first, closed_date__lte=last)
    results = {
        (row["outcome"], row["applicant_type"]): (row["n"], row["fee"])
        for row in closed.values("outcome", "applicant_type").annotate(
            n=Count("pk"), fee=Sum("fee_charged")
        )
    }
    types = [value for value, _label in ApplicantType.choices]

    def cells(values: list[int]) -> tuple[int, ...]:
        return (*values, sum(values))

    def flow_row(key: str, label: str) -> TableBRow:
        return TableBRow(key, label, None, cells([flows.get(t, {}).get(key, 0) for t in types]))

    rows = [
        flow_row("received", RECEIVED_LABEL),
        flow_row("carried_over", CARRIED_OVER_LABEL),
    ]
    totals = [0] * len(types)
    for group, outcomes in OUTCOME_GROUPS:
        for outcome in outcomes:
            values = [results.get((outcome.value, t), (0, None))[0] for t in types]
            totals = [a + b for a, b in zip(totals, values, strict=True)]
            rows.append(TableBRow(outcome.value, str(outcome.label), group, cells(values), True))
    rows.append(TableBRow("results_total", RESULTS_TOTAL_LABEL, None, cells(totals)))
    rows.append(flow_row("carried_forward", CARRIED_FORWARD_LABEL))
    fee = sum((fee for _n, fee in results.values() if fee), Decimal("0"))
    return TableB(
        columns=[
            *((v, str(label)) for v, label in ApplicantType.choices),
            ("total", TOTAL_COLUMN_LABEL),
        ],
        rows=rows,
        closed_requests=sum(n for n, _fee in results.values()),
        fee_income=fee.quantize(Decimal("0.01")),
    )


# --- Table C ---------------------------------------------------------------------------

TABLE_C_COLUMNS = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
LITIGATION_LABEL = "行政诉讼"


@dataclass(frozen=True)
class TableCBlock:
    key: str
    label: str
    upheld: int
    corrected: int
    other: int
    pending: int
    total: int
    carried_in: int  # cases filed before the period and still open at its start

    @property
    def cells(self) -> tuple[int, int, int, int, int]:
        return (self.upheld, self.corrected, self.other, self.pending, self.total)


@dataclass(frozen=True)
class TableC:
    blocks: list[TableCBlock]  # 行政复议, 未经复议直接起诉, 复议后起诉


def table_c(year: int, unit=None, *, quarter: int | None = None) -> TableC:
    """四、政府信息公开行政复议、行政诉讼情况: cases closed in the period by result, plus the
    cases still open at its end as 尚未审结."""
    from ..models import ReviewCase, ReviewKind, ReviewResult

    period = Period(year, quarter)
    first, last = period.first_day, period.last_day
    cases = ReviewCase.objects.order_by()
    if unit is not None:
        cases = cases.filter(unit=unit)
    closed_in_period = Q(closed_date__gte=first, closed_date__lte=last)
    rows = cases.values("kind").annotate(
        upheld=Count("pk", filter=closed_in_period & Q(result=ReviewResult.UPHELD)),
        corrected=Count("pk", filter=closed_in_period & Q(result=ReviewResult.CORRECTED)),
        other=Count("pk", filter=closed_in_period & Q(result=ReviewResult.OTHER)),
        pending=Count(
            "pk",
            filter=Q(filed_date__lte=last)
            & (Q(closed_date__isnull=True) | Q(closed_date__gt=last)),
        ),
        carried_in=Count(
            "pk",
            filter=Q(filed_date__lt=first)
            & (Q(closed_date__isnull=True) | Q(closed_date__gte=first)),
        ),
    )
    by_kind = {row["kind"]: row for row in rows}
    blocks = []
    for kind in ReviewKind:
        row = by_kind.get(kind.value, {})
        counts = [row.get(k, 0) for k in ("upheld", "corrected", "other", "pending")]
        blocks.append(
            TableCBlock(kind.value, str(kind.label), *counts, sum(counts), row.get("carried_in", 0))
        )
    return TableC(blocks=blocks)
