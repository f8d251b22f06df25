"""Funnel plots people can read: axes with ticks and values, every point named on hover, the units outside the
limits listed beside the chart, and the long tables of every unit collapsed under it."""

import dataclasses
import io
import re

import pytest
from django.core.management import call_command

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


def test_every_point_is_reached_by_keyboard_and_named_inside_a_group_not_an_image():
    funnel = _funnel()
    chart = svg.funnel_chart(
        "chart-test", "Panels", funnel, x_label="Children (child-years)", y_label="Rate per 100,000"
    )

    # An image may not hold focusable parts (axe: nested focusable content): the chart is a labelled group.
    assert re.match(r'<svg [^>]*role="group" aria-labelledby="chart-test-title chart-test-desc"', chart)
    assert 'role="img"' not in chart.split("<circle", 1)[0]
    # The axes and limit lines are hidden from assistive technology; their story is in the description.
    hidden = re.search(r'<g aria-hidden="true">(.*?)</g>', chart, re.DOTALL)[1]
    assert "<polyline" in hidden and "<circle" not in hidden
    points = re.findall(r"<circle ([^>]*)><title>([^<]+)</title></circle>", chart)
    assert len(points) == len(funnel.points)
    for attributes, title in points:
        assert 'tabindex="0"' in attributes and 'role="img"' in attributes
        assert f'aria-label="{title}"' in attributes
    # Tab goes left to right, as the points are drawn (fewest children first).
    xs = [float(re.search(r'cx="([\d.]+)"', attributes)[1]) for attributes, _ in points]
    assert xs == sorted(xs)
    assert re.search(r'<circle id="chart-test-point-HIGH" class="chart-point chart-point--outside"', chart)


def test_the_point_id_is_safe_whatever_the_units_code():
    point = dataclasses.replace(_funnel().points[0], key="E06 000/1")
    assert svg.point_id("chart-x", point) == "chart-x-point-E06-000-1"


def test_the_table_lists_the_units_outside_the_limits_and_collapses_when_long():
    table = funnel_table("funnel-test", "Panels", "Panel", _funnel(), x_title="Children (child-years)", percent=False)
    assert table.highlights == [("Above 99.8% limit", [("High panel", "#chart-funnel-test-point-HIGH")])]
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
    # Each name beside a chart links to its point there.
    for anchor in re.findall(r'<li><a class="govuk-link" href="#([^"]+)">', main):
        assert f'<circle id="{anchor}"' in main
    assert 'class="chart-axis chart-axis--x"' in main and 'class="chart-axis chart-axis--y"' in main
    # The 150-odd local authorities' rows are one click away, not 150 rows of page.
    assert re.search(r'<details class="govuk-details">\s*<summary[^>]*>\s*<span[^>]*>All \d+ rows of', main)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_points_are_reached_with_the_keyboard_and_the_page_passes_axe(page, page_log):
    from playwright.sync_api import expect

    from safeguarding.core.tests.browser import assert_accessible, sign_in_with_both_factors
    from safeguarding.organisations.factories import person_with_role
    from safeguarding.organisations.models import Role

    call_command("load_reference_data", stdout=io.StringIO())
    codes = list(LocalAuthority.objects.order_by("code").values_list("code", flat=True)[:25])
    for code in codes:
        MortalityRecordFactory.create_batch(2, year_of_death=2024, la_code=code)
    MortalityRecordFactory.create_batch(60, year_of_death=2024, la_code=codes[0])
    sign_in_with_both_factors(page, person_with_role(Role.NATIONAL_ANALYST))

    page.goto("/mortality/funnels/")
    assert_accessible(page)

    # The first name listed beside the first chart takes the keyboard to its point, which names itself.
    outlier = page.locator(".mortality-outliers ~ ul a").first
    name = outlier.inner_text().removesuffix(" on the chart").strip()
    outlier.focus()
    page.keyboard.press("Enter")
    focused = page.locator(":focus")
    expect(focused).to_have_attribute("role", "img")
    expect(focused).to_have_attribute("aria-label", re.compile(rf"^{re.escape(name)}: .*limit$"))
    # Tab goes on to the next point of the same chart.
    page.keyboard.press("Tab")
    expect(page.locator(":focus")).to_have_class(re.compile(r"\bchart-point\b"))
    page_log.assert_clean()
