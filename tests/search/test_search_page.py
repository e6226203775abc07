"""The public search page: filters, facets, exact numbers, highlighting, paging, promotions."""

import pytest
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import PageViewRestriction

from disclosure.models import DisclosureColumnPage, ReportCategory, Topic
from search import hits as search_hits
from tests.conftest import add_column, make_document, shanghai

pytestmark = pytest.mark.usefixtures("search_backend")


@pytest.fixture
def site(index, unit, other_unit):
    policy = add_column(index, "政策文件")
    normative = add_column(policy, "规范性文件")
    budget = add_column(
        index,
        "财政预决算",
        default_report_category=ReportCategory.objects.get(name="民政扶贫救灾社会社保就业"),
    )
    finance = Topic.objects.get(name="财政、金融、审计")
    tax = Topic.objects.get(name="税务", parent=finance)
    docs = {
        "notice": make_document(
            policy,
            unit,
            "区人民政府关于印发政府信息公开工作要点的通知",
            doc_number="区府发〔2023〕12号",
            publish_date=shanghai(2023, 3, 1),
            body="<p>现将2023年政府信息公开工作要点印发给你们，请认真贯彻执行。</p>",
        ),
        "rule": make_document(
            normative,
            unit,
            "区政府信息公开申请办理规定",
            doc_number="区府规〔2021〕3号",
            publish_date=shanghai(2021, 6, 1),
            validity="repealed",
            repeal_date=shanghai(2024, 1, 1).date(),
            topic=tax,
        ),
        "school": make_document(
            policy,
            other_unit,
            "区教育局关于做好义务教育招生工作的通知",
            publish_date=shanghai(2024, 5, 1),
            body="<p>按照信息公开要求公布招生计划。</p>",
        ),
        "budget": make_document(
            budget,
            unit,
            "2023年区级部门预算公开说明",
            publish_date=shanghai(2023, 2, 1),
            topic=finance,
        ),
    }
    return {"policy": policy, "normative": normative, "budget_column": budget, **docs}


def hits(client, **params):
    """Titles of the documents found (other public pages, such as columns, are left out)."""
    response = client.get("/search/", params)
    assert response.status_code == 200
    found = response.context["outcome"].hits
    return [hit.page.title for hit in found if hit.document], response


def test_query_finds_chinese_words_and_ranks_title_matches_first(client, site):
    titles, response = hits(client, q="信息公开")
    assert set(titles[:2]) == {site["rule"].title, site["notice"].title}
    assert titles[2] == site["school"].title  # body-only match last
    content = response.content.decode()
    assert "<mark>信息公开</mark>" in content or "<mark>信息</mark><mark>公开</mark>" in content
    assert "区人民政府办公室 · <time" in content  # metadata line
    assert "区府发〔2023〕12号" in content


@pytest.mark.parametrize(
    "query",
    ["区府发〔2023〕12号", "区府发[2023]12号", "区府发(2023)12号", "区府发（２０２３）１２号"],
)
def test_an_exact_document_number_comes_first(client, site, query):
    titles, response = hits(client, q=query)
    assert titles[0] == site["notice"].title
    assert response.context["outcome"].hits[0].exact
    assert "文号/索引号完全匹配" in response.content.decode()


def test_an_exact_index_number_comes_first(client, site):
    titles, _ = hits(client, q=site["budget"].index_no.lower())
    assert titles == [site["budget"].title]


def test_filters_combine_and_a_column_includes_its_sub_columns(client, site):
    assert set(hits(client, q="信息公开", column=site["policy"].pk)[0]) == {
        site["notice"].title,
        site["rule"].title,
        site["school"].title,
    }
    assert hits(client, q="信息公开", column=site["normative"].pk)[0] == [site["rule"].title]
    assert hits(client, q="通知", unit=site["school"].unit_id)[0] == [site["school"].title]
    assert hits(client, q="公开", validity="repealed")[0] == [site["rule"].title]
    assert set(hits(client, q="公开", year_from=2023, year_to=2023)[0]) == {
        site["notice"].title,
        site["budget"].title,
    }
    finance = Topic.objects.get(name="财政、金融、审计")
    assert set(hits(client, topic=finance.pk)[0]) == {site["rule"].title, site["budget"].title}
    category = ReportCategory.objects.get(name="民政扶贫救灾社会社保就业")
    assert hits(client, q="预算", category=category.pk)[0] == [site["budget"].title]
    other = ReportCategory.objects.get(name="其他")
    assert site["budget"].title not in hits(client, category=other.pk)[0]


@pytest.mark.parametrize("sort", ["relevance", "date"])  # different paths on every backend
def test_facet_counts_follow_the_query(client, site, unit, other_unit, sort):
    _, response = hits(client, q="信息公开", sort=sort)
    facets = response.context["outcome"].facets
    # three documents hold 信息 and 公开; the budget one only 公开, a part of the one term
    # typed: not listed, not counted (the facets count what is listed)
    listed = [hit.partial for hit in response.context["outcome"].hits if hit.document]
    assert listed == [False] * 3
    assert facets["unit"] == {unit.pk: 2, other_unit.pk: 1}
    assert facets["year"] == {2021: 1, 2023: 1, 2024: 1}
    assert facets["validity"] == {"valid": 2, "repealed": 1}
    assert facets["column"][site["policy"].pk] == 3
    assert facets["column"][site["normative"].pk] == 1
    assert facets["column"][site["budget_column"].pk] == 0
    content = response.content.decode()
    assert "区教育局 (1)</option>" in content


def test_equal_scores_go_to_the_newer_document(client, site, unit):
    # created newest first, so neither creation order nor pk order puts them right
    for year in (2025, 2019, 2022):
        make_document(
            site["policy"],
            unit,
            f"防汛抗旱应急预案（{year}）",
            publish_date=shanghai(year, 5, 1),
            body="<p>做好汛期防汛抗旱工作。</p>",
        )
    titles, _ = hits(client, q="防汛抗旱应急预案", validity="valid")
    assert titles == [f"防汛抗旱应急预案（{year}）" for year in (2025, 2022, 2019)]


def test_sort_by_date_puts_newest_first(client, site):
    titles, _ = hits(client, q="公开", sort="date")
    assert titles == [site[k].title for k in ("school", "notice", "budget", "rule")]


def test_twenty_results_per_page(client, site, unit):
    for n in range(25):
        make_document(site["policy"], unit, f"防汛抗旱工作简报第{n + 1}期")
    titles, response = hits(client, q="防汛")
    assert len(titles) == 20
    assert response.context["outcome"].total == 25
    assert len(hits(client, q="防汛", page=2)[0]) == 5
    assert "page=2" in response.content.decode()


def test_zero_results_name_the_filters_and_suggest_widening(client, site, other_unit):
    _, response = hits(client, q="预算", unit=other_unit.pk)
    content = response.content.decode()
    assert response.context["outcome"].total == 0
    assert "发布机构：区教育局" in content
    assert "请减少筛选条件" in content


def test_promotions_come_first_and_queries_are_logged(client, site):
    query = Query.get("招生")
    SearchPromotion.objects.create(query=query, page=site["budget"], sort_order=0)
    _, response = hits(client, q="招生")
    content = response.content.decode()
    assert content.index("推荐结果") < content.index("2023年区级部门预算公开说明")
    assert content.index("2023年区级部门预算公开说明") < content.index("义务教育<mark>招生</mark>")
    repeated = client.get("/search/", {"q": "招生"})
    assert repeated["X-Page-Cache"] == "hit"  # served from the page cache, and still counted
    assert repeated.content == response.content
    assert Query.get("招生").hits == 0  # counted in memory, written off the request path
    search_hits.flush()
    assert Query.get("招生").hits == 2


def test_nothing_private_is_found(client, site, unit):
    make_document(site["policy"], unit, "草稿：防汛应急预案", publish=False)
    restricted = make_document(site["policy"], unit, "内部：防汛值班安排")
    PageViewRestriction.objects.create(page=restricted, restriction_type="login")
    expired = make_document(site["policy"], unit, "已过期：防汛物资调拨通知")
    DisclosureColumnPage.objects.filter(pk=expired.pk).update()  # no-op keeps imports honest
    type(expired).objects.filter(pk=expired.pk).update(expire_at=shanghai(2020))
    assert hits(client, q="防汛")[0] == []


def test_single_character_and_mixed_queries(client, site):
    outcome = hits(client, q="2023年 预算")[1].context["outcome"]
    assert [hit.page.title for hit in outcome.hits if not hit.partial] == [site["budget"].title]
    assert site["rule"].title in hits(client, q="规")[0]
