"""The demo fills the national table once (at the volume the settings ask for), adds the demo's own deaths, and
publishes the latest complete year's statistics."""

import datetime

from django.test import override_settings

from safeguarding.child_deaths.factories import make_case
from safeguarding.demo.seeding import SeedReport
from safeguarding.mortality.analysis.denominators import populations
from safeguarding.mortality.demo import latest_complete_financial_year, seed_demo_mortality
from safeguarding.mortality.models import MortalityRecord, Origin, Release

TODAY = datetime.date(2026, 11, 26)


def test_demo_seeding_is_idempotent_and_publishes_the_latest_complete_year(geography, area, client):
    make_case(area)
    report = SeedReport()
    seed_demo_mortality(report, today=TODAY)
    synthetic = MortalityRecord.objects.filter(origin=Origin.SYNTHETIC).count()
    assert 600 <= synthetic <= 760  # the test settings: two years at a tenth of national volume
    assert MortalityRecord.objects.filter(origin=Origin.REVIEW).count() == 1
    assert report.created["statistics releases"] == 1
    assert Release.objects.get().label == "2025-26"
    assert "year ending 31 March 2026" in client.get("/statistics/").content.decode()
    again = SeedReport()
    seed_demo_mortality(again, today=TODAY)
    assert again.created == {
        "national child death records from reviews": 0,
        "synthetic national child death records": 0,
        "statistics releases": 0,
    }
    assert MortalityRecord.objects.count() == synthetic + 1


def test_the_latest_complete_financial_year_ends_before_today():
    assert latest_complete_financial_year(datetime.date(2026, 11, 26)) == 2025
    assert latest_complete_financial_year(datetime.date(2026, 4, 1)) == 2025
    assert latest_complete_financial_year(datetime.date(2026, 3, 31)) == 2024


def test_at_national_volume_rates_are_englands_and_a_thin_older_demo_is_filled(geography):
    with override_settings(DEMO_MORTALITY_YEARS=2, DEMO_MORTALITY_SCALE=0.1):
        seed_demo_mortality(SeedReport(), today=TODAY)
    with override_settings(DEMO_MORTALITY_YEARS=3, DEMO_MORTALITY_SCALE=1.0):
        report = SeedReport()
        seed_demo_mortality(report, today=TODAY)
    assert report.created["synthetic national child death records"] > 9_000
    deaths = MortalityRecord.objects.filter(origin=Origin.SYNTHETIC, financial_year=2024).count()
    rate = 100_000 * deaths / populations([2024]).national
    assert 25 <= rate <= 35, rate  # England: about 30 deaths per 100,000 children a year
