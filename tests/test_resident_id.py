"""The 居民身份证号码 check (GB 11643-1999, ISO 7064 MOD 11-2) and its birth date."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from disclosure.validators import resident_id_check_char, validate_resident_id

from .fuzzing import fuzz_settings


@pytest.mark.parametrize(
    "number",
    ["11010519491231002X", "11010519491231002x", "440524198001010013", " 110105 19491231002X "],
)
def test_published_examples_pass(number):
    validate_resident_id(number)


def mod_11_2(body: str) -> str:
    # ISO 7064 MOD 11-2 written out as the standard's recursion, independent of the weights
    p = 0
    for digit in body:
        p = ((p + int(digit)) * 2) % 11
    return "0123456789X"[(12 - p % 11) % 11]


@fuzz_settings
@given(
    region=st.integers(110000, 659999),
    born=st.dates(datetime.date(1900, 1, 1), datetime.date(2025, 12, 31)),
    sequence=st.integers(0, 999),
)
def test_every_valid_number_passes_and_every_other_check_character_fails(region, born, sequence):
    body = f"{region}{born:%Y%m%d}{sequence:03d}"
    assert resident_id_check_char(body) == mod_11_2(body)
    validate_resident_id(body + mod_11_2(body))
    for wrong in "0123456789X".replace(mod_11_2(body), ""):
        with pytest.raises(ValidationError) as error:
            validate_resident_id(body + wrong)
        assert error.value.code == "bad_check_digit"


@pytest.mark.parametrize(
    "body, code",
    [
        ("11010519491331002", "bad_birth_date"),  # month 13
        ("11010520230229002", "bad_birth_date"),  # 2023 had no 29 February
        ("11010518991231002", "bad_birth_date"),  # before 1900
        ("11010529991231002", "bad_birth_date"),  # in the future
    ],
)
def test_impossible_birth_dates_are_refused(body, code):
    with pytest.raises(ValidationError) as error:
        validate_resident_id(body + resident_id_check_char(body))
    assert error.value.code == code
    assert "出生日期" in str(error.value.messages[0])


@pytest.mark.parametrize("number", ["1101051949123100", "11010519491231002Y", "ABCDEFGHIJKLMNOPQR"])
def test_wrong_shapes_name_the_length(number):
    with pytest.raises(ValidationError) as error:
        validate_resident_id(number)
    assert error.value.code == "bad_length"
