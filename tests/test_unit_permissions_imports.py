"""Catalogue imports (信息公开 → 目录导入) as unit workspaces: a unit's reviewers and leaders
import their own unit's rows only (an import publishes at once); any row of another unit,
in a new column or in a column not open to the unit is refused with a Chinese per-row error,
and nothing is written."""

import pytest
from django.urls import reverse

from disclosure.importing import import_catalog
from disclosure.models import DisclosureDocumentPage
from disclosure.permissions.importing import ImportScope

from .catalog_helpers import row, write_csv
from .conftest import add_column
from .test_import_admin import run_queued_tasks, upload
from .unit_people import OWNERSHIP, ROLES, log_in, make_person

OTHER = "区教育局"  # ``other_unit``; ``unit`` is 区人民政府办公室 (the rows' default)


def allowed(role: str, ownership: str) -> bool:
    if role == "webmaster":
        return True
    return role in ("reviewer", "leader") and ownership == "own"


def unit_name(ownership: str) -> str:
    return "区人民政府办公室" if ownership == "own" else OTHER


@pytest.mark.parametrize("ownership", OWNERSHIP)
@pytest.mark.parametrize("role", ROLES)
def test_importing_through_the_admin(
    client, index, column, unit, other_unit, tmp_path, role, ownership
):
    log_in(client, role, unit)
    upload_url = reverse("disclosure_import:upload")
    may_open = client.get(upload_url).status_code == 200
    assert may_open is (role in ("reviewer", "leader", "webmaster"))
    if not may_open:
        return
    rows = [row(标题="本单位的一条"), row(标题="第二条", 发布机构=unit_name(ownership))]
    status_url = upload(client, tmp_path, rows)
    run_queued_tasks()
    page = client.get(status_url).content.decode()
    if not allowed(role, ownership):
        assert 'data-phase="invalid"' in page
        assert "第 3 行 [发布机构]" in page and "您只能导入本单位（区人民政府办公室）的信息" in page
        assert "第 2 行" not in page
        assert not DisclosureDocumentPage.objects.exists()
        return
    assert 'data-phase="validated"' in page
    job_id = status_url.rstrip("/").rsplit("/", 1)[-1]
    client.post(reverse("disclosure_import:confirm", args=[job_id]))
    run_queued_tasks()
    assert DisclosureDocumentPage.objects.live().count() == 2


def test_a_unit_person_creates_no_units_and_no_columns(client, index, column, unit, tmp_path):
    log_in(client, "reviewer", unit)
    form = client.get(reverse("disclosure_import:upload")).context["form"]
    assert "create_units" not in form.fields
    assert list(form.fields["unit"].queryset) == [unit]
    rows = [row(栏目="法定主动公开内容/新栏目"), row(发布机构="区新设局")]
    status_url = upload(client, tmp_path, rows, create_units="on")
    run_queued_tasks()
    page = client.get(status_url).content.decode()
    assert "第 2 行 [栏目]" in page and "只有管理员可以在导入时新建栏目" in page
    assert "第 3 行 [发布机构]" in page
    assert not DisclosureDocumentPage.objects.exists()


def test_a_column_not_open_to_the_unit_is_refused(index, unit, other_unit, tmp_path):
    closed = add_column(index, "教育专栏")
    closed.publishing_units.set([other_unit])
    closed.save_revision().publish()
    path = write_csv(tmp_path / "c.csv", [row(栏目="教育专栏")])
    result = import_catalog(path, scope=ImportScope.for_user(make_person("leader", unit)))
    assert [e.message for e in result.errors] == ["这个栏目不向这一行的发布机构开放发布。"]
    assert not DisclosureDocumentPage.objects.exists()
    # the other unit's leader may
    theirs = write_csv(tmp_path / "t.csv", [row(栏目="教育专栏", 发布机构=OTHER)])
    result = import_catalog(theirs, scope=ImportScope.for_user(make_person("leader", other_unit)))
    assert result.ok and result.written == 1


def test_someone_elses_import_is_not_found(client, index, column, unit, tmp_path):
    log_in(client, "webmaster", unit)
    status_url = upload(client, tmp_path, [row()])
    log_in(client, "reviewer", unit)
    assert client.get(status_url).status_code == 404
    job_id = status_url.rstrip("/").rsplit("/", 1)[-1]
    assert client.post(reverse("disclosure_import:confirm", args=[job_id])).status_code == 404
