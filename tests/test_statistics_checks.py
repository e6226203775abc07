"""The consistency rules of §2.6: all pass on real data, each hard rule fails on bad data."""

import dataclasses
import datetime
from decimal import Decimal

import pytest

from disclosure.models import (
    ApplicantType,
    DocumentType,
    EnforcementRecord,
    InformationRequest,
    RequestOutcome,
    ReviewCase,
    ReviewKind,
)
from disclosure.statistics import Figures, checks, figures, hard_failures, report

from .conftest import make_document

D = datetime.date


@pytest.fixture
def data(unit, column):
    InformationRequest.objects.create(
        unit=unit,
        received_date=D(2023, 12, 1),
        applicant_type=ApplicantType.COMMERCIAL,
        subject="上年结转",
        closed_date=D(2024, 1, 10),
        outcome=RequestOutcome.DISCLOSED,
    )
    InformationRequest.objects.create(
        unit=unit,
        received_date=D(2024, 3, 1),
        applicant_type=ApplicantType.NATURAL_PERSON,
        subject="本年新收",
        closed_date=D(2024, 3, 15),
        outcome=RequestOutcome.OTHER_FEE_UNPAID,
    )
    InformationRequest.objects.create(
        unit=unit,
        received_date=D(2024, 12, 30),
        applicant_type=ApplicantType.NATURAL_PERSON,
        subject="结转下年",
    )
    ReviewCase.objects.create(unit=unit, kind=ReviewKind.RECONSIDERATION, filed_date=D(2023, 5, 1))
    EnforcementRecord.objects.create(unit=unit, year=2024, licensing_decisions=3)
    make_document(column, unit, written_date=D(2024, 1, 2), document_type=DocumentType.NORMATIVE)


def by_code(results) -> dict:
    return {result.code: result for result in results}


def test_real_data_passes_every_hard_rule_and_lists_all_eleven_rules(data):
    rep = report(2024)
    assert [r.code for r in rep.checks] == [str(n) for n in range(1, 12)]
    assert [r.severity for r in rep.checks] == ["hard"] * 5 + ["soft"] * 6
    assert rep.hard_failures == []
    results = by_code(rep.checks)
    assert results["6"].passed and results["6"].applicable
    assert results["11"].passed and results["11"].applicable
    # A fee notice went unpaid and section 六 says nothing yet: a warning, not a failure.
    assert not results["8"].passed
    assert results["8"].severity == "soft"
    text_ok = report(2024, section_six_text="本年度未收取信息处理费。")
    assert by_code(text_ok.checks)["8"].passed


def replace_row(table, key, cells):
    rows = [dataclasses.replace(row, cells=cells) if row.key == key else row for row in table.rows]
    return dataclasses.replace(table, rows=rows)


def with_table_b(current: Figures, table) -> Figures:
    return dataclasses.replace(current, table_b=table)


def failed_hard_codes(current: Figures) -> list[str]:
    return [r.code for r in hard_failures(checks(current))]


def test_rule_1_column_identity_fails_when_carry_forward_is_wrong(data):
    current = figures(2024)
    forward = current.table_b.row("carried_forward").cells
    bad = (forward[0] + 1, *forward[1:6], forward[6] + 1)
    codes = failed_hard_codes(
        with_table_b(current, replace_row(current.table_b, "carried_forward", bad))
    )
    assert codes == ["1"]
    problem = by_code(
        checks(with_table_b(current, replace_row(current.table_b, "carried_forward", bad)))
    )
    assert "“自然人”列" in problem["1"].problems[0]


def test_rule_2_results_total_fails_when_a_result_row_does_not_add_up(data):
    current = figures(2024)
    table = replace_row(current.table_b, "refused_state_secret", (1, 0, 0, 0, 0, 0, 1))
    assert failed_hard_codes(with_table_b(current, table)) == ["2"]


def test_rule_3_row_identity_fails_when_a_total_cell_is_wrong(data):
    current = figures(2024)
    received = current.table_b.row("received").cells
    table = replace_row(current.table_b, "received", (*received[:6], received[6] + 5))
    codes = failed_hard_codes(with_table_b(current, table))
    assert "3" in codes
    message = by_code(checks(with_table_b(current, table)))["3"].problems[0]
    assert "一、本年新收政府信息公开申请数量" in message


def test_rule_4_table_c_total_fails(data):
    current = figures(2024)
    blocks = list(current.table_c.blocks)
    blocks[0] = dataclasses.replace(blocks[0], total=blocks[0].total + 1)
    bad = dataclasses.replace(current, table_c=dataclasses.replace(current.table_c, blocks=blocks))
    assert failed_hard_codes(bad) == ["4"]


@pytest.mark.parametrize(
    "change",
    [
        {"licensing": -1},
        {"penalties": 1.5},
        {"coercion": True},
        {"fee_amount": Decimal("-0.01")},
        {"fee_amount": Decimal("1.234")},
        {"fee_amount": 3.5},
    ],
)
def test_rule_5_cells_must_be_non_negative_integers_and_fee_two_decimals(data, change):
    current = figures(2024)
    bad = dataclasses.replace(current, table_a=dataclasses.replace(current.table_a, **change))
    assert failed_hard_codes(bad) == ["5"]


def test_rule_5_negative_table_b_cell_fails(data):
    current = figures(2024)
    table = replace_row(current.table_b, "refused_admin_query", (0, 0, 0, 0, 0, 0, 0))
    table = replace_row(table, "received", (-1, 1, 0, 0, 0, 0, 0))
    assert "5" in failed_hard_codes(with_table_b(current, table))


def test_soft_rules_warn_without_blocking(data, unit):
    current, previous = figures(2024), figures(2023)
    # 6: last year's carry-forward does not match this year's carry-over.
    last_b = replace_row(previous.table_b, "carried_forward", (0, 0, 0, 0, 0, 0, 0))
    results = by_code(checks(current, dataclasses.replace(previous, table_b=last_b)))
    assert not results["6"].passed and results["6"].severity == "soft"
    # 7: 现行有效 does not follow from last year's figure.
    rows = [dataclasses.replace(r, in_force=r.in_force + 2) for r in previous.table_a.regulations]
    last_a = dataclasses.replace(previous.table_a, regulations=rows)
    assert not by_code(checks(current, dataclasses.replace(previous, table_a=last_a)))["7"].passed
    # 9: results counted more often than applications closed.
    table = dataclasses.replace(
        current.table_b, closed_requests=current.table_b.closed_requests + 1
    )
    assert not by_code(checks(with_table_b(current, table), previous))["9"].passed
    # 10: a 规章 in a district.
    rows = [
        dataclasses.replace(r, issued=1) if r.key == "rule" else r
        for r in current.table_a.regulations
    ]
    bad_a = dataclasses.replace(current.table_a, regulations=rows)
    assert not by_code(checks(dataclasses.replace(current, table_a=bad_a), previous))["10"].passed
    # 11: a case pending last year vanished.
    blocks = [dataclasses.replace(b, carried_in=0) for b in current.table_c.blocks]
    bad_c = dataclasses.replace(current.table_c, blocks=blocks)
    assert not by_code(checks(dataclasses.replace(current, table_c=bad_c), previous))["11"].passed
    # None of them is a hard failure.
    assert hard_failures(checks(dataclasses.replace(current, table_c=bad_c), previous)) == []
    # Without a previous year, 6, 7 and 11 are listed as not checked.
    skipped = by_code(checks(current))
    assert [skipped[c].applicable for c in ("6", "7", "11")] == [False] * 3
