"""Editors' searches in the admin, in Chinese: the page search, the page chooser, the
documents and images listings, and the snippets of the plugin (each failed with a 500)."""

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from ..conftest import make_document

pytestmark = pytest.mark.usefixtures("search_backend")


@pytest.fixture
def content(column, unit):
    make_document(column, unit, "关于2024年财政预算的公告")
    make_document(column, unit, "教育工作要点")
    get_document_model().objects.create(
        title="财政预算表", file=ContentFile(b"%PDF-1.4", name="budget.pdf")
    )


@pytest.mark.parametrize(
    "url",
    [
        "/admin/pages/search/?q=财政",
        "/admin/pages/search/?q=财政预算",
        "/admin/choose-page/search/?q=财政",
        "/admin/documents/?q=财政",
        "/admin/documents/chooser/results/?q=财政",
    ],
)
def test_admin_search_finds_chinese_words(client, webmaster, content, url):
    response = client.get(url)
    assert response.status_code == 200
    text = response.content.decode()
    assert "财政预算" in text
    assert "教育工作要点" not in text


@pytest.mark.parametrize("query", ["。", "《》", "|", "\u200b", "a" * 300, "'\"<>"])
def test_admin_search_survives_odd_queries(client, webmaster, content, query):
    for url in ("/admin/pages/search/", "/admin/choose-page/search/", "/admin/documents/"):
        response = client.get(url, {"q": query})
        assert response.status_code == 200, url
