"""The demo child deaths: every state, several agencies with typos, idempotent."""

import io

import pytest
from django.core.management import call_command

from safeguarding.demo.seeding import SeedReport, seed_demo_world

from ..demo import seed_demo_child_deaths
from ..models import CaseStatus, ChildDeathCase, LinkCandidate, NationalRecord, Notification, ThemedMeeting


@pytest.fixture
def demo_world(db):
    call_command("load_reference_data", stdout=io.StringIO())
    seed_demo_world("a-long-demo-password", national_learning=False)


def test_demo_deaths_cover_every_state_and_the_linkage(demo_world):
    report = SeedReport()
    seed_demo_child_deaths(report)
    statuses = set(ChildDeathCase.objects.values_list("status", flat=True))
    assert statuses == set(CaseStatus.values)
    assert Notification.objects.filter(link_method=Notification.LinkMethod.NHS_NUMBER).exists()
    assert LinkCandidate.objects.filter(decision="confirmed").count() == 1
    assert LinkCandidate.objects.filter(decision="proposed").count() >= 1
    assert NationalRecord.objects.count() == 2
    assert ThemedMeeting.objects.count() == 1
    assert ChildDeathCase.objects.exclude(panel_review__serious_incident_prompted_at=None).count() == 1
    leeds_place = ChildDeathCase.objects.filter(area__slug="tees-valley", place_of_death_area__slug="leeds")
    assert leeds_place.count() == 1

    counts = (ChildDeathCase.objects.count(), Notification.objects.count(), LinkCandidate.objects.count())
    again = SeedReport()
    seed_demo_child_deaths(again)
    assert (ChildDeathCase.objects.count(), Notification.objects.count(), LinkCandidate.objects.count()) == counts
    assert again.created["child deaths"] == 0
