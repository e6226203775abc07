"""Tables A, B and C computed from documents, 年度执法数据 and the two registers."""

import datetime
from decimal import Decimal

from disclosure.models import (
    ApplicantType,
    DocumentType,
    EnforcementRecord,
    InformationRequest,
    RequestOutcome,
    ReviewCase,
    ReviewKind,
    ReviewResult,
    Validity,
)
from disclosure.models.choices import OUTCOME_GROUPS
from disclosure.statistics import table_a, table_b, table_c

from .conftest import add_column, make_document, shanghai

D = datetime.date
TYPES = [value for value, _label in ApplicantType.choices]


def regulations(table) -> dict:
    return {row.key: (row.issued, row.repealed, row.in_force) for row in table.regulations}


def test_table_a_counts_normative_documents_by_written_and_repeal_dates(index, unit, other_unit):
    normative = add_column(index, "规范性文件", default_document_type=DocumentType.NORMATIVE)
    plain = add_column(index, "其他文件")
    # Written 2023, in force through 2024.
    make_document(normative, unit, written_date=D(2023, 6, 1), publish_date=shanghai(2023, 6, 5))
    # Written 2024, repealed in 2024.
    make_document(
        normative,
        unit,
        written_date=D(2024, 2, 1),
        publish_date=shanghai(2024, 2, 3),
        validity=Validity.REPEALED,
        repeal_date=D(2024, 11, 30),
    )
    # Written 2024, repealed in 2025: in force at the end of 2024.
    make_document(
        normative,
        unit,
        written_date=D(2024, 3, 1),
        publish_date=shanghai(2024, 3, 2),
        validity=Validity.REPEALED,
        repeal_date=D(2025, 1, 10),
    )
    # Explicit type in a plain column, and a 规章 (which a district should not have).
    make_document(plain, other_unit, written_date=D(2024, 5, 1), document_type="normative")
    make_document(plain, unit, written_date=D(2024, 5, 1), document_type=DocumentType.RULE)
    # Not counted: 其他, a draft, an explicit 其他 inside the normative column.
    make_document(plain, unit, written_date=D(2024, 5, 1))
    make_document(normative, unit, written_date=D(2024, 5, 1), publish=False)
    make_document(normative, unit, written_date=D(2024, 5, 1), document_type=DocumentType.OTHER)
    # 失效 without a date: no longer in force, whatever the year.
    make_document(
        normative,
        unit,
        written_date=D(2022, 1, 1),
        validity=Validity.EXPIRED,
        publish_date=shanghai(2022, 1, 2),
    )
    result = table_a(2024)
    assert regulations(result) == {"rule": (1, 0, 1), "normative": (3, 1, 3)}
    assert regulations(table_a(2023)) == {"rule": (0, 0, 0), "normative": (1, 0, 1)}
    assert regulations(table_a(2025)) == {"rule": (0, 0, 1), "normative": (0, 1, 2)}
    assert regulations(table_a(2024, other_unit))["normative"] == (1, 0, 1)


def test_table_a_enforcement_figures_add_up_the_units_records(unit, other_unit):
    EnforcementRecord.objects.create(
        unit=unit,
        year=2024,
        licensing_decisions=120,
        penalty_decisions=8,
        coercion_decisions=1,
        fee_amount=Decimal("12.50"),
    )
    EnforcementRecord.objects.create(
        unit=other_unit, year=2024, licensing_decisions=30, fee_amount=Decimal("0.75")
    )
    EnforcementRecord.objects.create(unit=unit, year=2023, licensing_decisions=999)
    result = table_a(2024)
    assert (result.licensing, result.penalties, result.coercion) == (150, 8, 1)
    assert result.fee_amount == Decimal("13.25")
    assert table_a(2024, other_unit).licensing == 30
    assert table_a(2022).fee_amount == Decimal("0.00")


def add_request(
    unit, received, closed=None, outcome="", applicant=ApplicantType.NATURAL_PERSON, fee=0
):
    return InformationRequest.objects.create(
        unit=unit,
        received_date=received,
        closed_date=closed,
        outcome=outcome,
        applicant_type=applicant,
        subject="申请公开",
        fee_charged=fee,
    )


def column_identity_holds(table) -> bool:
    received, carried = table.row("received").cells, table.row("carried_over").cells
    total, forward = table.row("results_total").cells, table.row("carried_forward").cells
    return all(received[i] + carried[i] == total[i] + forward[i] for i in range(7))


def test_table_b_rows_columns_and_carry_over_across_two_years(unit, other_unit):
    NP, CO, LS = ApplicantType.NATURAL_PERSON, ApplicantType.COMMERCIAL, ApplicantType.LEGAL_SERVICE
    add_request(unit, D(2023, 3, 1), D(2023, 3, 20), RequestOutcome.DISCLOSED)  # all in 2023
    add_request(unit, D(2023, 12, 20), D(2024, 1, 15), RequestOutcome.PARTLY_DISCLOSED, CO)
    add_request(unit, D(2023, 12, 28), D(2025, 2, 1), RequestOutcome.UNABLE_NOT_HELD, LS)
    add_request(unit, D(2023, 12, 30))  # still open
    add_request(unit, D(2024, 1, 1), D(2024, 1, 2), RequestOutcome.REFUSED_STATE_SECRET)
    add_request(unit, D(2024, 12, 31), D(2024, 12, 31), RequestOutcome.OTHER_FEE_UNPAID, CO)
    add_request(unit, D(2024, 6, 1), D(2024, 6, 10), RequestOutcome.DISCLOSED, NP, fee=100)
    add_request(other_unit, D(2024, 12, 31))  # open at the end of 2024
    t2023, t2024 = table_b(2023), table_b(2024)
    assert [row.label for row in t2024.rows][:2] == [
        "一、本年新收政府信息公开申请数量",
        "二、上年结转政府信息公开申请数量",
    ]
    assert len(t2024.rows) == 25
    assert [label for _k, label in t2024.columns] == [
        "自然人",
        "商业企业",
        "科研机构",
        "社会公益组织",
        "法律服务机构",
        "其他",
        "总计",
    ]
    assert t2023.row("received").cells == (2, 1, 0, 0, 1, 0, 4)
    assert t2023.row("carried_over").cells == (0,) * 7
    assert t2023.row("disclosed").cells == (1, 0, 0, 0, 0, 0, 1)
    assert t2023.row("results_total").cells == (1, 0, 0, 0, 0, 0, 1)
    assert t2023.row("carried_forward").cells == (1, 1, 0, 0, 1, 0, 3)
    assert t2024.row("received").cells == (3, 1, 0, 0, 0, 0, 4)
    assert t2024.row("carried_over").cells == t2023.row("carried_forward").cells
    assert t2024.row("partly_disclosed").cells == (0, 1, 0, 0, 0, 0, 1)
    assert t2024.row("refused_state_secret").cells == (1, 0, 0, 0, 0, 0, 1)
    assert t2024.row("other_fee_unpaid").cells == (0, 1, 0, 0, 0, 0, 1)
    assert t2024.row("disclosed").cells == (1, 0, 0, 0, 0, 0, 1)
    assert t2024.row("results_total").cells == (2, 2, 0, 0, 0, 0, 4)
    assert t2024.row("carried_forward").cells == (2, 0, 0, 0, 1, 0, 3)
    assert t2024.closed_requests == 4
    assert t2024.fee_income == Decimal("100.00")
    assert table_b(2025).row("unable_not_held").cells == (0, 0, 0, 0, 1, 0, 1)
    for table in (t2023, t2024, table_b(2025), table_b(2024, other_unit)):
        assert column_identity_holds(table)
    assert table_b(2024, other_unit).row("carried_forward").cells[-1] == 1


def test_every_outcome_lands_in_its_own_row(unit):
    outcomes = [o for _group, group_outcomes in OUTCOME_GROUPS for o in group_outcomes]
    for position, outcome in enumerate(outcomes):
        applicant = TYPES[position % len(TYPES)]
        add_request(unit, D(2024, 1, 1), D(2024, 2, 1), outcome, applicant)
    table = table_b(2024)
    result_rows = [row for row in table.rows if row.is_result]
    assert [row.key for row in result_rows] == [o.value for o in outcomes]
    for position, row in enumerate(result_rows):
        expected = [0] * 6
        expected[position % 6] = 1
        assert row.cells == (*expected, 1), row.label
    assert table.row("results_total").cells[-1] == 21
    assert [row.group for row in result_rows[:3]] == [None, None, "（三）不予公开"]
    assert [row.group for row in result_rows[-3:]] == ["（六）其他处理"] * 3
    assert column_identity_holds(table)


def test_table_c_counts_results_in_the_year_and_open_cases_as_pending(unit, other_unit):
    def case(kind, filed, closed=None, result=""):
        ReviewCase.objects.create(
            unit=unit, kind=kind, filed_date=filed, closed_date=closed, result=result
        )

    R, DL, AL = (
        ReviewKind.RECONSIDERATION,
        ReviewKind.DIRECT_LITIGATION,
        ReviewKind.LITIGATION_AFTER_RECONSIDERATION,
    )
    case(R, D(2024, 2, 1), D(2024, 4, 1), ReviewResult.UPHELD)
    case(R, D(2024, 3, 1), D(2024, 5, 1), ReviewResult.CORRECTED)
    case(R, D(2023, 11, 1), D(2024, 1, 20), ReviewResult.OTHER)  # carried in from 2023
    case(R, D(2024, 12, 1))  # pending at the end of 2024
    case(DL, D(2024, 7, 1), D(2025, 3, 1), ReviewResult.UPHELD)  # pending at the end of 2024
    case(AL, D(2022, 7, 1), D(2022, 9, 1), ReviewResult.UPHELD)  # another year
    table = table_c(2024)
    blocks = {block.key: block for block in table.blocks}
    assert [block.label for block in table.blocks] == ["行政复议", "未经复议直接起诉", "复议后起诉"]
    assert blocks[R].cells == (1, 1, 1, 1, 4)
    assert blocks[R].carried_in == 1
    assert blocks[DL].cells == (0, 0, 0, 1, 1)
    assert blocks[AL].cells == (0, 0, 0, 0, 0)
    assert {b.key: b.cells for b in table_c(2023).blocks}[R] == (0, 0, 0, 1, 1)
    assert {b.key: b.cells for b in table_c(2025).blocks}[DL] == (1, 0, 0, 0, 1)
    assert all(block.cells == (0, 0, 0, 0, 0) for block in table_c(2024, other_unit).blocks)
