"""Coded reports for the intelligence tests, made through the repository's real intake."""

import datetime

from safeguarding.learning.repository.factories import code, make_entry


def coded_report(area_name, published_on, *themes, recommendations=(), **facts):
    """A report of `area_name` published on `published_on` whose one finding is coded with `themes`."""
    entry = make_entry(
        area_name=area_name,
        published_on=published_on,
        findings=(("Home conditions were poor.", "Neglect was not named."),),
        recommendations=recommendations or (f"Partners in {area_name} should act on finding one.",),
        **facts,
    )
    if themes:
        code(entry.current_findings().get(), *themes)
    return entry


def reports_across_areas(theme, reports, areas, *, published_on=datetime.date(2026, 6, 1)):
    """`reports` reports coded with `theme`, spread round-robin over `areas` distinct areas."""
    return [
        coded_report(f"Area {index % areas} Safeguarding Partnership", published_on, theme) for index in range(reports)
    ]
