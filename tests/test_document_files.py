"""Wagtail documents (files) are served to the public only while a public page uses them."""

from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import PageViewRestriction

from .conftest import add_column, make_document


def _file(title: str):
    file = get_document_model()(title=title)
    file.file.save(f"{title}.pdf", ContentFile(b"%PDF-1.4 " + title.encode()), save=False)
    file.save()
    return file


def _link(file) -> str:
    return f'<p><a linktype="document" id="{file.pk}">{file.title}</a></p>'


def test_file_linked_only_from_a_private_page_is_not_served(client, index, unit):
    public_column = add_column(index, "公开栏目")
    private_column = add_column(index, "内部栏目")
    PageViewRestriction.objects.create(
        page=private_column, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    secret, open_file = _file("内部文件"), _file("公开文件")
    make_document(private_column, unit, "内部通知", body=_link(secret))
    make_document(public_column, unit, "公开通知", body=_link(open_file))

    assert client.get(secret.url).status_code == 404
    assert client.get(open_file.url).status_code == 200


def test_file_linked_from_a_draft_is_served_once_the_page_is_published(client, column, unit):
    file = _file("草稿链接文件")
    document = make_document(column, unit, "待发布通知", body=_link(file), publish=False)
    assert client.get(file.url).status_code == 404
    document.save_revision().publish()
    assert client.get(file.url).status_code == 200


def test_file_used_by_no_page_is_not_served_unless_the_site_allows_it(client, db, settings):
    file = _file("未使用的文件")
    assert client.get(file.url).status_code == 404
    settings.DISCLOSURE_SERVE_UNREFERENCED_DOCUMENTS = True
    assert client.get(file.url).status_code == 200


def test_editors_may_download_any_file(client, db, django_user_model):
    file = _file("编辑可见文件")
    editor = django_user_model.objects.create_superuser("editor", "e@example.com", "pw")
    client.force_login(editor)
    assert client.get(file.url).status_code == 200
