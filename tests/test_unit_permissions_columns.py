"""Columns open to units (开放发布的单位), and the 发布机构 frozen after first publication."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from disclosure.models import DisclosureDocumentPage
from disclosure.permissions.page_mixins import UNIT_FROZEN_MESSAGE

from .conftest import add_column, make_document
from .unit_people import OWNERSHIP, ROLES, document_data, log_in, make_person


def add_url(column):
    return reverse(
        "wagtailadmin_pages:add", args=("disclosure", "disclosuredocumentpage", column.pk)
    )


@pytest.fixture
def columns(index, unit, other_unit):
    """A column open to each unit only, a sub-column inheriting that, a shared column."""
    own_only = add_column(index, "本单位栏目")
    own_only.publishing_units.set([unit])
    own_only.save_revision().publish()
    other_only = add_column(index, "外单位栏目")
    other_only.publishing_units.set([other_unit])
    other_only.save_revision().publish()
    return {
        "own": own_only,
        "other": other_only,
        "other-child": add_column(other_only, "外单位栏目的下级"),
        "shared": add_column(index, "政策文件"),
    }


@pytest.mark.parametrize("where", ["own", "other", "other-child", "shared"])
@pytest.mark.parametrize("role", ROLES)
def test_adding_documents_in_columns(client, columns, unit, role, where):
    log_in(client, role, unit)
    column = columns[where]
    response = client.post(add_url(column), document_data(unit, slug="added"))
    assert response.status_code in (200, 302, 403)
    added = DisclosureDocumentPage.objects.filter(slug="added").exists()
    writer = role in ("editor", "reviewer", "leader")
    expected = role == "webmaster" or (writer and where in ("own", "shared"))
    assert added is expected
    perms = column.permissions_for_user(make_person(role, unit, name=f"again-{role}"))
    assert perms.can_add_subpage() is expected


@pytest.mark.parametrize("ownership", OWNERSHIP)
@pytest.mark.parametrize("role", ROLES)
def test_columns_are_the_webmasters(client, columns, unit, role, ownership):
    log_in(client, role, unit)
    column = columns[ownership]
    response = client.get(reverse("wagtailadmin_pages:edit", args=[column.pk]))
    assert (response.status_code == 200) is (role == "webmaster")
    if role == "webmaster":
        assert "开放发布的单位" in response.content.decode()
    new_column = reverse(
        "wagtailadmin_pages:add", args=("disclosure", "disclosurecolumnpage", column.pk)
    )
    assert (client.get(new_column).status_code == 200) is (role == "webmaster")


def test_a_shared_column_takes_both_units_without_sharing_their_drafts(
    client, columns, unit, other_unit
):
    shared = columns["shared"]
    mine = make_document(shared, unit, "本单位在共享栏目的草稿", publish=False)
    theirs = make_document(shared, other_unit, "外单位在共享栏目的草稿", publish=False)
    log_in(client, "editor", unit)
    listing = client.get(reverse("wagtailadmin_explore", args=[shared.pk])).content.decode()
    assert mine.title in listing and theirs.title not in listing
    search = client.get(reverse("wagtailadmin_pages:search"), {"q": "共享栏目"})
    assert mine.title in search.content.decode()
    assert theirs.title not in search.content.decode()


# --- 发布机构 frozen after the first publication ---------------------------------------------


def test_the_model_refuses_a_new_unit_after_publication(column, unit, other_unit):
    document = make_document(column, unit)
    index_no = document.index_no
    document.unit = other_unit
    with pytest.raises(ValidationError) as refused:
        document.save()
    assert refused.value.message_dict["unit"] == [str(UNIT_FROZEN_MESSAGE)]
    with pytest.raises(ValidationError):
        document.save_revision()
    stored = DisclosureDocumentPage.objects.get(pk=document.pk)
    assert (stored.unit, stored.index_no) == (unit, index_no)


def test_a_draft_never_published_may_change_unit(column, unit, other_unit):
    draft = make_document(column, unit, publish=False)
    draft.unit = other_unit
    draft.save()
    draft.save_revision().publish()
    published = DisclosureDocumentPage.objects.get(pk=draft.pk)
    assert published.unit == other_unit and published.index_no.startswith(other_unit.code)


def test_a_webmaster_changes_the_unit_and_the_index_number_stays(client, column, unit, other_unit):
    document = make_document(column, unit)
    index_no = document.index_no
    assert index_no.startswith(unit.code)
    log_in(client, "webmaster", unit)
    edit = reverse("wagtailadmin_pages:edit", args=[document.pk])
    data = document_data(other_unit, slug=document.slug, **{"action-publish": "1"})
    assert client.post(edit, data).status_code == 302
    moved = DisclosureDocumentPage.objects.get(pk=document.pk)
    assert moved.unit == other_unit and moved.live
    assert moved.index_no == index_no  # frozen: still the old unit's code


def test_a_webmasters_draft_keeps_the_change_when_someone_else_publishes(
    client, column, unit, other_unit
):
    document = make_document(column, unit)
    log_in(client, "webmaster", unit)
    edit = reverse("wagtailadmin_pages:edit", args=[document.pk])
    assert client.post(edit, document_data(other_unit, slug=document.slug)).status_code == 302
    assert DisclosureDocumentPage.objects.get(pk=document.pk).unit == unit  # a draft yet
    document.refresh_from_db()
    # the draft is the new unit's now: its reviewer publishes it
    document.get_latest_revision().publish(user=make_person("reviewer", other_unit))
    assert DisclosureDocumentPage.objects.get(pk=document.pk).unit == other_unit


@pytest.mark.parametrize("role", ["editor", "reviewer", "leader"])
def test_unit_people_cannot_move_their_document_to_another_unit(
    client, column, unit, other_unit, role
):
    document = make_document(column, unit)
    log_in(client, role, unit)
    edit = reverse("wagtailadmin_pages:edit", args=[document.pk])
    form = client.get(edit).context["form"]
    assert form.fields["unit"].disabled
    data = document_data(other_unit, title="改过", slug=document.slug, **{"action-publish": "1"})
    assert client.post(edit, data).status_code == 302
    saved = DisclosureDocumentPage.objects.get(pk=document.pk).get_latest_revision_as_object()
    assert saved.title == "改过" and saved.unit == unit


@pytest.mark.parametrize("role", ("editor", "reviewer", "leader", "webmaster"))
def test_the_add_page_choice_offers_only_what_the_person_may_create(client, columns, unit, role):
    """Wagtail's "add a page here" list: a unit's people see no 栏目 they would be refused."""
    log_in(client, role, unit)
    response = client.get(reverse("wagtailadmin_pages:add_subpage", args=[columns["shared"].pk]))
    assert response.status_code == 200
    content = response.content.decode()
    document = reverse(
        "wagtailadmin_pages:add",
        args=("disclosure", "disclosuredocumentpage", columns["shared"].pk),
    )
    column = reverse(
        "wagtailadmin_pages:add",
        args=("disclosure", "disclosurecolumnpage", columns["shared"].pk),
    )
    assert document in content
    assert (column in content) is (role == "webmaster")
