"""The leak matrix: every non-public state × every anonymous channel, with a public control.

States (``STATES``) are applied to one level of a branch ``index → 一级 → 二级 → 三级 →
document`` (``LEVELS``): the document itself or any ancestor. Each scenario has its own
branch, a hidden document whose title carries the scenario's token, and a public control
document elsewhere with the same token. Every channel must show the control and never the
hidden document (nor a hidden column), so no cell can pass by being empty.

Channels: the pages, column listings and index counts; search on every backend; the
catalogue files, the sitemap, the home page and attachments; the statistics; the RSS and
Atom feeds (the catalogue's, each column's and index's); the JSON API (listings, details,
the ``column`` and ``index_no`` filters, the columns endpoint).
"""

from __future__ import annotations

import datetime
import io
import re
from dataclasses import dataclass, field

import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.utils import timezone
from openpyxl import load_workbook
from wagtail.documents import get_document_model
from wagtail.models import Page, PageViewRestriction

from disclosure.models import DisclosureAttachment, DisclosureIndexPage

from .conftest import add_column, make_document
from .search.conftest import elasticsearch_settings, elasticsearch_url, reset_page_index  # noqa: F401

STATES = [
    "draft",
    "scheduled",
    "expired",  # expire_at passed, the scheduler has not run yet
    "expired_by_scheduler",  # publish_scheduled took the page offline (its children stay live)
    "unpublished",
    "password",
    "login",
    "groups",
]
LEVELS = ["document", "level3", "level2", "level1", "index"]
RESTRICTIONS = {
    "password": PageViewRestriction.PASSWORD,
    "login": PageViewRestriction.LOGIN,
    "groups": PageViewRestriction.GROUPS,
}
SCENARIOS = [(state, level) for state in STATES for level in LEVELS]


@dataclass
class Scenario:
    state: str
    level: str
    token: str
    branch: dict[str, Page]
    control: Page
    attachment_url: str = ""
    control_attachment_url: str = ""
    hidden: list[Page] = field(default_factory=list)

    @property
    def document(self) -> Page:
        return self.branch["document"]

    @property
    def visible_columns(self) -> list[Page]:
        return [
            self.branch[name]
            for name in ("level1", "level2", "level3")
            if self.branch[name] not in self.hidden
        ]


def _attach(document: Page, title: str) -> str:
    file = get_document_model()(title=title)
    file.file.save(f"{title}.pdf", ContentFile(b"%PDF-1.4 " + title.encode()), save=False)
    file.save()
    DisclosureAttachment.objects.create(page=document, document=file)
    return file.url


def _apply(state: str, page: Page) -> None:
    now = timezone.now()
    if state == "draft":  # never published (e.g. an import wrote live children below it)
        Page.objects.filter(pk=page.pk).update(
            live=False, first_published_at=None, last_published_at=None, live_revision=None
        )
    elif state == "scheduled":
        Page.objects.filter(pk=page.pk).update(
            live=False,
            first_published_at=None,
            live_revision=None,
            go_live_at=now + datetime.timedelta(days=3),
        )
    elif state == "expired":
        Page.objects.filter(pk=page.pk).update(expire_at=now - datetime.timedelta(minutes=5))
    elif state == "expired_by_scheduler":
        Page.objects.filter(pk=page.pk).update(expire_at=now - datetime.timedelta(minutes=5))
        call_command("publish_scheduled", verbosity=0)
    elif state == "unpublished":
        page.specific.unpublish()
    else:
        restriction = PageViewRestriction.objects.create(
            page=page, restriction_type=RESTRICTIONS[state], password="secret"
        )
        if state == "groups":
            restriction.groups.add(Group.objects.get_or_create(name="内部")[0])


def build(home, unit) -> tuple[list[Scenario], Page]:
    control_index = DisclosureIndexPage(title="对照公开目录", slug="control")
    home.add_child(instance=control_index)
    control_column = add_column(control_index, "对照栏目")
    scenarios = []
    for number, (state, level) in enumerate(SCENARIOS):
        token = f"k{number:02d}q"
        branch_token = f"c{number:02d}z"  # the branch's pages; the documents have their own
        index = DisclosureIndexPage(title=f"目录 {branch_token}", slug=f"index-{token}")
        home.add_child(instance=index)
        level1 = add_column(index, f"一级 {branch_token}")
        level2 = add_column(level1, f"二级 {branch_token}")
        level3 = add_column(level2, f"三级 {branch_token}")
        recent = timezone.now() - datetime.timedelta(minutes=number)
        schedule = {}
        if (state, level) == ("scheduled", "document"):  # as an editor schedules it
            schedule = {"go_live_at": timezone.now() + datetime.timedelta(days=3)}
        document = make_document(level3, unit, f"隐藏信息 {token}", publish_date=recent, **schedule)
        control = make_document(
            control_column,
            unit,
            f"公开对照 {token}",
            publish_date=recent - datetime.timedelta(days=1),
        )
        branch = {
            "index": index,
            "level1": level1,
            "level2": level2,
            "level3": level3,
            "document": document,
        }
        scenario = Scenario(state, level, token, branch, control)
        scenario.attachment_url = _attach(document, f"隐藏附件{token}")
        scenario.control_attachment_url = _attach(control, f"公开附件{token}")
        first_hidden = LEVELS.index(level)
        scenario.hidden = [branch[name] for name in LEVELS[: first_hidden + 1]]
        scenarios.append(scenario)
    # states last: the documents are published while their ancestors were still public
    for scenario in scenarios:
        target = scenario.branch[scenario.level]
        if (scenario.state, scenario.level) != ("scheduled", "document"):
            _apply(scenario.state, target)
    return scenarios, control_column


@pytest.fixture
def matrix(home, unit):
    return build(home, unit)


def _body(response) -> str:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode("utf-8-sig")
    return response.content.decode()


def test_page_and_listings_and_index(client, matrix):
    scenarios, control_column = matrix
    control_listing = "".join(
        _body(client.get(f"{control_column.url}?page={number}")) for number in (1, 2)
    )
    for scenario in scenarios:
        cell = f"{scenario.state}@{scenario.level}"
        for page in scenario.hidden:
            response = client.get(page.url)
            assert page.title not in _body(response), f"page {page.title} leaks ({cell})"
            assert response.status_code in (200, 302, 404), cell  # 200: the password form
            if response.status_code == 200:
                assert scenario.state == "password", cell
        for column in scenario.visible_columns:
            response = client.get(column.url)
            assert response.status_code == 200, cell
            body = _body(response)
            assert scenario.document.title not in body, f"listing leaks ({cell})"
            for hidden in scenario.hidden:
                assert hidden.title not in body, f"sub-column {hidden.title} leaks ({cell})"
        index = scenario.branch["index"]
        if index not in scenario.hidden:
            response = client.get(index.url)
            body = _body(response)
            for hidden in scenario.hidden:
                assert hidden.title not in body, f"index lists {hidden.title} ({cell})"
            counts = re.findall(r"(\d+)", " ".join(_tree_counts(response.context["column_tree"])))
            assert set(counts) <= {"0"}, f"index counts the hidden document ({cell})"
        # the control in the same cell
        control = client.get(scenario.control.url)
        assert control.status_code == 200 and scenario.control.title in _body(control)
        assert scenario.control.title in control_listing, f"listing control missing ({cell})"
    control_index = control_column.get_parent()
    tree = client.get(control_index.url).context["column_tree"]
    assert tree[0]["count"] == len(scenarios)


def _tree_counts(nodes) -> list[str]:
    out = []
    for node in nodes:
        out.append(str(node["count"]))
        out.extend(_tree_counts(node["children"]))
    return out


@pytest.fixture(params=["database", "elasticsearch"])
def backend(request, settings):
    if request.param == "database":
        return "default"
    url = request.getfixturevalue("elasticsearch_url")
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {"BACKEND": "search.backends.database", "SEARCH_CONFIG": "simple"},
        "elasticsearch": elasticsearch_settings(url),
    }
    settings.PORTAL_SEARCH_BACKEND = "elasticsearch"
    reset_page_index("elasticsearch")
    return "elasticsearch"


def test_search_on_every_backend(client, backend, home, unit):
    scenarios, _column = build(home, unit)
    if backend == "elasticsearch":
        call_command("update_index", backend_name="elasticsearch", verbosity=0)
    for scenario in scenarios:
        cell = f"{scenario.state}@{scenario.level} on {backend}"
        response = client.get("/search/", {"q": scenario.token})
        assert response.status_code == 200, cell
        outcome = response.context["outcome"]
        found = [hit.page.title for hit in outcome.hits]
        assert found == [scenario.control.title], f"search leaks or misses ({cell}): {found}"
        assert outcome.total == 1, f"count includes hidden ({cell})"
        assert scenario.document.title not in _body(response), f"search leaks ({cell})"
        # the branch's columns: the public ones are found, the hidden ones are not
        response = client.get("/search/", {"q": f"c{scenario.token[1:3]}z"})
        found = {hit.page.title for hit in response.context["outcome"].hits}
        expected = {p.title for p in scenario.branch.values() if p not in scenario.hidden}
        assert found == expected, f"search shows hidden columns ({cell})"


def test_catalogue_sitemap_home_and_attachments(client, matrix):
    scenarios, _column = matrix
    csv_text = _body(client.get("/zfxxgk/catalogue.csv"))
    workbook = load_workbook(io.BytesIO(_body_bytes(client.get("/zfxxgk/catalogue.xlsx"))))
    xlsx_text = " ".join(
        str(value) for row in workbook.active.iter_rows(values_only=True) for value in row
    )
    sitemap = _body(client.get("/sitemap.xml"))
    home_response = client.get("/")
    home_titles = [page.title for page in home_response.context["latest_documents"]]
    for scenario in scenarios:
        cell = f"{scenario.state}@{scenario.level}"
        for text, channel in ((csv_text, "CSV"), (xlsx_text, "XLSX")):
            assert scenario.control.title in text, f"{channel} control missing ({cell})"
            assert scenario.document.title not in text, f"{channel} leaks ({cell})"
        assert scenario.control.full_url in sitemap, f"sitemap control missing ({cell})"
        for page in scenario.hidden:
            assert page.full_url not in sitemap, f"sitemap leaks {page.title} ({cell})"
        assert scenario.document.title not in home_titles, f"home leaks ({cell})"
        assert client.get(scenario.attachment_url).status_code == 404, f"file leaks ({cell})"
        assert client.get(scenario.control_attachment_url).status_code == 200, cell
    # the home page lists the ten newest public documents: the controls, newest first
    newest = sorted(scenarios, key=lambda s: s.control.publish_date, reverse=True)[:10]
    assert home_titles == [s.control.title for s in newest]


def _body_bytes(response) -> bytes:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content)
    return response.content


# What was public once counts for its year (an expiry does not rewrite a closed year); what
# the public never saw, or an editor withdrew, does not (disclosure/statistics/documents.py).
COUNTED_STATES = {"expired", "expired_by_scheduler"}


def test_statistics(client, matrix):
    from disclosure.models import StatisticsPage
    from disclosure.statistics import overview
    from disclosure.statistics.documents import counted_documents

    scenarios, control_column = matrix
    counted = set(counted_documents().values_list("pk", flat=True))
    for scenario in scenarios:
        cell = f"{scenario.state}@{scenario.level}"
        assert scenario.control.pk in counted, f"statistics control missing ({cell})"
        expected = scenario.state in COUNTED_STATES
        assert (scenario.document.pk in counted) == expected, f"statistics ({cell})"
    statistics = StatisticsPage(title="公开统计", slug="statistics")
    control_column.add_child(instance=statistics)
    year = timezone.localdate().year
    response = client.get(statistics.url, {"year": year})
    assert response.status_code == 200
    expected_total = len(scenarios) + sum(s.state in COUNTED_STATES for s in scenarios)
    assert response.context["overview"].published_in_year == overview(year).published_in_year
    assert overview(year).cumulative == expected_total
    assert "所在栏目未公开的信息不计入" in _body(response)


def _feed_titles(response) -> list[str]:
    """The item titles of an RSS or Atom feed, unescaped."""
    import html
    import xml.etree.ElementTree as ET

    assert response.status_code == 200
    root = ET.fromstring(response.content)
    rss = [item.findtext("title") for item in root.findall("./channel/item")]
    atom = [
        e.findtext("{http://www.w3.org/2005/Atom}title")
        for e in root.iter()
        if e.tag.endswith("entry")
    ]
    return [html.unescape(title) for title in rss + atom]


def test_feeds(client, matrix):
    scenarios, control_column = matrix
    catalogue = {
        kind: _feed_titles(client.get(f"/zfxxgk/feeds/{kind}/")) for kind in ("rss", "atom")
    }
    controls = {
        kind: _feed_titles(client.get(f"/zfxxgk/feeds/{control_column.pk}/{kind}/"))
        for kind in ("rss", "atom")
    }
    for scenario in scenarios:
        cell = f"{scenario.state}@{scenario.level}"
        for kind in ("rss", "atom"):
            assert scenario.control.title in catalogue[kind], f"{kind} control missing ({cell})"
            assert scenario.document.title not in catalogue[kind], f"{kind} leaks ({cell})"
            assert scenario.control.title in controls[kind], f"column {kind} control ({cell})"
            for page in scenario.hidden:
                response = client.get(f"/zfxxgk/feeds/{page.pk}/{kind}/")
                assert response.status_code == 404, f"{kind} of {page.title} served ({cell})"
            for page in [scenario.branch["index"], *scenario.visible_columns]:
                if page in scenario.hidden:
                    continue
                titles = _feed_titles(client.get(f"/zfxxgk/feeds/{page.pk}/{kind}/"))
                assert scenario.document.title not in titles, f"{kind} of {page.title} ({cell})"
    assert len(catalogue["rss"]) == len(scenarios)


def test_api(client, matrix):
    scenarios, control_column = matrix
    documents = client.get("/zfxxgk/api/v2/documents/", {"limit": 100}).json()
    assert documents["meta"]["total_count"] == len(scenarios)  # the counts leave them out too
    listed = {item["title"] for item in documents["items"]}
    columns = {
        item["title"]
        for item in client.get("/zfxxgk/api/v2/columns/", {"limit": 100}).json()["items"]
    }
    for scenario in scenarios:
        cell = f"{scenario.state}@{scenario.level}"
        document, control = scenario.document, scenario.control
        assert control.title in listed, f"API control missing ({cell})"
        assert document.title not in listed, f"API leaks ({cell})"
        api = "/zfxxgk/api/v2/"
        assert client.get(f"{api}documents/{control.pk}/").status_code == 200, cell
        assert client.get(f"{api}documents/{document.pk}/").status_code == 404, cell
        for number, page in ((control.index_no, control), (document.index_no, document)):
            if number:
                found = client.get(f"{api}documents/", {"index_no": number}).json()["items"]
                expected = [control.title] if page is control else []
                assert [item["title"] for item in found] == expected, f"index_no ({cell})"
        for page in scenario.hidden:
            assert page.title not in columns, f"API lists column {page.title} ({cell})"
            if page is not document:
                assert client.get(f"{api}columns/{page.pk}/").status_code == 404, cell
                refused = client.get(f"{api}documents/", {"column": page.pk})
                assert refused.status_code == 400, f"column filter accepts {page.title} ({cell})"
        for column in scenario.visible_columns:
            assert column.title in columns, f"API column control missing ({cell})"
            found = client.get(f"{api}documents/", {"column": column.pk}).json()
            assert found["meta"]["total_count"] == 0, f"column filter leaks ({cell})"
    in_control = client.get(
        "/zfxxgk/api/v2/documents/", {"column": control_column.pk, "limit": 100}
    )
    assert in_control.json()["meta"]["total_count"] == len(scenarios)
