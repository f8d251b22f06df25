"""Demo data for the national child mortality database: the demo's own child deaths, plus a small
synthetic national dataset (two years at a tenth of national volume) so the dashboard has patterns."""

from django.utils import timezone

from safeguarding.core import audit

from .actions.ingest import sync_from_child_deaths
from .actions.seeding import seed_national
from .models import MortalityRecord, Origin

DEMO_YEARS = 2
DEMO_SCALE = 0.1


def seed_demo_mortality(report, *, today=None):
    """Idempotent: synthetic records are made once (left alone when any exist); the sync only adds new deaths."""
    actor = audit.Actor.system("seed_demo")
    created, _, _ = sync_from_child_deaths(actor)
    for _ in range(created):
        report.count("national child death records from reviews", True)
    report.count("national child death records from reviews", False)
    if MortalityRecord.objects.filter(origin=Origin.SYNTHETIC).exists():
        report.count("synthetic national child death records", False)
        return
    result = seed_national(actor, DEMO_YEARS, seed=2026, today=today or timezone.localdate(), scale=DEMO_SCALE)
    for _ in range(result.created):
        report.count("synthetic national child death records", True)
