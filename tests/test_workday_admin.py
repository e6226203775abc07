"""信息公开 → 节假日与调休: the staff table, its bulk entry and the home-page warning."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st

from disclosure.models import WorkdayOverride, workday_calendar
from disclosure.requests.deadlines import RequestClock

from .fuzzing import assert_safe, fuzz_settings, parameter_text

D = datetime.date
BULK = "/admin/disclosure/workdays/bulk/"
INDEX = "/admin/disclosure/workdayoverride/"
HOME = "/admin/"
NOTICE_2099 = "2099-01-01..2099-01-03 元旦 休\n# 注释行\n\n2099-01-04 元旦 班\n"


def staff(*codenames: str):
    """A logged-in-able user with admin access and the given disclosure permissions."""
    user = get_user_model().objects.create_user("staff", "s@example.com", "pw")
    group = Group.objects.create(name="依申请公开")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in codenames:
        group.permissions.add(Permission.objects.get(codename=codename))
    user.groups.add(group)
    return user


def rows() -> list[tuple]:
    return list(WorkdayOverride.objects.order_by("date").values_list("date", "is_workday", "name"))


def test_the_table_is_in_the_disclosure_menu_with_a_bulk_entry_button(client, webmaster):
    WorkdayOverride.objects.create(date=D(2099, 2, 1), is_workday=True, name="春节")
    page = client.get(INDEX).content.decode()
    assert "节假日与调休" in page and "春节" in page and "周日" in page  # 2099-02-01 is a Sunday
    assert BULK in page and "批量录入放假通知" in page
    home = client.get(HOME).content.decode()  # the sidebar menu, as JSON for its script
    assert INDEX in home and "节假日与调休" in home


def test_bulk_entry_writes_a_years_notice(client, webmaster):
    response = client.post(BULK, {"text": NOTICE_2099, "note": "测试通知"})
    assert response.status_code == 302 and response.url == INDEX
    assert rows() == [
        (D(2099, 1, 1), False, "元旦"),
        (D(2099, 1, 2), False, "元旦"),
        (D(2099, 1, 3), False, "元旦"),
        (D(2099, 1, 4), True, "元旦"),
    ]
    assert set(WorkdayOverride.objects.values_list("note", flat=True)) == {"测试通知"}
    assert "已保存4条节假日与调休（2099年）" in client.get(INDEX).content.decode()


def test_bulk_entry_errors_are_chinese_and_nothing_is_written(client, webmaster):
    WorkdayOverride.objects.create(date=D(2099, 1, 1), is_workday=True, name="旧条目")
    before = rows()
    text = (
        "2099-01-01 元旦 休\n"  # valid, but another line is not: nothing may be written
        "2099-02-30 春节 休\n"
        "2099-01-05..2099-01-02 元旦 休\n"
        "2099-03-01 清明 睡觉\n"
        "2099-01-01 元旦 休\n"
        "随便写的一行\n"
    )
    response = client.post(BULK, {"text": text, "replace_years": "on"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "未保存任何条目" in page
    for message in (
        "第2行：“2099-02-30”不是有效的日期",
        "第3行：结束日期早于开始日期",
        "第4行：最后一项应为“休”或“班”，而不是“睡觉”",
        "第5行：2099-01-01 已在第1行填写过",
        "第6行：无法识别",
    ):
        assert message in page
    assert text.splitlines()[5] in page  # what was typed stays in the form
    assert rows() == before


def test_replacing_a_year_removes_its_old_entries_only_when_asked(client, webmaster):
    WorkdayOverride.objects.create(date=D(2099, 5, 6), is_workday=False, name="错录")
    WorkdayOverride.objects.create(date=D(2098, 5, 6), is_workday=False, name="另一年")
    client.post(BULK, {"text": "2099-01-01 元旦 休"})
    assert D(2099, 5, 6) in [r[0] for r in rows()]
    client.post(BULK, {"text": "2099-01-01 元旦节 班", "replace_years": "on"})
    assert rows() == [(D(2098, 5, 6), False, "另一年"), (D(2099, 1, 1), True, "元旦节")]


def test_bulk_entry_needs_the_permissions(client, db):
    client.force_login(staff("view_workdayoverride"))
    # Wagtail's admin answers a refusal with a redirect to its home page and a message
    for response in (client.get(BULK), client.post(BULK, {"text": "2099-01-01 元旦 休"})):
        assert (response.status_code, response.url) == (302, HOME)
    assert rows() == []


def test_replacing_needs_the_delete_permission(client, db):
    client.force_login(staff("add_workdayoverride", "change_workdayoverride"))
    WorkdayOverride.objects.create(date=D(2099, 5, 6), is_workday=False, name="错录")
    response = client.post(BULK, {"text": "2099-01-01 元旦 休", "replace_years": "on"})
    assert "没有删除条目的权限" in response.content.decode()
    assert rows() == [(D(2099, 5, 6), False, "错录")]
    assert client.post(BULK, {"text": "2099-01-01 元旦 休"}).status_code == 302
    assert len(rows()) == 2


def test_the_table_feeds_the_deadlines(db):
    # From Fri 2026-09-18 the library alone gives Thu 2026-10-22 (test_workdays); marking
    # the make-up Saturday 10/10 as 休 (test input) moves the 20th working day to Fri 10/23.
    assert RequestClock(D(2026, 9, 18), calendar=workday_calendar()).deadline == D(2026, 10, 22)
    WorkdayOverride.objects.create(date=D(2026, 10, 10), is_workday=False, name="测试")
    assert RequestClock(D(2026, 9, 18), calendar=workday_calendar()).deadline == D(2026, 10, 23)


# --- the home-page warning -------------------------------------------------------------------


def reach_2099(settings) -> None:
    """A horizon from today to the end of 2099, a year no holiday library knows."""
    today = timezone.localdate()
    settings.DISCLOSURE_WORKDAY_HORIZON_DAYS = (D(2099, 12, 31) - today).days


def warning(page: str) -> str | None:
    """The text of the home page's warning panel, if shown."""
    if "节假日安排未确认" not in page:
        return None
    return page.split("节假日安排未确认")[1].split("</section>")[0]


def test_the_home_page_warns_of_years_without_holiday_data(client, webmaster, settings):
    reach_2099(settings)
    panel = warning(client.get(HOME).content.decode())
    assert "2098、2099年尚无法定节假日与调休数据" in panel and "暂按周一至周五计算" in panel
    assert BULK in panel
    client.post(BULK, {"text": NOTICE_2099})
    panel = warning(client.get(HOME).content.decode())
    assert "2098年尚无" in panel and "2099" not in panel


def test_no_warning_when_every_year_ahead_is_known(client, webmaster, settings):
    settings.DISCLOSURE_WORKDAY_HORIZON_DAYS = 0
    today = timezone.localdate()
    WorkdayOverride.objects.create(date=today.replace(month=1, day=1), name="元旦")
    assert warning(client.get(HOME).content.decode()) is None


@pytest.mark.parametrize(
    "codenames, warned, link",
    [
        ((), False, False),
        (("view_informationrequest",), True, False),
        (("add_workdayoverride", "change_workdayoverride"), True, True),
    ],
)
def test_who_sees_the_warning(client, db, settings, codenames, warned, link):
    reach_2099(settings)
    client.force_login(staff(*codenames))
    page = client.get(HOME).content.decode()
    assert (warning(page) is not None) is warned
    assert (BULK in page) is link


@fuzz_settings
@given(
    text=st.one_of(
        parameter_text,
        st.lists(
            st.sampled_from(
                ["2099-01-01", "..", "至", " ", "元旦", "休", "班", "\n", "2099-13-01", "<b>", "#"]
            ),
            max_size=12,
        ).map("".join),
    ),
    note=parameter_text,
)
def test_bulk_entry_fuzz(client, webmaster, text, note):
    WorkdayOverride.objects.all().delete()
    response = client.post(BULK, {"text": text, "note": note})
    if response.status_code == 302:
        assert WorkdayOverride.objects.exists()
    else:
        assert_safe(response, {"text": text, "note": note})
        assert not WorkdayOverride.objects.exists()
