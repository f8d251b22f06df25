"""The annual report's figures against a small hand-built year (tests/dataset.py)."""

import datetime

import pytest

from safeguarding.learning.intelligence.models import RecurrenceAlert
from safeguarding.learning.national_reports.assembly import assemble_figures
from safeguarding.learning.repository.models import Theme

from .dataset import build_incidents, build_national_inquiries, build_repository

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 3, 1)


@pytest.fixture
def figures(area, other_area):
    build_incidents(area, other_area)
    build_repository()
    build_national_inquiries()
    neglect = Theme.objects.get(slug="neglect")
    for raised_on in (datetime.date(2025, 6, 1), datetime.date(2024, 6, 1)):
        RecurrenceAlert.objects.create(
            theme=neglect,
            window_start=raised_on - datetime.timedelta(days=700),
            window_end=raised_on,
            report_count=6,
            area_count=3,
            minimum_reports=5,
            minimum_areas=3,
            window_months=24,
            raised_on=raised_on,
            status="dismissed" if raised_on.year == 2024 else "open",
        )
    return assemble_figures(2025, today=TODAY)


def test_counts_of_the_local_journey_by_the_dates_that_put_each_in_the_year(figures):
    assert figures["incidents"] == {
        "notifications": 2,
        "rapid_inquiries": 2,
        "rapid_inquiry_decisions": 3,
        "llis_begun": 1,
        "referrals_for_nsci": 1,
        "llis_completed": 1,
        "lli_reports_published": 1,
    }
    assert figures["repository"] == {"reports": 3, "public_reports": 3}


def _clock(figures, key):
    return next(row for row in figures["timeliness"] if row["key"] == key)


def test_timeliness_by_clock_counts_working_days_around_bank_holidays(figures):
    decision = _clock(figures, "incident-rapid-inquiry-decision")
    # Easter case on time only because three bank holidays do not count; referral late; winter on time.
    assert (decision["completed"], decision["on_time"]) == (3, 2)
    assert decision["median_days"] == 23
    assert decision["length"] == "15 working days"
    notify = _clock(figures, "incident-notify")
    assert (notify["completed"], notify["on_time"], notify["median_days"]) == (2, 2, 2.5)
    lli = _clock(figures, "incident-lli-completion")
    assert (lli["completed"], lli["on_time"], lli["median_days"]) == (1, 1, 83)
    publication = _clock(figures, "incident-publication")
    assert (publication["completed"], publication["on_time"], publication["median_days"]) == (1, 1, 21)


def test_national_inquiries_by_proposal_decision_and_their_clocks(figures):
    assert figures["national_inquiries"] == {"proposed": 1, "accepted": 1, "published": 0}
    decision = _clock(figures, "nsci-decision")
    assert (decision["completed"], decision["on_time"], decision["median_days"]) == (2, 1, 52.5)  # 25 and 80 days
    team = _clock(figures, "nsci-team-appointed")
    assert (team["completed"], team["on_time"], team["median_days"]) == (1, 1, 41)


def test_every_clock_of_the_policy_table_has_a_line_even_with_nothing_completed(figures):
    assert [row["key"] for row in figures["timeliness"]] == [
        "incident-notify",
        "incident-rapid-inquiry-decision",
        "incident-lli-completion",
        "incident-publication",
        "nsci-decision",
        "nsci-team-appointed",
        "nsci-report",
    ]
    report = _clock(figures, "nsci-report")
    assert (report["completed"], report["median_days"]) == (0, None)


def test_leading_themes_count_distinct_reports_and_areas_of_the_year_only(figures):
    assert [(t["slug"], t["reports"], t["areas"], t["findings"]) for t in figures["themes"]] == [
        ("neglect", 3, 2, 3),
        ("domestic-abuse", 1, 1, 1),
    ]


def test_only_the_recurrence_alerts_raised_in_the_year(figures):
    assert [(a["slug"], a["raised_on"], a["reports"], a["areas"]) for a in figures["alerts"]] == [
        ("neglect", "2025-06-01", 6, 3)
    ]


def test_the_snapshot_is_plain_json(figures):
    import json

    assert json.loads(json.dumps(figures)) == figures


def test_an_empty_year_assembles_zeros(db):
    figures = assemble_figures(2019, today=TODAY)
    assert set(figures["incidents"].values()) == {0}
    assert figures["themes"] == [] and figures["alerts"] == []
    assert figures["repetition"]["recommendations"] == 0
