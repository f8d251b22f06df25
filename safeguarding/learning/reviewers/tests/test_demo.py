"""The demo register: each area's reviewer and ten others, a mix of states, assessments; seeded once."""

import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from safeguarding.core.testing import kept_for_the_module
from safeguarding.demo.seeding import SeedReport, seed_demo_world
from safeguarding.incidents.demo import seed_demo_incidents
from safeguarding.learning.reviewers import cpd, independence
from safeguarding.learning.reviewers.demo import seed_demo_reviewers
from safeguarding.learning.reviewers.models import Accreditation, CpdRecord, Employment, QualityAssessment, Reviewer
from safeguarding.organisations.models import SafeguardingArea

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def _seeded_once(django_db_setup, django_db_blocker):
    with kept_for_the_module(django_db_blocker):
        call_command("load_reference_data", stdout=io.StringIO())
        seed_demo_world("demo-password-for-tests")
        seed_demo_incidents(SeedReport())
        report = SeedReport()
        seed_demo_reviewers(report)
        yield report


@pytest.fixture
def demo(_seeded_once, db):
    """The demo world, seeded once for this module's tests; each test's changes are undone after it."""
    return _seeded_once


def _counts():
    return tuple(m.objects.count() for m in (Reviewer, Accreditation, CpdRecord, Employment, QualityAssessment))


def test_the_demo_register_is_varied_and_seeded_once(demo):
    assert Reviewer.objects.count() == 13
    # Each area's reviewer is a different person, with a name of her own.
    area_reviewers = Reviewer.objects.filter(user__email__startswith="reviewer.")
    assert sorted(area_reviewers.values_list("user__full_name", flat=True)) == [
        "Helen Marsh",
        "Rachel Dunmore",
        "Susan Elwood",
    ]
    assert QualityAssessment.objects.count() == 2
    before = _counts()
    again = SeedReport()
    seed_demo_reviewers(again)
    assert _counts() == before
    assert again.created["reviewers"] == 0 and again.created["quality assessments"] == 0

    today = timezone.localdate()
    register = list(independence.register())
    assert any(r.current_accreditation(today) is None for r in register)  # an expired accreditation
    assert any(not cpd.compliance(r, today.year).compliant for r in register)  # a CPD shortfall


def test_helen_marsh_is_eligible_for_her_areas_and_someone_is_excluded_for_recent_work(demo):
    leeds = SafeguardingArea.objects.get(slug="leeds")
    eligible, excluded = independence.eligible_reviewers(areas=[leeds])
    assert {r.name for r in eligible} >= {"Helen Marsh"}
    reasons = {r.name: why for r, why in excluded}
    assert "less than 5 years ago" in reasons["Alan Whitcombe"][0]
    tees = SafeguardingArea.objects.get(slug="tees-valley")
    tees_reasons = {r.name: why for r, why in independence.eligible_reviewers(areas=[tees])[1]}
    assert "current employment" in tees_reasons["Emeka Adeyemi"][0]
    assert "Helen Marsh" not in tees_reasons
