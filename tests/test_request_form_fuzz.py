"""Hypothesis over every field of the application form and the status page's inputs: no
error page, nothing reflected unescaped, and a failed submission writes nothing."""

import pytest
from hypothesis import given

from disclosure.models import InformationRequest, RequestEvent
from disclosure.models.requests import RequestApplicant
from disclosure.requests.public.forms import ApplicationForm

from .fuzzing import assert_safe, fuzz_settings, parameter_text, parameters
from .request_form_helpers import citizen_data

FIELDS = [name for name in ApplicationForm.base_fields] + ["action"]
HIGH_RATES = {"ip": "100000/h", "identity": "100000/d", "lookup": "100000/h"}


@pytest.fixture(autouse=True)
def _high_rates(settings):
    settings.DISCLOSURE_APPLY_RATES = HIGH_RATES


def counts() -> tuple[int, int, int]:
    return (
        InformationRequest.objects.count(),
        RequestApplicant.objects.count(),
        RequestEvent.objects.count(),
    )


@fuzz_settings
@given(changes=parameters(FIELDS))
def test_any_field_value_is_safe_and_a_failure_writes_nothing(client, unit, changes):
    before = counts()
    data = citizen_data(unit) | changes
    response = client.post("/zfxxgk/apply/", data)
    if response.status_code == 302:  # still a valid application: written whole
        after = counts()
        assert after == (before[0] + 1, before[1] + 1, before[2] + 1)
        return
    assert_safe(response, changes)
    assert counts() == before


@fuzz_settings
@given(code=parameter_text, text=parameter_text)
def test_status_supplement_and_withdraw_inputs_are_safe(client, unit, code, text):
    assert_safe(client.get("/zfxxgk/apply/status/", {"code": code}), {"code": code})
    for path, data in (
        ("/zfxxgk/apply/status/supplement/", {"code": code, "text": text}),
        ("/zfxxgk/apply/status/withdraw/", {"code": code, "confirm": text}),
    ):
        response = client.post(path, data)
        if response.status_code != 302:
            assert_safe(response, data)
    assert not InformationRequest.objects.exists()


@pytest.mark.parametrize(
    "code", ["00000000000\x00", "ABCDEFGHJKM\x00", "ABCDEFGHJK0O", "<script>abc"]
)
def test_a_code_outside_the_alphabet_is_no_code(client, unit, code):
    """Found by the fuzz test on PostgreSQL, which refuses a NUL in a query: a 12-character
    code with a character no 查询码 has is not looked up at all."""
    response = client.get("/zfxxgk/apply/status/", {"code": code})
    assert_safe(response, {"code": code})
    for path, data in (
        ("/zfxxgk/apply/status/supplement/", {"code": code, "text": "补充"}),
        ("/zfxxgk/apply/status/withdraw/", {"code": code, "confirm": "on"}),
    ):
        response = client.post(path, data)
        assert response.status_code < 500
