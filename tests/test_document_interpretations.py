"""政策解读 ↔ 原文: links both ways, public pages only, validation, purges, the filters."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.utils import timezone
from hypothesis import given
from wagtail.models import Page, PageViewRestriction

from disclosure.models import DisclosureDocumentPage, InterpretationLink

from .conftest import add_column, admin_document_form, make_document, shanghai
from .document_helpers import make_interpretation, section
from .fuzzing import assert_safe, fuzz_settings, parameters

STATES = ["draft", "scheduled", "expired", "unpublished", "password", "login", "groups"]


def hide(page: Page, state: str) -> None:
    """Make a published page non-public in one of the ways the catalogue knows."""
    now = timezone.now()
    if state == "draft":
        Page.objects.filter(pk=page.pk).update(live=False, live_revision=None)
    elif state == "scheduled":
        Page.objects.filter(pk=page.pk).update(
            live=False, live_revision=None, go_live_at=now + datetime.timedelta(days=3)
        )
    elif state == "expired":  # the scheduler has not run yet
        Page.objects.filter(pk=page.pk).update(expire_at=now - datetime.timedelta(minutes=5))
    elif state == "unpublished":
        page.specific.unpublish()
    else:
        kind = {"password": "password", "login": "login", "groups": "groups"}[state]
        restriction = PageViewRestriction.objects.create(
            page=page, restriction_type=kind, password="secret"
        )
        if state == "groups":
            restriction.groups.add(Group.objects.get_or_create(name="内部")[0])


@pytest.fixture
def policy(index, unit):
    section = add_column(index, "政策")
    files = add_column(section, "政策文件")
    readings = add_column(section, "政策解读")
    original = make_document(
        files,
        unit,
        "关于优化营商环境的实施意见",
        doc_number="区政发〔2024〕7号",
        publish_date=shanghai(2024, 3, 1),
    )
    return {"files": files, "readings": readings, "original": original}


def test_original_and_interpretations_link_each_other(client, policy, unit):
    original = policy["original"]
    text = make_interpretation(
        policy["readings"], unit, "《实施意见》文字解读", [original], kind="text"
    )
    video = make_interpretation(
        policy["readings"], unit, "一图读懂营商环境", [original], kind="video"
    )
    related = section(client.get(original.url).content.decode(), "相关解读")
    assert "《实施意见》文字解读" in related and "一图读懂营商环境" in related
    assert "文字解读" in related and "视频解读" in related
    assert related.index("一图读懂营商环境") < related.index("《实施意见》文字解读")  # newest first
    for interpretation in (text, video):
        content = client.get(interpretation.url).content.decode()
        originals = section(content, "解读的原文")
        assert "关于优化营商环境的实施意见" in originals and "区政发〔2024〕7号" in originals
        assert original.url in originals
    # the 体裁 cell names the 解读形式
    assert '<th scope="row">体裁</th><td>视频解读</td>' in client.get(video.url).content.decode()


@pytest.mark.parametrize("level", ["document", "column"])
@pytest.mark.parametrize("state", STATES)
def test_a_non_public_interpretation_never_shows_on_the_original(
    client, policy, unit, index, state, level
):
    original = policy["original"]
    make_interpretation(policy["readings"], unit, "公开的解读", [original])
    branch = add_column(index, "另一个解读栏目")
    hidden = make_interpretation(branch, unit, "不应出现的解读", [original])
    assert InterpretationLink.objects.filter(page=hidden).exists()
    hide(hidden if level == "document" else branch, state)
    content = client.get(original.url).content.decode()
    assert "公开的解读" in section(content, "相关解读")  # the public control
    assert "不应出现的解读" not in content


@pytest.mark.parametrize("level", ["document", "column"])
@pytest.mark.parametrize("state", STATES)
def test_a_non_public_original_never_shows_on_the_interpretation(
    client, policy, unit, index, state, level
):
    branch = add_column(index, "另一个文件栏目")
    hidden = make_document(branch, unit, "不应出现的原文")
    reading = make_interpretation(
        policy["readings"], unit, "两份文件的解读", [hidden, policy["original"]]
    )
    hide(hidden if level == "document" else branch, state)
    content = client.get(reading.url).content.decode()
    assert "关于优化营商环境的实施意见" in section(content, "解读的原文")  # the public control
    assert "不应出现的原文" not in content


def test_the_originals_keep_the_editors_order(client, policy, unit):
    second = make_document(policy["files"], unit, "第二份原文", publish_date=shanghai(2024, 4, 1))
    reading = make_interpretation(
        policy["readings"], unit, "合并解读", [second, policy["original"]]
    )
    originals = section(client.get(reading.url).content.decode(), "解读的原文")
    assert originals.index("第二份原文") < originals.index("关于优化营商环境的实施意见")


def test_an_interpretation_must_be_a_解读_and_not_its_own_original(policy, unit):
    notice = make_document(policy["files"], unit, "一份通知", publish=False)
    notice.interpretation_kind = "video"
    with pytest.raises(ValidationError) as error:
        notice.save_revision()
    assert "只有体裁为“解读”的信息才能选择解读形式。" in str(error.value)

    notice = DisclosureDocumentPage.objects.get(pk=notice.pk)
    notice.interpreted_documents.add(InterpretationLink(original=policy["original"]))
    with pytest.raises(ValidationError) as error:
        notice.save_revision()
    assert "关联了解读的原文，体裁须为“解读”。" in str(error.value)

    reading = make_interpretation(policy["readings"], unit, "解读", [policy["original"]])
    reading.interpreted_documents.add(InterpretationLink(original=reading))
    with pytest.raises(ValidationError) as error:
        reading.save_revision()
    assert "解读不能关联自身为原文。" in str(error.value)


def _link_form(unit, original, **fields) -> dict:
    return admin_document_form(
        unit,
        **{
            "interpreted_documents-TOTAL_FORMS": "1",
            "interpreted_documents-0-original": str(original.pk),
            "interpreted_documents-0-id": "",
            "interpreted_documents-0-ORDER": "1",
            "action-publish": "publish",
            **fields,
        },
    )


def test_editors_link_an_interpretation_in_the_admin(client, webmaster, policy, unit):
    add = f"/admin/pages/add/disclosure/disclosuredocumentpage/{policy['readings'].pk}/"
    wrong = _link_form(unit, policy["original"], title="体裁不对的解读", slug="wrong")
    response = client.post(add, wrong)
    assert response.status_code == 200
    assert "关联了解读的原文，体裁须为“解读”。" in response.content.decode()
    assert not DisclosureDocumentPage.objects.filter(slug="wrong").exists()

    right = _link_form(
        unit,
        policy["original"],
        title="图文解读：营商环境",
        slug="graphic",
        genre="interpretation",
        interpretation_kind="graphic",
    )
    response = client.post(add, right)
    assert response.status_code == 302, response.content.decode()[-2000:]
    reading = DisclosureDocumentPage.objects.get(slug="graphic")
    assert reading.live
    assert list(reading.interpreted_documents.values_list("original", flat=True)) == [
        policy["original"].pk
    ]
    client.logout()
    related = section(client.get(policy["original"].url).content.decode(), "相关解读")
    assert "图文解读：营商环境" in related and "图文解读" in related


def _cache_state(client, url) -> str:
    return client.get(url)["X-Page-Cache"]


def test_changes_of_linked_pages_purge_the_pages_that_show_them(client, policy, unit, index):
    original = policy["original"]
    unrelated = make_document(add_column(index, "无关栏目"), unit, "无关的通知")
    reading = make_interpretation(policy["readings"], unit, "第一份解读", [original])
    pages = [original.url, reading.url, unrelated.url]
    for url in pages:
        client.get(url)
    assert [_cache_state(client, url) for url in pages] == ["hit", "hit", "hit"]

    # a new interpretation: the original's page shows it at once
    graphic_column = add_column(index, "图解")
    graphic = make_interpretation(graphic_column, unit, "第二份解读", [original], kind="graphic")
    page = client.get(original.url)
    assert page["X-Page-Cache"] == "miss" and "第二份解读" in page.content.decode()
    assert _cache_state(client, unrelated.url) == "hit"

    # the interpretation retitled
    graphic.title = "第二份解读（修订）"
    graphic.save_revision().publish()
    assert "第二份解读（修订）" in client.get(original.url).content.decode()

    # its column withdrawn: the link goes
    client.get(original.url)
    graphic_column.unpublish()
    page = client.get(original.url)
    assert page["X-Page-Cache"] == "miss" and "第二份解读" not in page.content.decode()

    # the original retitled: the interpretation's page follows
    client.get(reading.url)
    original.title = "关于持续优化营商环境的实施意见"
    original.save_revision().publish()
    page = client.get(reading.url)
    assert page["X-Page-Cache"] == "miss"
    assert "关于持续优化营商环境的实施意见" in section(page.content.decode(), "解读的原文")

    # the original restricted: gone from the interpretation's page
    client.get(reading.url)
    PageViewRestriction.objects.create(page=original, restriction_type="login")
    page = client.get(reading.url)
    assert page["X-Page-Cache"] == "miss" and "解读的原文" not in page.content.decode()
    PageViewRestriction.objects.filter(page=original).delete()

    # the link removed by the interpretation's editor
    client.get(original.url)
    reading = DisclosureDocumentPage.objects.get(pk=reading.pk)
    reading.interpreted_documents.clear()
    reading.save_revision().publish()
    page = client.get(original.url)
    assert page["X-Page-Cache"] == "miss" and "第一份解读" not in page.content.decode()

    # an interpretation deleted
    third = make_interpretation(policy["readings"], unit, "第三份解读", [original])
    assert "第三份解读" in client.get(original.url).content.decode()
    client.get(original.url)
    third.delete()
    assert "第三份解读" not in client.get(original.url).content.decode()
    assert _cache_state(client, unrelated.url) == "hit"


@pytest.fixture
def readings(policy, unit):
    original = policy["original"]
    column = policy["readings"]
    docs = {
        "text": make_interpretation(column, unit, "文字版解读", [original], kind="text"),
        "video": make_interpretation(column, unit, "视频版解读", [original], kind="video"),
        "plain": make_interpretation(column, unit, "未注明形式的解读", [original], kind=""),
        "notice": make_document(column, unit, "解读栏目里的工作通知"),
    }
    hidden = make_interpretation(column, unit, "已撤下的视频解读", [original], kind="video")
    hidden.unpublish()
    return docs


def test_a_column_lists_only_its_interpretations_when_asked(client, policy, readings):
    url = policy["readings"].url
    everything = client.get(url).content.decode()
    assert all(
        title in everything for title in ("文字版解读", "视频版解读", "解读栏目里的工作通知")
    )
    assert 'name="interpretation"' in everything
    only = client.get(url + "?interpretation=all").content.decode()
    assert "文字版解读" in only and "视频版解读" in only and "未注明形式的解读" in only
    assert "解读栏目里的工作通知" not in only
    video = client.get(url + "?interpretation=video").content.decode()
    assert "视频版解读" in video
    assert "文字版解读" not in video and "已撤下的视频解读" not in video
    # the section above counts its subtree the same way
    above = client.get(policy["readings"].get_parent().url + "?interpretation=text")
    assert "文字版解读" in above.content.decode()
    assert "视频版解读" not in above.content.decode()
    # a column holding no 解读 offers no such filter
    assert 'name="interpretation"' not in client.get(policy["files"].url).content.decode()
    # a bad value is ignored, not an error
    bad = client.get(url + "?interpretation=%3Cscript%3E")
    assert bad.status_code == 200 and "解读栏目里的工作通知" in bad.content.decode()


@fuzz_settings
@given(params=parameters(["interpretation", "page", "year"]))
def test_the_column_filter_survives_any_input(client, policy, readings, params):
    response = client.get(policy["readings"].url, params)
    assert_safe(response, params)


def test_the_demo_links_each_interpretation_to_an_earlier_original_once(index, unit):
    from home.demo_interpretations import ensure_interpretation_links

    files = add_column(index, "政策文件")
    opinion = make_document(
        files,
        unit,
        "区人民政府办公室关于城市更新的实施意见",
        genre="opinion",
        keywords="城市更新",
        publish_date=shanghai(2023, 5, 1),
    )
    make_document(
        files,
        unit,
        "关于城市更新的通知",
        genre="notice",
        keywords="城市更新",
        publish_date=shanghai(2023, 6, 1),
    )
    later = make_document(
        files, unit, "更晚的实施意见", genre="opinion", keywords="城市更新",
        publish_date=shanghai(2025, 1, 1),
    )  # fmt: skip
    reading = make_document(
        files,
        unit,
        "《关于城市更新的实施意见》政策解读",
        genre="interpretation",
        keywords="城市更新",
        publish_date=shanghai(2024, 1, 1),
    )
    assert ensure_interpretation_links(index) == 1
    assert ensure_interpretation_links(index) == 0  # run again: nothing changes
    links = InterpretationLink.objects.filter(page=reading)
    assert [link.original_id for link in links] == [opinion.pk]
    assert later.pk not in [link.original_id for link in links]
    assert DisclosureDocumentPage.objects.get(pk=reading.pk).interpretation_kind == "text"
