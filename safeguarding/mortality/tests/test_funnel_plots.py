"""Funnel plots people can read: axes with ticks and values, every point named on hover, the units outside the
limits listed beside the chart, and the long tables of every unit collapsed under it."""

import re

import pytest

from safeguarding.mortality.analysis import breakdowns, funnels
from safeguarding.mortality.charts import svg
from safeguarding.mortality.factories import MortalityRecordFactory
from safeguarding.mortality.tables import Table, funnel_table
from safeguarding.organisations.models import LocalAuthority


def _funnel():
    rows = [
        breakdowns.RateRow(f"P{n}", f"Panel {n}", 30 * (n + 1), 100_000 * (n + 1), 30.0, 0, 0) for n in range(24)
    ] + [breakdowns.RateRow("HIGH", "High panel", 90, 100_000, 90.0, 0, 0)]
    return funnels.rate_funnel(rows)


def test_ticks_are_round_numbers_across_the_range():
    assert svg.nice_ticks(0.9, 11.0, count=6) == [2, 4, 6, 8, 10]
    assert svg.nice_ticks(0, 1) == [0, 0.2, 0.4, 0.6, 0.8, 1.0]
    assert svg.log_ticks(90_000, 2_750_000) == [100_000, 200_000, 500_000, 1_000_000, 2_000_000]
    # More than two powers of ten: the powers alone, or the labels would crowd each other.
    assert svg.log_ticks(900, 2_750_000) == [1_000, 10_000, 100_000, 1_000_000]


def test_the_chart_has_valued_axes_and_names_every_point():
    funnel = _funnel()
    chart = svg.funnel_chart(
        "chart-test", "Panels", funnel, x_label="Children (child-years)", y_label="Rate per 100,000"
    )

    y_values = re.findall(r'<text class="chart-axis chart-axis--y"[^>]*>([^<]+)</text>', chart)
    x_values = re.findall(r'<text class="chart-axis chart-axis--x"[^>]*>([^<]+)</text>', chart)
    assert len(y_values) >= 3 and all(re.fullmatch(r"[\d,.]+", value) for value in y_values)
    assert "100,000" in x_values and "1,000,000" in x_values
    titles = re.findall(r"<circle[^>]*><title>([^<]+)</title></circle>", chart)
    assert len(titles) == len(funnel.points)
    assert "High panel: rate per 100,000 90.0; children (child-years) 100,000; above 99.8% limit" in titles
    # The description, read with the chart (role="img"), names the unit outside the limits.
    assert re.search(r"<desc [^>]*>[^<]*Outside the limits: High panel \(above 99\.8%\)", chart)


def test_the_table_lists_the_units_outside_the_limits_and_collapses_when_long():
    table = funnel_table("funnel-test", "Panels", "Panel", _funnel(), x_title="Children (child-years)", percent=False)
    assert table.highlights == [("Above 99.8% limit", ["High panel"])]
    assert table.collapsed
    short = Table("short", "Short", [("Panel", False)], [["A"]] * Table.COLLAPSE_ABOVE)
    assert not short.collapsed and short.highlights is None


@pytest.mark.django_db
def test_the_funnels_page_shows_the_list_beside_the_chart_and_the_figures_in_details(
    client, sign_in, national_analyst, geography
):
    for code in LocalAuthority.objects.order_by("code").values_list("code", flat=True)[:25]:
        MortalityRecordFactory.create_batch(2, year_of_death=2024, la_code=code)
    sign_in(national_analyst)
    html = client.get("/mortality/funnels/").content.decode()
    main = html.split("<main")[1].split("</main>")[0]
    # Beside each chart drawn: the two death-rate funnels (these deaths have no reviews for the other two).
    assert main.count('<h3 class="govuk-heading-s mortality-outliers">Outside the limits</h3>') == 2
    assert 'class="chart-axis chart-axis--x"' in main and 'class="chart-axis chart-axis--y"' in main
    # The 150-odd local authorities' rows are one click away, not 150 rows of page.
    assert re.search(r'<details class="govuk-details">\s*<summary[^>]*>\s*<span[^>]*>All \d+ rows of', main)
