import pytest
from django.core.exceptions import ValidationError

from disclosure.models import DisclosureUnit
from disclosure.validators import validate_doc_number, validate_unit_code

from .conftest import make_credit_code


@pytest.mark.parametrize("code", ["91350100M000100Y43", make_credit_code()])
def test_valid_credit_codes_pass(code):
    validate_unit_code(code)


def test_credit_code_with_wrong_check_digit_is_refused_in_chinese():
    good = make_credit_code()
    bad = good[:17] + ("0" if good[17] != "0" else "1")
    with pytest.raises(ValidationError) as excinfo:
        validate_unit_code(bad)
    assert "校验位不正确" in excinfo.value.messages[0]


def test_credit_code_with_forbidden_letter_is_refused():
    with pytest.raises(ValidationError) as excinfo:
        validate_unit_code("91350100M000100YI3")
    assert "I、O、Z、S、V" in excinfo.value.messages[0]


def test_organisation_code_accepted_with_hyphen_and_check_digit():
    validate_unit_code("00252113-3")
    with pytest.raises(ValidationError):
        validate_unit_code("00252113-4")


def test_wrong_length_names_the_length():
    with pytest.raises(ValidationError) as excinfo:
        validate_unit_code("12345")
    assert "当前为 5 位" in excinfo.value.messages[0]


def test_unit_code_is_normalised_on_save(db):
    unit = DisclosureUnit(name="某局", code="00252113-3", kind=DisclosureUnit.Kind.DEPARTMENT)
    unit.full_clean()
    unit.save()
    assert DisclosureUnit.objects.get(pk=unit.pk).code == "002521133"


@pytest.mark.parametrize("number", ["区政发〔2024〕3号", "区政办发〔2021〕118号", "国令第711号"])
def test_doc_numbers_in_the_standard_form_pass(number):
    validate_doc_number(number)


@pytest.mark.parametrize(
    "number",
    [
        "区政发[2024]3号",
        "区政发（2024）3号",
        "区政发〔24〕3号",
        "区政发〔2024〕03号",
        "区政发〔2024〕第3号",
        "区政发〔2024〕3",
    ],
)
def test_doc_numbers_out_of_form_get_a_chinese_explanation(number):
    with pytest.raises(ValidationError) as excinfo:
        validate_doc_number(number)
    assert "六角括号〔〕" in excinfo.value.messages[0]
