"""保密审查登记: the register of review forms, for webmasters only — search, filters,
CSV/XLSX export (formulas defused) — and the review form fuzzed through its modal."""

import csv
import io

import pytest
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook

from disclosure.models import ConfidentialityReview
from disclosure.models.review import Conclusion, LegalBasis

from .conftest import add_column
from .fuzzing import MARKUP, fuzz_settings, parameter_text
from .review_helpers import act, reviewed, submit_document, unit_people

REGISTER = "/admin/disclosure/confidentialityreview/"


@pytest.fixture
def records(client, index, unit, other_unit, django_user_model):
    column = add_column(index, "政策文件")
    ours = unit_people(unit, index, django_user_model, "ours")
    theirs = unit_people(other_unit, index, django_user_model, "theirs")
    reviewed(
        client,
        column,
        ours,
        unit,
        "关于防汛检查的通知",
        "flood",
        {"conclusion": "public", "opinion": "不涉密，可以公开"},
    )
    reviewed(
        client,
        column,
        theirs,
        other_unit,
        "学生资助名单",
        "grants",
        {
            "conclusion": "partial",
            "legal_basis": "art15_third_party",
            "opinion": '=HYPERLINK("x") 删去身份证号',
        },
    )
    reviewed(
        client,
        column,
        theirs,
        other_unit,
        "内部会议纪要",
        "minutes",
        {"conclusion": "withheld", "legal_basis": "art16_process", "opinion": "<b>过程性信息</b>"},
    )
    return {"column": column, "ours": ours, "theirs": theirs, "their_unit": other_unit}


def test_webmasters_search_filter_and_inspect_the_register(client, records, webmaster):
    listing = client.get(REGISTER).content.decode()
    for title in ("关于防汛检查的通知", "学生资助名单", "内部会议纪要"):
        assert title in listing

    found = client.get(REGISTER, {"q": "身份证号"}).content.decode()
    assert "学生资助名单" in found and "关于防汛检查的通知" not in found

    withheld = client.get(REGISTER, {"conclusion__exact": "withheld"}).content.decode()
    assert "内部会议纪要" in withheld and "学生资助名单" not in withheld
    by_basis = client.get(REGISTER, {"legal_basis__exact": "art15_third_party"}).content.decode()
    assert "学生资助名单" in by_basis and "内部会议纪要" not in by_basis

    record = ConfidentialityReview.objects.get(title="内部会议纪要")
    inspect = client.get(f"{REGISTER}inspect/{record.pk}/").content.decode()
    assert "&lt;b&gt;过程性信息&lt;/b&gt;" in inspect and "<b>过程性信息</b>" not in inspect
    assert str(LegalBasis.ART16_PROCESS.label) in inspect
    assert "theirs-reviewer" in inspect


def test_the_export_is_the_audit_register(client, records, webmaster):
    response = client.get(REGISTER, {"export": "csv"})
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert len(rows) == 4  # header and three records
    cells = [cell for row in rows for cell in row]
    assert (
        str(Conclusion.PARTIAL.label) in cells and str(LegalBasis.ART15_THIRD_PARTY.label) in cells
    )
    assert '\'=HYPERLINK("x") 删去身份证号' in cells  # a formula stays text

    # the filtered list exports as it is shown
    response = client.get(REGISTER, {"export": "xlsx", "unit__id__exact": records["their_unit"].pk})
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    values = [cell.value for row in sheet.iter_rows() for cell in row]
    assert "学生资助名单" in values and "内部会议纪要" in values
    assert "关于防汛检查的通知" not in values


def test_only_webmasters_see_the_register(client, records):
    for person in (records["ours"]["reviewer"], records["theirs"]["leader"]):
        client.force_login(person)
        response = client.get(REGISTER)
        assert response.status_code in (302, 403)
        assert client.get(REGISTER, {"export": "csv"}).status_code in (302, 403)
        assert REGISTER not in client.get(reverse("wagtailadmin_home")).content.decode()


@pytest.fixture
def at_review(client, index, unit, django_user_model):
    """A document waiting at 保密审查, its reviewer logged in."""
    people = unit_people(unit, index, django_user_model, "fuzz")
    client.force_login(people["editor"])
    page = submit_document(client, add_column(index, "政策文件"), unit, "待审查的通知", "pending")
    client.force_login(people["reviewer"])
    act(client, page, "approve", modal=False)
    return page


@fuzz_settings
@given(
    conclusion=st.one_of(st.sampled_from(Conclusion.values), parameter_text),
    basis=st.one_of(st.sampled_from([""] + LegalBasis.values), parameter_text),
    opinion=parameter_text,
)
def test_the_review_form_takes_any_input_without_error(
    client, at_review, conclusion, basis, opinion
):
    """The modal checks the form (collect_workflow_action_data): a clear error or clean data."""
    task_state = at_review.current_workflow_task_state
    url = reverse(
        "wagtailadmin_pages:collect_workflow_action_data",
        args=(at_review.pk, "approve", task_state.pk),
    )
    data = {"conclusion": conclusion, "legal_basis": basis, "opinion": opinion}
    response = client.post(url, data, HTTP_X_REQUESTED_WITH="XMLHttpRequest")
    assert response.status_code == 200
    answer = response.json()
    if answer["step"] == "action":  # the form again, with its errors in Chinese
        assert "errors" in answer["html"] or "error-message" in answer["html"]
        for value in data.values():
            if MARKUP.search(value):
                assert value not in answer["html"]
    else:
        cleaned = answer["cleaned_data"]
        assert cleaned["conclusion"] in Conclusion.values
        assert (cleaned["legal_basis"] == "") == (cleaned["conclusion"] == Conclusion.PUBLIC)
    assert not ConfidentialityReview.objects.exists()  # collecting data acts on nothing
