"""seed_demo's arrangements: every state across the demo areas, a yearly report, and idempotence."""

import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from safeguarding.arrangements.demo import seed_demo_arrangements
from safeguarding.arrangements.models import ArrangementsVersion, YearlyReport
from safeguarding.arrangements.transition import TransitionState, standings
from safeguarding.demo.seeding import SeedReport, seed_demo_world
from safeguarding.organisations.models import SafeguardingArea

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_world(db):
    """The whole demo world, as seed_demo makes it (arrangements included); returns its report."""
    call_command("load_reference_data", stdout=io.StringIO())
    return seed_demo_world("a-demo-password-for-tests", national_learning=False)


def test_demo_arrangements_cover_every_state_and_seed_twice_changes_nothing(demo_world):
    assert demo_world.created["arrangements versions"] == 4
    areas = list(SafeguardingArea.objects.filter(slug__in=["tees-valley", "leeds", "bristol"]))
    states = {a.slug: s.state for a, s in ((a, standings([a], None, timezone.localdate())[a.pk]) for a in areas)}
    assert states == {
        "tees-valley": TransitionState.PUBLISHED,
        "leeds": TransitionState.AWAITING_SIGN_OFF,
        "bristol": TransitionState.DRAFT,
    }
    assert list(
        ArrangementsVersion.objects.filter(area__slug="tees-valley").order_by("number").values_list("status", flat=True)
    ) == ["superseded", "published"]
    assert YearlyReport.objects.get(area__slug="tees-valley").status == "published"
    counts = (ArrangementsVersion.objects.count(), YearlyReport.objects.count())
    again = SeedReport()
    seed_demo_arrangements(again)
    assert sum(again.created.values()) == 0
    assert (ArrangementsVersion.objects.count(), YearlyReport.objects.count()) == counts
