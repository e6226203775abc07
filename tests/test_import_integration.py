"""An imported document is a proper Wagtail page: it renders, is searchable, has a revision and
an audit-log entry, appears in the reference index and can be edited and republished."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.models import PageLogEntry, ReferenceIndex
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from disclosure.models import DisclosureDocumentPage

from .catalog_helpers import import_rows, row
from .conftest import shanghai


@pytest.fixture
def imported(index, column, unit, tmp_path):
    rows = [
        row(
            标题="关于 Zephyrine 项目的公告",
            正文="<p>正文 <b>加粗</b></p>",
            文号="区政发〔2024〕7号",
        ),
        row(标题="另一条信息", 发布日期="2023/06/01 10:00"),
    ]
    status, _out, err = import_rows(tmp_path, rows)
    assert status == 0, err
    return DisclosureDocumentPage.objects.get(title__contains="Zephyrine")


def test_imported_document_renders_at_its_url(client, imported):
    response = client.get(imported.url)
    assert response.status_code == 200
    content = response.content.decode()
    assert "Zephyrine" in content and imported.index_no in content
    assert "<b>加粗</b>" in content


def test_imported_document_is_listed_in_its_column(client, imported, column):
    response = client.get(column.url)
    assert "Zephyrine" in response.content.decode()


def test_imported_document_is_found_by_search(imported):
    found = list(DisclosureDocumentPage.objects.live().search("Zephyrine"))
    assert found == [imported]


def test_revision_log_entry_and_reference_index(imported, unit):
    revision = imported.live_revision
    assert revision is not None and imported.latest_revision == revision
    assert revision.content["index_no"] == imported.index_no
    assert revision.as_object().title == imported.title
    entry = PageLogEntry.objects.get(page=imported)
    assert entry.action == "disclosure.import"
    assert entry.data["source"] == "catalogue.csv" and entry.data["row"] == 2
    assert entry.revision_id == revision.pk
    assert str(entry.message) == "由目录导入创建并发布"
    usage = ReferenceIndex.get_references_to(unit)
    assert imported.pk in {int(ref.object_id) for ref in usage}


def test_imported_document_can_be_edited_and_republished_in_the_admin(client, imported, unit):
    user = get_user_model().objects.create_superuser("editor", "e@example.invalid", "pw")
    client.force_login(user)
    edit_url = reverse("wagtailadmin_pages:edit", args=[imported.pk])
    assert client.get(edit_url).status_code == 200
    data = nested_form_data(
        {
            "title": "关于 Zephyrine 项目的公告（修订）",
            "slug": imported.slug,
            "unit": unit.pk,
            "doc_number": imported.doc_number,
            "written_date": "",
            "publish_date": "2024-03-05 00:00",
            "topic": "",
            "genre": imported.genre,
            "validity": imported.validity,
            "repeal_date": "",
            "report_category": "",
            "keywords": "",
            "summary": "",
            "body": rich_text("<p>修订后的正文</p>"),
            "attachments": inline_formset([]),
            "interpreted_documents": inline_formset([]),
            "comments": inline_formset([]),
            "action-publish": "action-publish",
        }
    )
    response = client.post(edit_url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    document = DisclosureDocumentPage.objects.get(pk=imported.pk)
    assert document.title.endswith("（修订）")
    assert document.index_no == imported.index_no
    assert document.publish_date == shanghai(2024, 3, 5, 0, 0)
    assert "修订后的正文" in document.body
    assert document.live_revision_id != imported.live_revision_id
    assert "wagtail.publish" in set(
        PageLogEntry.objects.filter(page=document).values_list("action", flat=True)
    )


def test_bulk_reference_index_matches_wagtails_own(imported):
    def references():
        return set(
            ReferenceIndex.objects.filter(object_id=str(imported.pk)).values_list(
                "content_type",
                "base_content_type",
                "to_content_type",
                "to_object_id",
                "model_path",
                "content_path",
                "content_path_hash",
            )
        )

    bulk = references()
    assert bulk
    ReferenceIndex.objects.filter(object_id=str(imported.pk)).delete()
    ReferenceIndex.create_or_update_for_object(imported)
    assert references() == bulk


def test_revision_content_matches_the_page(imported):
    from_revision = imported.live_revision.as_object()
    for name in ("title", "index_no", "unit_id", "doc_number", "publish_date", "body", "path"):
        assert getattr(from_revision, name) == getattr(imported, name)
