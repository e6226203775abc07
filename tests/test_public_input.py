"""The parameters of the column listings and the statistics page: bounded, never a 500
(the search page's: tests/search/test_search_input.py).

The regression cases are the inputs that crashed the first release; the property-based tests
(hypothesis) then throw arbitrary text at every parameter.
"""

import pytest
from django.test import Client
from hypothesis import given

from disclosure.models import StatisticsPage

from .conftest import add_column, make_document
from .fuzzing import assert_safe, fuzz_settings, parameters


@pytest.fixture
def portal(index, unit):
    level1 = add_column(index, "法定主动公开内容")
    level2 = add_column(level1, "财政资金")
    make_document(level2, unit, "关于2024年财政预算的公告")
    level1.add_child(instance=StatisticsPage(title="公开统计", slug="statistics"))
    return index, level1, level2


def statistics_url(portal) -> str:
    return portal[1].url + "statistics/"


@pytest.mark.parametrize("value", ["9" * 40, "-1", "1e9", "<b>", "\x00"])
def test_column_filters_survive_out_of_range_ids(client, portal, value):
    _, level1, _ = portal
    for name in ("unit", "topic", "year", "validity", "page"):
        response = client.get(level1.url, {name: value})
        assert response.status_code == 200, (name, value)
        assert "关于2024年财政预算的公告" in response.content.decode()


@pytest.mark.parametrize("value", ["9" * 40, "-1", "0", "<b>", "\x00"])
def test_statistics_filters_survive_out_of_range_values(client, portal, value):
    for name in ("year", "quarter", "unit"):
        response = client.get(statistics_url(portal), {name: value})
        assert response.status_code == 200, (name, value)


COLUMN_PARAMETERS = ["unit", "topic", "year", "validity", "page"]
STATISTICS_PARAMETERS = ["year", "quarter", "unit"]


@fuzz_settings
@given(params=parameters(COLUMN_PARAMETERS))
def test_fuzz_column_parameters(portal, params):
    _, level1, _ = portal
    response = Client().get(level1.url, params)
    assert_safe(response, params)


@fuzz_settings
@given(params=parameters(STATISTICS_PARAMETERS))
def test_fuzz_statistics_parameters(portal, params):
    response = Client().get(statistics_url(portal), params)
    assert_safe(response, params)
