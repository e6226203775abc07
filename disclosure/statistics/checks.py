"""The consistency rules of the national format (domain reference §2.6).

Hard rules (1–5) block publication of an annual report; soft rules (6–11) are warnings.
The checks read the computed tables only, so they also catch figures that were stored,
imported or edited by hand.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext as _

from .tables import TableA, TableB, TableC

HARD = "hard"
SOFT = "soft"
FEE_WORDS = ("信息处理费",)


@dataclass(frozen=True)
class CheckResult:
    code: str  # "1" … "11", the rule's number in §2.6
    severity: str  # "hard" or "soft"
    rule: str
    passed: bool
    applicable: bool = True
    problems: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Figures:
    """What the checks look at: one period's tables (and the previous period's, if known)."""

    table_a: TableA
    table_b: TableB
    table_c: TableC


def checks(
    current: Figures,
    previous: Figures | None = None,
    *,
    section_six_text: str | None = None,
) -> list[CheckResult]:
    """Every rule of §2.6 with its result, hard rules first, in the rules' order."""
    b, c = current.table_b, current.table_c
    results = [
        _result(
            "1", HARD, _("每列：第一项 + 第二项 = 第三项（七）总计 + 第四项"), _column_identity(b)
        ),
        _result("2", HARD, _("（七）总计 = 各项办理结果之和"), _results_total(b)),
        _result("3", HARD, _("每行：总计 = 六类申请人之和"), _row_identity(b)),
        _result("4", HARD, _("表四每组：总计 = 维持 + 纠正 + 其他 + 尚未审结"), _table_c_totals(c)),
        _result(
            "5", HARD, _("所有数字为非负整数，收费金额为两位小数的非负数（万元）"), _cells(current)
        ),
    ]
    results += _soft_rules(current, previous, section_six_text)
    return results


def hard_failures(results: list[CheckResult]) -> list[CheckResult]:
    return [r for r in results if r.severity == HARD and not r.passed]


def _result(code, severity, rule, problems, applicable=True) -> CheckResult:
    return CheckResult(code, severity, rule, not problems, applicable, list(problems))


def _column_label(b: TableB, index: int) -> str:
    return b.columns[index][1]


def _column_identity(b: TableB) -> list[str]:
    problems = []
    received, carried = b.row("received").cells, b.row("carried_over").cells
    total, forward = b.row("results_total").cells, b.row("carried_forward").cells
    for i in range(len(b.columns)):
        left, right = received[i] + carried[i], total[i] + forward[i]
        if left != right:
            problems.append(
                _("“%(column)s”列：一 + 二 = %(left)d，三（七）+ 四 = %(right)d")
                % {"column": _column_label(b, i), "left": left, "right": right}
            )
    return problems


def _results_total(b: TableB) -> list[str]:
    results = [row for row in b.rows if row.is_result]
    total = b.row("results_total").cells
    problems = []
    for i in range(len(b.columns)):
        expected = sum(row.cells[i] for row in results)
        if total[i] != expected:
            problems.append(
                _("“%(column)s”列：（七）总计为 %(total)d，各项之和为 %(sum)d")
                % {"column": _column_label(b, i), "total": total[i], "sum": expected}
            )
    return problems


def _row_identity(b: TableB) -> list[str]:
    problems = []
    for row in b.rows:
        *parts, total = row.cells
        if total != sum(parts):
            problems.append(
                _("“%(row)s”行：总计为 %(total)d，各类申请人之和为 %(sum)d")
                % {"row": row.label, "total": total, "sum": sum(parts)}
            )
    return problems


def _table_c_totals(c: TableC) -> list[str]:
    problems = []
    for block in c.blocks:
        parts = block.upheld + block.corrected + block.other + block.pending
        if block.total != parts:
            problems.append(
                _("“%(kind)s”：总计为 %(total)d，各项之和为 %(sum)d")
                % {"kind": block.label, "total": block.total, "sum": parts}
            )
    return problems


def _is_count(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _cells(figures: Figures) -> list[str]:
    a = figures.table_a
    cells: list[tuple[str, object]] = []
    for row in a.regulations:
        cells += [(row.label, row.issued), (row.label, row.repealed), (row.label, row.in_force)]
    cells += [("行政许可", a.licensing), ("行政处罚", a.penalties), ("行政强制", a.coercion)]
    cells += [(row.label, value) for row in figures.table_b.rows for value in row.cells]
    cells += [(block.label, value) for block in figures.table_c.blocks for value in block.cells]
    problems = [
        _("“%(where)s”中的数字 %(value)s 不是非负整数") % {"where": where, "value": value}
        for where, value in cells
        if not _is_count(value)
    ]
    fee = a.fee_amount
    if not (
        isinstance(fee, Decimal)
        and fee.is_finite()
        and fee >= 0
        and fee == fee.quantize(Decimal("0.01"))
    ):
        problems.append(_("行政事业性收费金额 %(fee)s 不是两位小数的非负数") % {"fee": fee})
    return problems


def _soft_rules(current: Figures, previous: Figures | None, text: str | None) -> list[CheckResult]:
    a, b, c = current.table_a, current.table_b, current.table_c
    results = []
    if previous is None:
        skipped = _("没有上一年度的数据，未检查。")
        results.append(
            CheckResult(
                "6", SOFT, _("本年“二、上年结转”应等于上年“四、结转下年度”"), True, False, [skipped]
            )
        )
        results.append(
            CheckResult(
                "7",
                SOFT,
                _("现行有效件数 ≈ 上年现行有效 + 本年制发 − 本年废止"),
                True,
                False,
                [skipped],
            )
        )
    else:
        pb, pa = previous.table_b, previous.table_a
        problems = [
            _("“%(column)s”列：本年上年结转 %(now)d，上年结转下年度 %(then)d")
            % {"column": _column_label(b, i), "now": now, "then": then}
            for i, (now, then) in enumerate(
                zip(b.row("carried_over").cells, pb.row("carried_forward").cells, strict=True)
            )
            if now != then
        ]
        results.append(
            _result("6", SOFT, _("本年“二、上年结转”应等于上年“四、结转下年度”"), problems)
        )
        problems = []
        for row, last in zip(a.regulations, pa.regulations, strict=True):
            expected = last.in_force + row.issued - row.repealed
            if row.in_force != expected:
                problems.append(
                    _(
                        "%(row)s：现行有效 %(now)d，按上年推算为 %(expected)d（修改、自动失效可能造成差异）"
                    )
                    % {"row": row.label, "now": row.in_force, "expected": expected}
                )
        results.append(
            _result("7", SOFT, _("现行有效件数 ≈ 上年现行有效 + 本年制发 − 本年废止"), problems)
        )
    unpaid = b.row("other_fee_unpaid").cells[-1]
    fee_due = unpaid > 0 or b.fee_income > 0
    mentioned = bool(text) and any(word in text for word in FEE_WORDS)
    results.append(
        _result(
            "8",
            SOFT,
            _("有收费或逾期未缴费的申请时，“六、其他需要报告的事项”应说明信息处理费情况"),
            [_("本期收取信息处理费 %(fee)s 元，请在第六部分说明。") % {"fee": b.fee_income}]
            if fee_due and not mentioned
            else [],
            applicable=fee_due,
        )
    )
    total = b.row("results_total").cells[-1]
    results.append(
        _result(
            "9",
            SOFT,
            _("每件申请只计入一种办理结果（部分公开只计入“部分公开”）"),
            [
                _("办理结果合计 %(total)d，本期办结申请 %(closed)d 件")
                % {"total": total, "closed": b.closed_requests}
            ]
            if total != b.closed_requests
            else [],
        )
    )
    rules = next(row for row in a.regulations if row.key == "rule")
    results.append(
        _result(
            "10",
            SOFT,
            _("区县一级不制定规章，“规章”一行应为 0"),
            [_("“规章”一行不为 0，请核对文件类型。")]
            if (rules.issued, rules.repealed, rules.in_force) != (0, 0, 0)
            else [],
        )
    )
    if previous is None:
        results.append(
            CheckResult(
                "11",
                SOFT,
                _("上年尚未审结的复议诉讼案件应在本年再次出现"),
                True,
                False,
                [_("没有上一年度的数据，未检查。")],
            )
        )
    else:
        problems = [
            _("“%(kind)s”：上年尚未审结 %(then)d 件，本年承接 %(now)d 件")
            % {"kind": block.label, "then": last.pending, "now": block.carried_in}
            for block, last in zip(c.blocks, previous.table_c.blocks, strict=True)
            if block.carried_in != last.pending
        ]
        results.append(
            _result("11", SOFT, _("上年尚未审结的复议诉讼案件应在本年再次出现"), problems)
        )
    return results
