"""The demo adds a small synthetic national dataset once, and the demo's own deaths."""

import datetime

from safeguarding.child_deaths.factories import make_case
from safeguarding.demo.seeding import SeedReport
from safeguarding.mortality.demo import seed_demo_mortality
from safeguarding.mortality.models import MortalityRecord, Origin


def test_demo_seeding_is_small_and_idempotent(geography, area):
    make_case(area)
    report = SeedReport()
    seed_demo_mortality(report, today=datetime.date(2026, 11, 26))
    synthetic = MortalityRecord.objects.filter(origin=Origin.SYNTHETIC).count()
    assert 600 <= synthetic <= 760
    assert MortalityRecord.objects.filter(origin=Origin.REVIEW).count() == 1
    again = SeedReport()
    seed_demo_mortality(again, today=datetime.date(2026, 11, 26))
    assert again.created == {
        "national child death records from reviews": 0,
        "synthetic national child death records": 0,
    }
    assert MortalityRecord.objects.count() == synthetic + 1
