"""Historic denominators: England's children are the sum of today's authorities' in every year, the counties
that unitary authorities replaced in 2020-23 (and Bournemouth, Poole and Dorset in 2019) filed under them."""

import pytest

from safeguarding.organisations.models import ChildPopulation
from safeguarding.organisations.reference_data import SUCCESSIONS, _split

from ..analysis.denominators import populations
from ..geography import authorities

pytestmark = pytest.mark.django_db
SERIES = range(2012, 2025)


@pytest.mark.parametrize("year", SERIES)
def test_englands_children_are_the_sum_of_todays_authorities(geography, year):
    result = populations([year])
    la_codes = [authority.code for authority in authorities()]
    assert len(la_codes) == 153
    assert all(result.la.get(code) for code in la_codes), [code for code in la_codes if not result.la.get(code)]
    assert sum(result.la[code] for code in la_codes) == result.national
    assert sum(result.region.values()) == result.national
    assert sum(result.quintile.values()) == result.national
    assert sum(result.panel.values()) == result.national


@pytest.mark.parametrize("year", range(2019, 2023))
def test_the_new_unitary_authorities_have_children_before_they_existed(geography, year):
    codes = {code for succession in SUCCESSIONS for code in succession.successors}
    successors = {code: {} for code in codes}
    for code, row_year, children in ChildPopulation.objects.filter(code__in=codes).values_list(
        "code", "year", "children"
    ):
        successors[code][row_year] = children
    for code in ("E06000063", "E06000064", "E06000065", "E06000066"):  # created 1 April 2023
        assert successors[code][year] > 30_000
    if year < 2021:  # North and West Northamptonshire, 1 April 2021
        assert successors["E06000061"][year] + successors["E06000062"][year] > 160_000


def test_a_split_county_is_shared_in_whole_children_that_add_up():
    assert _split(170_089, [79_186, 92_050]) == [78_656, 91_433]
    assert sum(_split(90_854, [52_019, 39_177])) == 90_854
    assert _split(5, [1, 1]) == [3, 2]
