"""Copying a document in the admin: the copy is a new document, without the original's
frozen 索引号 (which is unique) and without its 发布日期."""

import pytest

from disclosure.models import DisclosureDocumentPage

from .conftest import make_document, shanghai


@pytest.mark.parametrize("publish_copies", [False, True])
def test_a_copied_document_gets_its_own_index_number(
    client, webmaster, column, unit, publish_copies
):
    original = make_document(column, unit, "原文件", publish_date=shanghai(2020, 5, 1))
    data = {
        "new_title": "复制的文件",
        "new_slug": "copy-of-document",
        "new_parent_page": column.pk,
    }
    if publish_copies:
        data["publish_copies"] = "on"
    response = client.post(f"/admin/pages/{original.pk}/copy/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    copy = DisclosureDocumentPage.objects.get(slug="copy-of-document")
    original.refresh_from_db()
    assert original.index_no and copy.index_no != original.index_no
    if publish_copies:
        assert copy.live and copy.index_no
        assert copy.publish_date.year != 2020
    else:
        assert not copy.live and copy.index_no is None
        # publishing the copy's draft later allocates its own number, not the original's
        copy.get_latest_revision().publish()
        copy.refresh_from_db()
        assert copy.index_no and copy.index_no != original.index_no
