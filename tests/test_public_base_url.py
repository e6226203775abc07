"""Absolute links that leave the portal (catalogue files, sitemap.xml, robots.txt) use the
site's public base URL: the portal's setting, else DISCLOSURE_PUBLIC_BASE_URL, else the
Site's host name and port."""

import csv
import io
import re
from pathlib import Path

import pytest
from openpyxl import load_workbook
from wagtail.models import Site

from disclosure.exporting import PUBLIC_HEADERS
from home.portal_settings import PortalSettings

from .conftest import make_document


def set_base_url(url: str) -> None:
    portal = PortalSettings.for_site(Site.objects.get(is_default_site=True))
    portal.public_base_url = url
    portal.save()


def csv_links(client) -> list[str]:
    text = b"".join(client.get("/zfxxgk/catalogue.csv").streaming_content).decode()
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    column = rows[0].index("链接")
    return [row[column] for row in rows[1:]]


def xlsx_links(client) -> list[str]:
    content = b"".join(client.get("/zfxxgk/catalogue.xlsx").streaming_content)
    rows = list(load_workbook(io.BytesIO(content)).active.iter_rows(values_only=True))
    column = PUBLIC_HEADERS.index("链接")
    return [row[column] for row in rows[1:]]


def sitemap_links(client) -> list[str]:
    return re.findall(r"<loc>(.*?)</loc>", client.get("/sitemap.xml").content.decode())


@pytest.fixture
def document(column, unit):
    return make_document(column, unit, "有完整链接的通知")


def test_without_a_base_url_links_keep_the_sites_host(client, document):
    assert csv_links(client) == [document.full_url]
    assert document.full_url.startswith("http://localhost/")
    assert document.full_url in sitemap_links(client)


def test_the_configured_base_url_starts_every_link(client, document):
    set_base_url("https://www.example.gov.cn")
    expected = "https://www.example.gov.cn" + document.url
    assert csv_links(client) == [expected]
    assert xlsx_links(client) == [expected]
    links = sitemap_links(client)
    assert expected in links and "https://www.example.gov.cn/" in links
    assert not [link for link in links if "localhost" in link]


def test_changing_the_base_url_writes_new_catalogue_files(client, document, settings):
    set_base_url("https://old.example.gov.cn")
    assert csv_links(client) == ["https://old.example.gov.cn" + document.url]
    old_files = set(Path(settings.DISCLOSURE_CATALOGUE_DIR).glob("catalogue-*.csv"))
    set_base_url("https://new.example.gov.cn:8443")
    assert csv_links(client) == ["https://new.example.gov.cn:8443" + document.url]
    new_files = set(Path(settings.DISCLOSURE_CATALOGUE_DIR).glob("catalogue-*.csv"))
    assert new_files and not new_files & old_files
    assert sitemap_links(client)[-1] == "https://new.example.gov.cn:8443" + document.url


def test_the_plugin_setting_applies_when_the_portal_leaves_it_empty(client, document, settings):
    settings.DISCLOSURE_PUBLIC_BASE_URL = "https://gk.example.gov.cn/"
    assert csv_links(client) == ["https://gk.example.gov.cn" + document.url]
    assert "https://gk.example.gov.cn" + document.url in sitemap_links(client)
    robots = client.get("/robots.txt").content.decode()
    assert "Sitemap: https://gk.example.gov.cn/sitemap.xml" in robots
    set_base_url("https://www.example.gov.cn")  # the portal's setting comes first
    assert csv_links(client) == ["https://www.example.gov.cn" + document.url]
    assert "https://www.example.gov.cn" + document.url in sitemap_links(client)
