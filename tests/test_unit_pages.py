"""The units' public pages (机构信息): /zfxxgk/units/, a unit's page and its catalogue.

Only public units and only public documents and 年报 of the unit; cached, and purged when
the unit, its leaders or its documents change."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st
from wagtail.models import PageViewRestriction

from disclosure.models import AnnualReportPage, DisclosureUnit, StatisticsPage, UnitLeader

from .conftest import add_column, make_credit_code, make_document, shanghai
from .fuzzing import assert_safe, fuzz_settings, parameter_text
from .test_leak_matrix import build


def list_url() -> str:
    return reverse("disclosure:unit_list")


def detail_url(unit) -> str:
    return reverse("disclosure:unit_detail", args=[unit.code])


def catalogue_url(unit) -> str:
    return reverse("disclosure:unit_catalogue", args=[unit.code])


def text(response) -> str:
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def add_unit(name: str, kind: str, **fields) -> DisclosureUnit:
    return DisclosureUnit.objects.create(name=name, code=make_credit_code(), kind=kind, **fields)


@pytest.fixture
def street(db) -> DisclosureUnit:
    return add_unit("城关街道办事处", DisclosureUnit.Kind.SUBDISTRICT)


@pytest.fixture
def town(db) -> DisclosureUnit:
    return add_unit("青山镇人民政府", DisclosureUnit.Kind.TOWN)


def test_the_unit_list_groups_public_units_by_kind_with_their_public_documents(
    client, column, unit, other_unit, street, town
):
    hidden_unit = add_unit("区内部审计中心", DisclosureUnit.Kind.DEPARTMENT, is_public=False)
    make_document(column, other_unit, "教育局公开的通知")
    make_document(column, other_unit, "教育局的草稿", publish=False)
    content = text(client.get(list_url()))
    headings = re.findall(r"<h2 id=\"unit-group-\d+\">([^<]+)</h2>", content)
    assert headings == ["区政府", "区政府部门", "街道", "镇"]
    for shown in (unit, other_unit, street, town):
        assert f'href="{detail_url(shown)}"' in content
    assert hidden_unit.name not in content
    education = content.split(other_unit.name, 1)[1]
    assert education.split("</li>", 1)[0].endswith("(1)</span>")  # the draft is not counted


def test_a_units_page_shows_its_public_information_and_leaders(client, index, other_unit):
    other_unit.responsibilities = "负责全区学前教育和义务教育。\n\n负责学区划分。"
    other_unit.address = "某区文苑路18号"
    other_unit.office_hours = "工作日 8:30—17:30"
    other_unit.phone = "010-00001036"
    other_unit.fax = "010-00001037"
    other_unit.postcode = "100000"
    other_unit.email = "jyj@example.invalid"
    other_unit.guide_url = "https://example.invalid/guide/"
    other_unit.save()
    UnitLeader.objects.create(unit=other_unit, name="周明", post="局长", sort_order=1)
    UnitLeader.objects.create(
        unit=other_unit, name="吴静", post="副局长", responsibilities="分管招生入学。", sort_order=2
    )
    content = text(client.get(detail_url(other_unit)))
    for value in ("某区文苑路18号", "工作日 8:30—17:30", "010-00001036", "010-00001037", "100000"):
        assert value in content
    assert 'href="mailto:jyj@example.invalid"' in content
    assert "<p>负责全区学前教育和义务教育。</p>" in content and "负责学区划分。" in content
    assert content.index("周明") < content.index("吴静") < content.index("分管招生入学。")
    assert 'href="https://example.invalid/guide/"' in content
    assert f'href="{catalogue_url(other_unit)}"' in content
    assert f'href="{index.url}"' in content  # the breadcrumb
    assert "<title>区教育局" in content


def test_the_guide_page_is_linked_only_while_the_public_may_see_it(client, index, unit):
    guide = add_column(index, "区政府信息公开指南")
    unit.guide_page = guide
    unit.guide_url = "https://example.invalid/fallback/"
    unit.save()
    content = text(client.get(detail_url(unit)))
    assert f'href="{guide.url}"' in content and "fallback" not in content
    PageViewRestriction.objects.create(
        page=guide, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    content = text(client.get(detail_url(unit)))
    assert f'href="{guide.url}"' not in content
    assert 'href="https://example.invalid/fallback/"' in content
    unit.guide_url = ""
    unit.save()
    assert "信息公开指南</a>" not in text(client.get(detail_url(unit)))


def test_a_unit_that_is_not_public_answers_404(client, column, unit):
    make_document(column, unit, "办公室的通知")
    assert client.get(detail_url(unit)).status_code == 200
    unit.is_public = False
    unit.save()
    for url in (detail_url(unit), catalogue_url(unit)):
        assert client.get(url).status_code == 404
    assert unit.name not in text(client.get(list_url()))


def test_a_code_is_found_as_people_type_it_and_nothing_else_is_one(client, unit):
    hyphenated = f"{unit.code[:8]}-{unit.code[8:]}".lower()
    assert text(client.get(f"{list_url()}{hyphenated}/")).count(unit.name) >= 1
    for bad in ("x", unit.code + "1", "%00" + unit.code, str(unit.pk)):
        assert client.get(f"{list_url()}{bad}/").status_code == 404


def test_the_catalogue_lists_the_units_public_documents_and_filters_them(
    client, index, unit, other_unit
):
    policy = add_column(index, "政策文件")
    notices = add_column(policy, "通知公告")
    reports = add_column(index, "政府信息公开年报")
    make_document(notices, unit, "办公室2023年的通知", publish_date=shanghai(2023, 5, 1))
    make_document(notices, unit, "办公室2024年的通知", publish_date=shanghai(2024, 5, 1))
    make_document(reports, unit, "办公室年报说明", publish_date=shanghai(2024, 6, 1))
    make_document(notices, other_unit, "教育局的通知", publish_date=shanghai(2024, 5, 2))
    content = text(client.get(catalogue_url(unit)))
    assert "办公室2023年的通知" in content and "办公室2024年的通知" in content
    assert "教育局的通知" not in content
    assert "共 3 条信息" in content
    assert 'name="unit"' not in content  # the page is the unit's: no unit filter
    # the index's first-level columns, each its own listing filtered to the unit
    assert f'href="{policy.url}?unit={unit.pk}">政策文件</a> <span class="count">(2)' in content
    assert f'href="{reports.url}?unit={unit.pk}">政府信息公开年报</a> <span class="count">(1)' in (
        content
    )
    filtered = text(client.get(policy.url, {"unit": unit.pk}))
    assert "办公室2024年的通知" in filtered and "教育局的通知" not in filtered
    content = text(client.get(catalogue_url(unit), {"year": 2023}))
    assert "办公室2023年的通知" in content and "办公室2024年的通知" not in content
    assert f'href="{catalogue_url(unit)}">清除筛选' in content


def test_the_catalogue_pages_through_the_documents(client, settings, column, unit):
    settings.DISCLOSURE_DOCUMENTS_PER_PAGE = 2
    for day in range(1, 6):
        make_document(column, unit, f"第{day}号通知", publish_date=shanghai(2024, 3, day))
    first = text(client.get(catalogue_url(unit)))
    assert "第5号通知" in first and "第3号通知" not in first and "第 1 / 3 页" in first
    last = text(client.get(catalogue_url(unit), {"page": 3}))
    assert "第1号通知" in last and "第5号通知" not in last


def test_a_units_page_lists_its_published_annual_reports_and_its_statistics(
    client, index, unit, other_unit
):
    column = add_column(index, "政府信息公开年报")
    statistics = StatisticsPage(title="公开统计", slug="statistics")
    column.add_child(instance=statistics)
    statistics.save_revision().publish()
    for year, owner, publish in (
        (2023, unit, True),
        (2024, unit, True),
        (2025, unit, False),
        (2022, other_unit, True),
    ):
        report = AnnualReportPage(
            title=f"{owner.name}{year}年年报", year=year, unit=owner, live=False
        )
        column.add_child(instance=report)
        revision = report.save_revision()
        if publish:
            revision.publish()
    content = text(client.get(detail_url(unit)))
    years = re.findall(r"<li><a href=\"[^\"]+\">(\d{4})年度</a></li>", content)
    assert years == ["2024", "2023"]  # newest first; the draft and the other unit's left out
    assert f'href="{statistics.url}?unit={unit.code}"' in content
    other = text(client.get(detail_url(other_unit)))
    assert "2022年度" in other and "2024年度" not in other
    assert "暂无年报" in text(client.get(detail_url(add_unit("区民政局", "department"))))


def test_no_document_or_report_that_is_not_public_reaches_the_unit_pages(
    client, settings, home, unit
):
    """Every state of the leak matrix (draft, scheduled, expired, unpublished or restricted,
    on the document or any ancestor), against its public control of the same unit."""
    settings.DISCLOSURE_DOCUMENTS_PER_PAGE = 200
    scenarios, control_column = build(home, unit)
    reports = add_column(control_column, "年报")
    hidden_report = AnnualReportPage(title="隐藏年报", year=2020, unit=unit, live=False)
    withdrawn = next(s for s in scenarios if (s.state, s.level) == ("unpublished", "level2"))
    withdrawn.branch["level3"].add_child(instance=hidden_report)  # below a withdrawn column
    hidden_report.save_revision().publish()
    draft_report = AnnualReportPage(title="草稿年报", year=2021, unit=unit, live=False)
    reports.add_child(instance=draft_report)
    draft_report.save_revision()

    catalogue = text(client.get(catalogue_url(unit)))
    detail = text(client.get(detail_url(unit)))
    listing = text(client.get(list_url()))
    newest = detail.split('id="unit-newest"', 1)[1].split("</section>", 1)[0]
    for scenario in scenarios:
        cell = f"{scenario.state}@{scenario.level}"
        assert scenario.control.title in catalogue, f"control missing ({cell})"
        for body in (catalogue, detail):
            assert scenario.document.title not in body, f"document leaks ({cell})"
            for hidden in scenario.hidden:
                assert hidden.title not in body, f"{hidden.title} leaks ({cell})"
    # the newest list holds the newest controls (the hidden documents are newer still)
    newest_controls = sorted(scenarios, key=lambda s: s.control.publish_date)[-10:]
    assert all(scenario.control.title in newest for scenario in newest_controls)
    assert f"共 {len(scenarios)} 条信息" in catalogue
    assert f"查看本单位全部 {len(scenarios)} 条信息" in detail
    assert f"({len(scenarios)})</span>" in listing
    assert "2020年度" not in detail and "2021年度" not in detail
    # the column tree of the catalogue shows public columns only
    columns = catalogue.split('class="sub-columns"', 1)[1].split("</nav>", 1)[0]
    assert re.findall(r">([^<]+)</a>", columns) == [control_column.title]


def test_the_pages_are_cached_and_purged_when_the_unit_or_its_documents_change(
    client, column, unit
):
    make_document(column, unit, "第一份通知")
    urls = [list_url(), detail_url(unit), catalogue_url(unit)]
    for url in urls:
        assert client.get(url)["X-Page-Cache"] == "miss"
        assert client.get(url)["X-Page-Cache"] == "hit"

    make_document(column, unit, "第二份通知")
    for url in urls[1:]:
        response = client.get(url)
        assert response["X-Page-Cache"] == "miss" and "第二份通知" in text(response)
    assert "(2)</span>" in text(client.get(list_url()))

    unit.phone = "010-00009999"
    unit.save()
    assert "010-00009999" in text(client.get(detail_url(unit)))
    UnitLeader.objects.create(unit=unit, name="林文华", post="主任")
    assert "林文华" in text(client.get(detail_url(unit)))
    unit.name = "区政府办公室（新）"
    unit.save()
    assert "区政府办公室（新）" in text(client.get(list_url()))

    document = make_document(column, unit, "将撤回的通知")
    assert "将撤回的通知" in text(client.get(catalogue_url(unit)))
    document.unpublish()
    assert "将撤回的通知" not in text(client.get(catalogue_url(unit)))


def test_the_index_links_the_unit_list(client, index):
    index.save_revision().publish()
    assert f'href="{list_url()}"' in text(client.get(index.url))


def test_units_and_their_leaders_are_edited_in_the_admin(admin_client, unit):
    url = f"/admin/disclosure/disclosureunit/edit/{unit.pk}/"
    page = admin_client.get(url)
    assert page.status_code == 200 and "领导信息" in page.content.decode()
    data = {
        "name": unit.name,
        "short_name": unit.short_name,
        "code": unit.code,
        "kind": unit.kind,
        "sort_order": 1,
        "is_public": "on",
        "responsibilities": "负责综合协调。",
        "postcode": "10000",  # one digit short
        "leaders-TOTAL_FORMS": "1",
        "leaders-INITIAL_FORMS": "0",
        "leaders-MIN_NUM_FORMS": "0",
        "leaders-MAX_NUM_FORMS": "1000",
        "leaders-0-name": "林文华",
        "leaders-0-post": "主任",
        "leaders-0-responsibilities": "主持全面工作。",
        "leaders-0-ORDER": "1",
    }
    refused = admin_client.post(url, data)
    assert refused.status_code == 200
    assert "邮编应为 6 位数字。" in refused.content.decode()
    assert "负责综合协调。" in refused.content.decode()  # nothing typed is lost
    admin_client.post(url, {**data, "postcode": "100000"})
    unit.refresh_from_db()
    assert unit.postcode == "100000" and unit.responsibilities == "负责综合协调。"
    assert [(leader.name, leader.post) for leader in unit.leaders.all()] == [("林文华", "主任")]


def test_the_demo_fills_the_units_public_information(client, db):
    from django.core.management import call_command

    call_command("setup_demo", documents=10)
    units = DisclosureUnit.objects.all()
    assert units.count() == 7
    assert all(unit.responsibilities and unit.phone and unit.leaders.exists() for unit in units)
    assert all(unit.guide_page_id for unit in units)
    street = units.get(kind=DisclosureUnit.Kind.SUBDISTRICT)
    content = text(client.get(detail_url(street)))
    assert street.address in content and street.leaders.first().name in content
    assert f'href="{street.guide_page.url}"' in content
    assert "街道" in text(client.get(list_url()))


@fuzz_settings
@given(
    code=st.one_of(
        parameter_text, st.text(alphabet="0123456789ABCDEFGHJKLMNPQRTUWXY-", max_size=20)
    )
)
def test_fuzzed_unit_codes_are_answered_without_error(client, unit, code):
    from urllib.parse import quote

    segment = quote(code, safe="")
    for suffix in ("", "catalogue/"):
        response = client.get(f"{list_url()}{segment}/{suffix}")
        assert_safe(response, {"code": code})


@fuzz_settings
@given(
    params=st.dictionaries(
        st.sampled_from(["year", "topic", "validity", "page", "unit"]), parameter_text, max_size=5
    )
)
def test_fuzzed_catalogue_filters_are_answered_without_error(client, column, unit, params):
    response = client.get(catalogue_url(unit), params)
    assert_safe(response, params)


def test_the_counts_years_and_columns_follow_every_change_without_the_page_cache(
    client, settings, index, unit
):
    """The figures the unit pages sum up are cached on their own (``unit_pages.queries``):
    with the page cache off, a publish, an unpublish and a new column still show at once."""
    settings.DISCLOSURE_PAGE_CACHE_SECONDS = 0
    notices = add_column(index, "通知公告")
    make_document(notices, unit, "2023年的通知", publish_date=shanghai(2023, 5, 1))
    assert "(1)</span>" in text(client.get(list_url()))
    assert "共 1 条信息" in text(client.get(catalogue_url(unit)))

    later = make_document(notices, unit, "2024年的通知", publish_date=shanghai(2024, 5, 1))
    assert "(2)</span>" in text(client.get(list_url()))
    content = text(client.get(catalogue_url(unit)))
    assert "共 2 条信息" in content and '<option value="2024"' in content
    assert '<span class="count">(2)' in content

    plans = add_column(index, "规划信息")
    make_document(plans, unit, "规划的通知", publish_date=shanghai(2022, 5, 1))
    content = text(client.get(catalogue_url(unit)))
    assert f'href="{plans.url}?unit={unit.pk}">规划信息</a>' in content
    assert '<option value="2022"' in content

    later.unpublish()
    content = text(client.get(catalogue_url(unit)))
    assert "共 2 条信息" in content and '<option value="2024"' not in content
    assert "(2)</span>" in text(client.get(list_url()))
    assert "查看本单位全部 2 条信息" in text(client.get(detail_url(unit)))
