"""The registers (依申请公开登记, 复议诉讼登记), 年度执法数据 and the 文件类型 attribute."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from disclosure.models import (
    ApplicantType,
    DocumentType,
    EnforcementRecord,
    InformationRequest,
    RequestOutcome,
    ReviewCase,
    ReviewKind,
    ReviewResult,
)
from disclosure.models.choices import OUTCOME_GROUPS

from .conftest import add_column, make_document

D = datetime.date


def request_for(unit, **fields) -> InformationRequest:
    values = {
        "unit": unit,
        "received_date": D(2024, 3, 1),
        "applicant_type": ApplicantType.NATURAL_PERSON,
        "subject": "申请公开某项目的批复文件",
    }
    values.update(fields)
    return InformationRequest(**values)


def test_the_21_outcomes_carry_the_exact_table_b_labels():
    labels = [o.label for _group, outcomes in OUTCOME_GROUPS for o in outcomes]
    assert len(labels) == 21 == len(RequestOutcome.choices)
    assert labels[0] == "（一）予以公开"
    assert labels[1] == "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"
    assert labels[4] == '3.危及"三安全一稳定"'
    assert labels[-2] == (
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"
    )
    assert [g for g, _o in OUTCOME_GROUPS][1:] == [
        "（三）不予公开",
        "（四）无法提供",
        "（五）不予处理",
        "（六）其他处理",
    ]
    assert [label for _v, label in ApplicantType.choices] == [
        "自然人",
        "商业企业",
        "科研机构",
        "社会公益组织",
        "法律服务机构",
        "其他",
    ]


def test_a_valid_open_and_a_valid_closed_request(unit):
    request_for(unit).full_clean()
    closed = request_for(unit, closed_date=D(2024, 3, 20), outcome=RequestOutcome.DISCLOSED)
    closed.full_clean()
    closed.save()
    assert not closed.is_open
    assert closed.get_outcome_display() == "（一）予以公开"


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        (
            {"closed_date": D(2024, 2, 1), "outcome": RequestOutcome.DISCLOSED},
            "closed_date",
            "办结日期不能早于收到申请日期。",
        ),
        ({"closed_date": D(2024, 3, 5)}, "outcome", "已办结的申请必须选择办理结果。"),
        (
            {"outcome": RequestOutcome.DISCLOSED},
            "closed_date",
            "选择了办理结果的申请必须填写办结日期。",
        ),
        ({"received_date": D(2099, 1, 1)}, "received_date", "日期不能晚于今天。"),
        (
            {
                "closed_date": D(2024, 4, 1),
                "outcome": RequestOutcome.OTHER_FEE_UNPAID,
                "fee_charged": Decimal("100"),
            },
            "fee_charged",
            "申请人逾期未缴费、不再处理的申请不应登记收取的费用。",
        ),
    ],
)
def test_request_validation_in_chinese(unit, fields, field, message):
    with pytest.raises(ValidationError) as excinfo:
        request_for(unit, **fields).full_clean()
    assert message in excinfo.value.message_dict[field]


def test_a_negative_fee_and_an_unknown_outcome_are_refused(unit):
    with pytest.raises(ValidationError) as excinfo:
        request_for(unit, fee_charged=Decimal("-1")).full_clean()
    assert "fee_charged" in excinfo.value.message_dict
    with pytest.raises(ValidationError) as excinfo:
        request_for(unit, closed_date=D(2024, 4, 1), outcome="made_up").full_clean()
    assert "outcome" in excinfo.value.message_dict


@pytest.mark.parametrize(
    "fields",
    [
        {"closed_date": D(2024, 2, 1), "outcome": RequestOutcome.DISCLOSED},
        {"closed_date": D(2024, 3, 5)},
        {"outcome": RequestOutcome.DISCLOSED},
        {"fee_charged": Decimal("-5")},
    ],
)
def test_the_database_refuses_inconsistent_requests_that_skip_validation(unit, fields):
    with pytest.raises(IntegrityError), transaction.atomic():
        request_for(unit, **fields).save()


def review_for(unit, **fields) -> ReviewCase:
    values = {"unit": unit, "kind": ReviewKind.RECONSIDERATION, "filed_date": D(2024, 5, 1)}
    values.update(fields)
    return ReviewCase(**values)


def test_review_case_validation_in_chinese(unit, other_unit):
    review_for(unit).full_clean()
    review_for(unit, closed_date=D(2024, 6, 1), result=ReviewResult.UPHELD).full_clean()
    cases = [
        ({"closed_date": D(2024, 4, 1), "result": ReviewResult.UPHELD}, "closed_date"),
        ({"closed_date": D(2024, 6, 1)}, "result"),
        ({"result": ReviewResult.CORRECTED}, "closed_date"),
    ]
    for fields, field in cases:
        with pytest.raises(ValidationError) as excinfo:
            review_for(unit, **fields).full_clean()
        assert field in excinfo.value.message_dict
    request = request_for(other_unit)
    request.save()
    with pytest.raises(ValidationError) as excinfo:
        review_for(unit, request=request).full_clean()
    assert "涉及的申请必须是本单位受理的申请。" in excinfo.value.message_dict["request"]
    with pytest.raises(IntegrityError), transaction.atomic():
        review_for(unit, closed_date=D(2024, 6, 1)).save()


def test_enforcement_record_is_unique_per_unit_and_year(unit):
    EnforcementRecord.objects.create(unit=unit, year=2024, fee_amount=Decimal("12.34"))
    with pytest.raises(ValidationError) as excinfo:
        EnforcementRecord(unit=unit, year=2024).full_clean()
    assert "__all__" in excinfo.value.message_dict
    with pytest.raises(ValidationError):
        EnforcementRecord(unit=unit, year=2025, fee_amount=Decimal("-0.01")).full_clean()
    with pytest.raises(ValidationError):
        EnforcementRecord(unit=unit, year=2025, fee_amount=Decimal("1.234")).full_clean()


def test_document_type_defaults_from_the_nearest_column(index, unit):
    policies = add_column(index, "政策文件", default_document_type=DocumentType.NORMATIVE)
    own = add_column(policies, "部门规范性文件")
    other = add_column(policies, "其他文件", default_document_type=DocumentType.OTHER)
    plain = add_column(index, "机构职能")
    assert make_document(own, unit).effective_document_type == DocumentType.NORMATIVE
    assert make_document(other, unit).effective_document_type == DocumentType.OTHER
    assert make_document(plain, unit).effective_document_type == DocumentType.OTHER
    explicit = make_document(other, unit, document_type=DocumentType.RULE)
    assert explicit.effective_document_type == DocumentType.RULE
