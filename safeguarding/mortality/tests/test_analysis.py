"""The analysis functions are wired to the statistics library and to the right denominators."""

import math

import pytest

from safeguarding import stats
from safeguarding.child_deaths.models.vocabulary import AgeBand, Category, Modifiable
from safeguarding.mortality.analysis import breakdowns, funnels, hazards, modifiable, timeliness, trends
from safeguarding.mortality.analysis.filters import Filters
from safeguarding.mortality.factories import MortalityRecordFactory
from safeguarding.mortality.models import MortalityRecord, parse_financial_year
from safeguarding.mortality.reference import age_band_shares
from safeguarding.organisations.models import ChildPopulation


def _children(code, year):
    return ChildPopulation.objects.get(code=code, year=year).children


def test_rate_by_region_uses_the_regions_children_and_the_library(geography):
    MortalityRecordFactory.create_batch(12, region_code="E12000001", year_of_death=2023)
    MortalityRecordFactory.create_batch(3, region_code="E12000007", la_code="E09000007", year_of_death=2023)
    rows = {row.key: row for row in breakdowns.rates_by(MortalityRecord.objects.all(), "region", Filters())}
    north_east = rows["E12000001"]
    assert north_east.deaths == 12
    assert north_east.population == _children("E12000001", 2023)
    assert (north_east.rate, north_east.lower, north_east.upper) == tuple(
        stats.rate_with_ci(12, _children("E12000001", 2023))
    )
    assert rows["E12000009"].deaths == 0 and rows["E12000009"].rate == 0


def test_years_after_the_population_series_use_its_latest_year(geography):
    MortalityRecordFactory.create_batch(10, year_of_death=2026)
    row = breakdowns.overall(MortalityRecord.objects.all(), Filters())
    assert row.population == _children("E92000001", 2024)


def test_several_years_divide_by_child_years_at_risk(geography):
    MortalityRecordFactory(year_of_death=2022)
    MortalityRecordFactory(year_of_death=2023)
    row = breakdowns.overall(MortalityRecord.objects.all(), Filters())
    assert row.population == _children("E92000001", 2022) + _children("E92000001", 2023)


def test_age_band_rates_take_the_bands_share_of_children(geography):
    MortalityRecordFactory.create_batch(20, age_band=AgeBand.UNDER_28_DAYS, year_of_death=2023)
    rows = {row.key: row for row in breakdowns.rates_by(MortalityRecord.objects.all(), "age_band", Filters())}
    expected = _children("E92000001", 2023) * age_band_shares()[AgeBand.UNDER_28_DAYS]
    assert rows[AgeBand.UNDER_28_DAYS].population == pytest.approx(expected)
    assert rows[AgeBand.UNDER_28_DAYS].rate == pytest.approx(stats.rate_with_ci(20, expected).value)


def test_ethnic_groups_have_shares_with_wilson_limits_and_no_rate(geography):
    MortalityRecordFactory.create_batch(3, ethnicity_group="asian")
    MortalityRecordFactory.create_batch(7, ethnicity_group="white")
    rows = {row.key: row for row in breakdowns.rates_by(MortalityRecord.objects.all(), "ethnicity", Filters())}
    assert rows["asian"].rate is None
    assert (rows["asian"].share, rows["asian"].share_lower, rows["asian"].share_upper) == tuple(stats.wilson_ci(3, 10))


def test_modifiable_proportion_leaves_out_insufficient_information(db):
    MortalityRecordFactory.create_batch(3, reviewed=True, category=Category.TRAUMA, modifiable=Modifiable.YES)
    MortalityRecordFactory.create_batch(5, reviewed=True, category=Category.TRAUMA, modifiable=Modifiable.NO)
    MortalityRecordFactory(reviewed=True, category=Category.TRAUMA, modifiable=Modifiable.INSUFFICIENT)
    MortalityRecordFactory(reviewed=False)
    row = modifiable.overall(MortalityRecord.objects.all())
    assert (row.modifiable, row.decided, row.insufficient) == (3, 8, 1)
    assert (row.proportion, row.lower, row.upper) == tuple(stats.wilson_ci(3, 8))
    by_category = {row.key: row for row in modifiable.by(MortalityRecord.objects.all(), "category")}
    assert by_category[Category.TRAUMA].decided == 8 and by_category[Category.SUICIDE].proportion is None


def test_trend_test_finds_a_rise_and_not_noise():
    years = list(range(2015, 2025))
    populations = [1_000_000] * 10
    rising = trends.poisson_trend(years, [200 + 12 * i for i in range(10)], populations)
    flat = trends.poisson_trend(years, [300, 310, 295, 305, 298, 302, 307, 296, 301, 299], populations)
    assert rising.direction == "rising" and rising.lower > 0
    assert flat.direction == "no significant trend"
    assert trends.poisson_trend([2020, 2021], [5, 6], [100, 100]) is None


def test_trend_test_solves_the_poisson_likelihood_equations():
    # Deaths 100, 0, 400 over equal populations: with r = exp(slope) the score equations
    # c(1 + r + r^2) = 500 and c(r + 2r^2) = 800 give r^2 - 1.5r - 4 = 0.
    result = trends.poisson_trend([0, 1, 2], [100, 0, 400], [1000, 1000, 1000])
    ratio = (1.5 + math.sqrt(1.5**2 + 16)) / 2
    assert result.annual_change == pytest.approx(ratio - 1, rel=1e-6)


def test_rate_funnel_names_the_unit_outside_the_limits(db):
    rows = [breakdowns.RateRow(f"P{n}", f"Panel {n}", 30, 100_000, 30.0, 0, 0) for n in range(8)] + [
        breakdowns.RateRow("HIGH", "High panel", 90, 100_000, 90.0, 0, 0)
    ]
    funnel = funnels.rate_funnel(rows)
    assert [point.label for point in funnel.outliers] == ["High panel"]
    assert funnel.outliers[0].outside == "above 99.8%"
    high = funnel.outliers[0]
    assert high.outer == tuple(stats.funnel_limits_rate(funnel.average, 90, confidence=0.998))


def test_proportion_funnel_uses_the_librarys_limits(db):
    rows = [modifiable._row(f"L{n}", f"LA {n}", 30, 100, 0) for n in range(5)] + [
        modifiable._row("LOW", "Low LA", 5, 100, 0)
    ]
    funnel = funnels.proportion_funnel(rows)
    low = next(point for point in funnel.points if point.key == "LOW")
    assert low.inner == tuple(stats.funnel_limits_proportion(funnel.average, 100, 0.95))
    assert low.outside == "below 99.8%"


def test_timeliness_by_panel(db):
    for days in (100, 150, 200, 400):
        MortalityRecordFactory(reviewed=True, days_to_review=days, panel="A panel")
    (row,) = timeliness.by_panel(MortalityRecord.objects.all())
    assert (row.reviewed, row.median_days, row.within_target) == (4, 175.0, 2)
    assert (row.within_share, row.within_lower, row.within_upper) == tuple(stats.wilson_ci(2, 4))


def test_emerging_hazard_is_found_with_the_deaths_behind_it(db):
    for month in range(1, 13):
        MortalityRecordFactory.create_batch(20, year_of_death=2023, month_of_death=month)
    MortalityRecordFactory(year_of_death=2023, month_of_death=3, circumstances="Swallowed a button battery.")
    recent = MortalityRecordFactory.create_batch(
        5, year_of_death=2024, month_of_death=2, circumstances="Swallowed a button battery at home."
    )
    MortalityRecordFactory.create_batch(40, year_of_death=2024, month_of_death=3)
    found = hazards.emerging_hazards(MortalityRecord.objects.all(), recent_months=2, baseline_months=12)
    assert len(found) == 1
    assert found[0].phrase.startswith("button battery")
    assert [record.pk for record in found[0].deaths] == [record.pk for record in recent]
    # Steady phrases (every death's "sepsis") are not flagged.
    assert "sepsis" not in found[0].phrase


def test_a_rise_below_the_minimum_count_is_not_flagged(db):
    for month in range(1, 13):
        MortalityRecordFactory.create_batch(5, year_of_death=2023, month_of_death=month)
    MortalityRecordFactory.create_batch(2, year_of_death=2024, month_of_death=2, circumstances="Blind cord.")
    assert hazards.emerging_hazards(MortalityRecord.objects.all(), minimum=3) == []


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: Filters.parse({"year": "1900"}, years=[2024], regions={}), "year must be"),
        (lambda: Filters.parse({"region": "X"}, years=[], regions={"E12000001": ""}), "region must be"),
        (lambda: Filters.parse({"age_band": "old"}, years=[], regions={}), "age_band must be"),
        (lambda: Filters.parse({"category": "11"}, years=[], regions={}), "category must be"),
        (lambda: breakdowns.rates_by(MortalityRecord.objects.all(), "shoe size", Filters()), "dimension must be"),
        (lambda: trends.poisson_trend([1, 2, 3], [1, 2], [1, 1, 1]), "one figure per year"),
        (lambda: trends.poisson_trend([1, 2, 3], [1, 2, 3], [1, 0, 1]), "populations must"),
        (lambda: trends.poisson_trend([1, 2, 3], [1, -2, 3], [1, 1, 1]), "deaths must not be negative"),
        (lambda: parse_financial_year("2025"), "year must look like 2025-26"),
        (lambda: parse_financial_year("2025-27"), "consecutive"),
        (lambda: hazards.emerging_hazards(MortalityRecord.objects.all(), minimum=0), "minimum"),
    ],
)
def test_bad_input_raises_value_error_naming_the_argument(db, call, message):
    with pytest.raises(ValueError, match=message):
        call()
