"""The demo national inquiries: from the referral, from an alert, declined and published; seeded once."""

import datetime
import io

import pytest
from django.core.management import call_command

from safeguarding.core.testing import kept_for_the_module
from safeguarding.demo.seeding import SeedReport, seed_demo_world
from safeguarding.incidents.demo import seed_demo_incidents
from safeguarding.learning.intelligence.models import AlertStatus, RecurrenceAlert
from safeguarding.learning.nsci.demo import seed_demo_nsci
from safeguarding.learning.nsci.models import NationalInquiry, ProgressNote, TeamMember
from safeguarding.learning.nsci.states import InquiryStatus
from safeguarding.learning.repository.models import EntryKind, RepositoryEntry, Theme
from safeguarding.learning.reviewers.demo import seed_demo_reviewers

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def _seeded_once(django_db_setup, django_db_blocker):
    with kept_for_the_module(django_db_blocker):
        yield _seed()


@pytest.fixture
def demo(_seeded_once, db):
    """The demo world, seeded once for this module's tests; each test's changes are undone after it."""
    return _seeded_once


def _seed():
    """The demo world (which seeds the reviewers, the repository, its alerts and these inquiries too), with
    an open recurrence alert whether or not the demo corpus raised one."""
    call_command("load_reference_data", stdout=io.StringIO())
    seed_demo_world("demo-password-for-tests")
    seed_demo_incidents(SeedReport())
    seed_demo_reviewers(SeedReport())
    if not RecurrenceAlert.objects.filter(status=AlertStatus.OPEN).exists():
        RecurrenceAlert.objects.create(
            theme=Theme.objects.first(),
            window_start=datetime.date(2024, 11, 27),
            window_end=datetime.date(2026, 11, 26),
            report_count=9,
            area_count=5,
            minimum_reports=5,
            minimum_areas=3,
            window_months=24,
            raised_on=datetime.date(2026, 11, 20),
        )


def _counts():
    return tuple(model.objects.count() for model in (NationalInquiry, TeamMember, ProgressNote, RepositoryEntry))


def test_the_demo_has_an_inquiry_in_each_kind_of_state_made_by_the_actions(demo):
    seed_demo_nsci(SeedReport())  # whether or not seed_demo_world already called it
    by_status = dict(NationalInquiry.objects.values_list("title", "status"))
    assert sorted(by_status.values()) == sorted(
        [InquiryStatus.PUBLISHED, InquiryStatus.DECLINED, InquiryStatus.IN_PROGRESS, InquiryStatus.PROPOSED]
    )
    referral = NationalInquiry.objects.get(incident__isnull=False)
    assert referral.status == InquiryStatus.IN_PROGRESS and referral.team.exists()
    assert NationalInquiry.objects.get(recurrence_alert__isnull=False).status == InquiryStatus.PROPOSED
    published = NationalInquiry.objects.get(status=InquiryStatus.PUBLISHED)
    assert published.repository_entry.kind == EntryKind.NSCI_REPORT
    assert all(member.reviewer.user.full_name != "Alan Whitcombe" for member in referral.team.all())


def test_seeding_twice_creates_nothing(demo):
    seed_demo_nsci(SeedReport())
    before = _counts()
    again = SeedReport()
    seed_demo_nsci(again)
    assert _counts() == before
    assert again.created["national inquiries"] == 0
