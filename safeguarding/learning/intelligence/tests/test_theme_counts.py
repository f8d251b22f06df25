"""Counts per theme: coded findings, distinct reports and distinct areas, current editions only."""

import datetime

import pytest

from safeguarding.learning.intelligence import analysis
from safeguarding.learning.repository.actions import Incoming, IncomingFinding, receive
from safeguarding.learning.repository.factories import code, make_entry
from safeguarding.learning.repository.models import Theme
from safeguarding.organisations.models import Region

from .builders import coded_report

pytestmark = pytest.mark.django_db

JANUARY, DECEMBER = datetime.date(2026, 1, 1), datetime.date(2026, 12, 31)


def _by_slug(counts):
    return {count.theme.slug: count for count in counts}


def test_findings_reports_and_areas_are_counted_separately():
    two_findings = make_entry(
        area_name="Area A",
        published_on=datetime.date(2026, 3, 1),
        findings=(("Baby often hungry.", ""), ("Home was cold.", "")),
    )
    for finding in two_findings.current_findings():
        code(finding, "neglect")
    coded_report("Area A", datetime.date(2026, 4, 1), "neglect", "domestic-abuse")
    coded_report("Area B", datetime.date(2026, 5, 1), "neglect")

    counts = _by_slug(analysis.theme_counts(JANUARY, DECEMBER))

    assert (counts["neglect"].findings, counts["neglect"].reports, counts["neglect"].areas) == (4, 3, 2)
    assert (counts["domestic-abuse"].findings, counts["domestic-abuse"].reports) == (1, 1)
    assert list(counts) == ["neglect", "domestic-abuse"]  # most reports first; uncoded themes left out


def test_the_period_and_the_region_choose_the_reports():
    north = Region.objects.create(code="E12000001", name="North East")
    coded_report("Area A", datetime.date(2025, 12, 31), "neglect")
    coded_report("Area A", datetime.date(2026, 1, 1), "neglect", region=north)
    coded_report("Area B", datetime.date(2026, 12, 31), "neglect")

    assert _by_slug(analysis.theme_counts(JANUARY, DECEMBER))["neglect"].reports == 2
    assert _by_slug(analysis.theme_counts(JANUARY, DECEMBER, region=north))["neglect"].reports == 1
    assert _by_slug(analysis.theme_counts(None, None))["neglect"].reports == 3


def test_only_the_current_edition_counts():
    incoming = Incoming(
        source_key="import:corrected",
        kind="lli_report",
        title="Child C",
        summary="Summary",
        area_name="Area A",
        published_on=datetime.date(2026, 2, 1),
        findings=[IncomingFinding("Baby often hungry.")],
    )
    entry, _ = receive(incoming, today=datetime.date(2026, 2, 1))
    code(entry.current_findings().get(), "neglect")
    incoming.findings = [IncomingFinding("Baby often hungry and the home was cold.")]
    entry, _ = receive(incoming, today=datetime.date(2026, 3, 1))
    assert entry.edition == 2

    assert "neglect" not in _by_slug(analysis.theme_counts(JANUARY, DECEMBER))
    code(entry.current_findings().get(), "neglect")
    assert _by_slug(analysis.theme_counts(JANUARY, DECEMBER))["neglect"].findings == 1


def test_uncoded_findings_do_not_count_and_public_only_leaves_out_unpublished_summaries():
    make_entry(area_name="Area A", published_on=datetime.date(2026, 3, 1))
    coded_report("Area B", datetime.date(2026, 3, 1), "neglect", is_public=False, kind="rapid_inquiry")

    assert _by_slug(analysis.theme_counts(JANUARY, DECEMBER))["neglect"].reports == 1
    assert analysis.theme_counts(JANUARY, DECEMBER, public_only=True) == []
    assert len(analysis.theme_counts(JANUARY, DECEMBER, include_empty=True)) == Theme.objects.count()


def test_a_theme_trend_counts_each_year():
    coded_report("Area A", datetime.date(2024, 5, 1), "neglect")
    coded_report("Area A", datetime.date(2026, 5, 1), "neglect")
    coded_report("Area B", datetime.date(2026, 7, 1), "neglect")
    neglect = Theme.objects.get(slug="neglect")

    trend = analysis.theme_trend(neglect, [2024, 2025, 2026])

    assert [(row.year, row.reports, row.areas) for row in trend] == [(2024, 1, 1), (2025, 0, 0), (2026, 2, 2)]
    assert analysis.coded_years() == [2024, 2026]
