import datetime
import itertools

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.utils import timezone
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Collection, Locale, Page, Site

from disclosure.models import (
    DisclosureColumnPage,
    DisclosureDocumentPage,
    DisclosureIndexPage,
    DisclosureUnit,
)
from disclosure.validators import credit_code_check_char, org_code_check_char
from home.models import HomePage
from search import hits as search_hits

# people and files of the staff request views
from .request_staff import editor, handler, other_handler, private_media  # noqa: F401

# the real S3-compatible server and a bucket per test, for every test directory
from .s3 import s3_bucket, s3_media, s3_server  # noqa: F401

_org_bodies = itertools.count(10000001)


def make_credit_code(org_body: str | None = None) -> str:
    body8 = org_body or str(next(_org_bodies))
    body = "11330199" + body8 + org_code_check_char(body8)
    return body + credit_code_check_char(body)


@pytest.fixture(autouse=True)
def _fresh_process_state():
    """The search-hit log and the cache (the search breaker) are per process: reset them."""
    search_hits.clear()
    cache.clear()
    yield
    search_hits.clear()
    cache.clear()


@pytest.fixture(autouse=True)
def _own_catalogue_files(settings, tmp_path):
    """Each test starts with no catalogue file: the scheduler writes those asked for before."""
    settings.DISCLOSURE_CATALOGUE_DIR = str(tmp_path / "catalogue-files")


@pytest.fixture
def webmaster(client, db):
    """A superuser (the district office's 管理员), logged in to ``client``."""
    user = get_user_model().objects.create_superuser("webmaster", "w@example.com", "pw")
    client.force_login(user)
    return user


@pytest.fixture
def home(db) -> HomePage:
    # Transactional tests (threads, live server) flush the rows Wagtail's migrations created.
    Locale.objects.get_or_create(language_code=get_supported_content_language_variant("zh-hans"))
    if not Collection.get_first_root_node():  # documents and images need the root collection
        Collection.add_root(name="Root")
    root = Page.get_first_root_node() or Page.add_root(title="Root", slug="root")
    home = HomePage(title="首页", slug="test-home")
    root.add_child(instance=home)
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "port": 80, "root_page": home}
    )
    return home


@pytest.fixture
def index(home) -> DisclosureIndexPage:
    index = DisclosureIndexPage(title="政府信息公开", slug="zfxxgk")
    home.add_child(instance=index)
    return index


def add_column(parent, title: str, **fields) -> DisclosureColumnPage:
    column = DisclosureColumnPage(title=title, **fields)
    parent.add_child(instance=column)
    return column


@pytest.fixture
def column(index) -> DisclosureColumnPage:
    return add_column(index, "法定主动公开内容")


@pytest.fixture
def unit(db) -> DisclosureUnit:
    return DisclosureUnit.objects.create(
        name="区人民政府办公室",
        short_name="区政府办",
        code=make_credit_code("00252113"),
        kind=DisclosureUnit.Kind.DISTRICT_GOVERNMENT,
    )


@pytest.fixture
def other_unit(db) -> DisclosureUnit:
    return DisclosureUnit.objects.create(
        name="区教育局",
        short_name="区教育局",
        code=make_credit_code("00252156"),
        kind=DisclosureUnit.Kind.DEPARTMENT,
    )


def make_document(
    parent,
    unit,
    title="关于做好政府信息公开工作的通知",
    *,
    publish=True,
    publish_date=None,
    **fields,
) -> DisclosureDocumentPage:
    """Create a document as an editor would: a draft, then (optionally) publish its revision."""
    document = DisclosureDocumentPage(title=title, unit=unit, live=False, **fields)
    if publish_date is not None:
        document.publish_date = publish_date
    parent.add_child(instance=document)
    revision = document.save_revision()
    if publish:
        revision.publish()
    return DisclosureDocumentPage.objects.get(pk=document.pk)


def shanghai(year, month=1, day=1, hour=12, minute=0) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime(year, month, day, hour, minute))


def admin_document_form(unit, **fields) -> dict:
    """The POST data of the admin's "add document" form, with ``fields`` filled in."""
    return {
        "unit": unit.pk,
        "validity": "valid",
        "genre": "other",
        "document_type": "other",
        "attachments-TOTAL_FORMS": "0",
        "attachments-INITIAL_FORMS": "0",
        "attachments-MIN_NUM_FORMS": "0",
        "attachments-MAX_NUM_FORMS": "1000",
        "interpreted_documents-TOTAL_FORMS": "0",
        "interpreted_documents-INITIAL_FORMS": "0",
        "interpreted_documents-MIN_NUM_FORMS": "0",
        "interpreted_documents-MAX_NUM_FORMS": "1000",
        **fields,
    }


@pytest.fixture
def without_2027_library_data(monkeypatch):
    """The case of a year the installed chinese-calendar lacks (2027 today): kept so when a
    later release knows 2027, so that these tests always run."""
    from disclosure.requests import workdays

    knows = workdays.library_knows_year
    monkeypatch.setattr(workdays, "library_knows_year", lambda year: year != 2027 and knows(year))
