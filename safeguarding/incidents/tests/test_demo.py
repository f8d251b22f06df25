"""The demo serious incidents: every state of the journey, taken there by the real actions, seeded once."""

import io

import pytest
from django.core.management import call_command

from safeguarding.core.testing import kept_for_the_module
from safeguarding.demo.seeding import SeedReport, seed_demo_world
from safeguarding.incidents.demo import seed_demo_incidents
from safeguarding.incidents.demo_cases import CASES
from safeguarding.incidents.models import Action, Finding, Incident, Recommendation
from safeguarding.incidents.states import IncidentStatus

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def _seeded_once(django_db_setup, django_db_blocker):
    with kept_for_the_module(django_db_blocker):
        call_command("load_reference_data", stdout=io.StringIO())
        seed_demo_world("demo-password-for-tests", national_learning=False)
        yield


@pytest.fixture
def demo_world(_seeded_once, db):
    """The demo world, seeded once for this module's tests; each test's changes are undone after it."""


def _counts():
    return tuple(model.objects.count() for model in (Incident, Finding, Recommendation, Action))


def test_every_state_is_seeded_in_both_people_areas(demo_world):
    seed_demo_incidents(SeedReport())  # whether or not seed_demo_world already called it
    assert Incident.objects.count() == len(CASES) == 10
    assert set(Incident.objects.values_list("status", flat=True)) == set(IncidentStatus.values)
    assert set(Incident.objects.values_list("area__slug", flat=True)) == {"tees-valley", "leeds"}


def test_seeding_twice_creates_nothing(demo_world):
    seed_demo_incidents(SeedReport())
    before = _counts()
    again = SeedReport()
    seed_demo_incidents(again)
    assert _counts() == before
    assert again.created["serious incidents"] == 0


def test_the_learning_reads_like_a_real_review(demo_world):
    seed_demo_incidents(SeedReport())
    assert all(len(f.why) > 80 for f in Finding.objects.all())
    smart = [r for r in Recommendation.objects.all() if not r.quality_flags]
    flagged = [r for r in Recommendation.objects.all() if r.quality_flags]
    assert len(smart) >= 6
    assert len(flagged) == 1 and "Vague wording" in flagged[0].quality_flags[0]


def test_published_reports_carry_no_child_name_and_the_drafted_one_awaits_redaction(demo_world):
    seed_demo_incidents(SeedReport())
    for incident in Incident.objects.filter(status__in=["published", "submitted_national"]):
        names = incident.child.unseal()
        text = " ".join(incident.report.published_sections.values())
        assert incident.report.published_sections
        assert names["family_name"] not in text and names["given_names"].split()[0] not in text
    drafted = Incident.objects.get(status="report_drafted")
    assert drafted.report.published_sections == {}
    assert "Farrowdale" in drafted.report.background  # the redaction step has something to find


def test_an_overdue_action_and_a_running_pause_are_there_to_see(demo_world):
    import datetime

    seed_demo_incidents(SeedReport())
    assert Action.objects.overdue(datetime.date(2026, 11, 26)).count() >= 2
    assert Incident.objects.filter(pauses__isnull=False).count() == 1
