"""Whoever acts on the next step of the review chain (三审) is e-mailed when a document
reaches it: the document's unit's people in the step's role, never another unit's, never the
person who moved it on, never someone who turned the e-mail off; a step the unit skips tells
nobody. Wagtail's own templates, in Chinese."""

import pytest
from django.core import mail
from wagtail.models import Task
from wagtail.users.models import UserProfile

from disclosure.models import UnitRole
from disclosure.unit_access import add_to_unit

from .conftest import add_column
from .review_helpers import act, modal_json, submit_document, unit_people


@pytest.fixture
def chain(index, unit, other_unit, django_user_model, settings):
    settings.WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = False
    settings.WAGTAILADMIN_BASE_URL = "https://gk.example.gov.cn"
    ours = unit_people(unit, index, django_user_model, "ours")
    theirs = unit_people(other_unit, index, django_user_model, "theirs")
    for prefix, people in (("ours", ours), ("theirs", theirs)):
        for role, user in people.items():
            user.email = f"{prefix}-{role}@example.gov.cn"
            user.save(update_fields=["email"])
    return {"column": add_column(index, "政策文件"), "ours": ours, "theirs": theirs}


def test_each_step_tells_its_own_units_people_only(client, chain, unit):
    client.force_login(chain["ours"]["editor"])
    page = submit_document(client, chain["column"], unit, "关于开展防汛检查的通知", "flood-check")

    recipients = {message.to[0] for message in mail.outbox}
    assert recipients == {"ours-reviewer@example.gov.cn"}  # 初审: our 审核 only
    message = mail.outbox[0]
    assert "关于开展防汛检查的通知" in message.subject
    assert "初审" in message.body
    assert f"https://gk.example.gov.cn/admin/pages/{page.pk}/edit/" in message.body

    mail.outbox.clear()
    client.force_login(chain["ours"]["reviewer"])
    assert act(client, page, "approve", modal=False).status_code == 302
    # 保密审查 is the reviewer's again, and the reviewer moved it on: nobody to tell.
    assert mail.outbox == []

    approved = {"conclusion": "public", "opinion": "不涉密"}
    assert modal_json(act(client, page, "approve", approved))["step"] == "success"
    to_leader = [m for m in mail.outbox if m.to == ["ours-leader@example.gov.cn"]]
    assert len(to_leader) == 1 and "终审/签发" in to_leader[0].body
    assert not [m for m in mail.outbox if m.to[0].startswith("theirs-")]


def test_someone_who_turned_the_e_mail_off_is_not_told(client, chain, unit, django_user_model):
    reviewer = chain["ours"]["reviewer"]
    profile = UserProfile.get_for_user(reviewer)
    profile.submitted_notifications = False
    profile.save()
    colleague = django_user_model.objects.create_user("ours-reviewer-2", "r2@example.gov.cn")
    add_to_unit(colleague, unit, UnitRole.REVIEWER)

    client.force_login(chain["ours"]["editor"])
    submit_document(client, chain["column"], unit, "关于开展防汛检查的通知", "flood-check")
    assert {message.to[0] for message in mail.outbox} == {"r2@example.gov.cn"}


def test_a_skipped_step_tells_nobody_and_the_next_step_is_told(client, chain, unit, settings):
    first = Task.objects.get(name="初审").specific
    first.skip_units.add(unit)

    client.force_login(chain["ours"]["editor"])
    submit_document(client, chain["column"], unit, "关于开展防汛检查的通知", "flood-check")
    to_reviewer = [m for m in mail.outbox if m.to == ["ours-reviewer@example.gov.cn"]]
    assert len(to_reviewer) == 1
    assert "保密审查" in to_reviewer[0].body and "初审" not in to_reviewer[0].body


def test_superusers_are_told_as_wagtails_setting_says(client, chain, unit, settings, webmaster):
    webmaster.email = "webmaster@example.gov.cn"
    webmaster.save(update_fields=["email"])
    settings.WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = True

    client.force_login(chain["ours"]["editor"])
    submit_document(client, chain["column"], unit, "关于开展防汛检查的通知", "flood-check")
    steps = {message.to[0] for message in mail.outbox if "初审" in message.body}
    assert steps == {"ours-reviewer@example.gov.cn", "webmaster@example.gov.cn"}
