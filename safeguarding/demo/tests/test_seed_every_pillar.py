"""seed_national's other pillars, at a small scale: every pillar filled through the rules its actions keep."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from safeguarding.child_deaths.models import CaseStatus, ChildDeathCase, LinkCandidate, NationalRecord, Notification
from safeguarding.core import audit
from safeguarding.core.models import AuditEvent
from safeguarding.demo import national
from safeguarding.demo.national import bulk
from safeguarding.incidents.models import Incident, IncidentStatusChange
from safeguarding.incidents.states import TRANSITIONS, IncidentStatus
from safeguarding.learning.repository.models import FindingTheme, RepositoryEntry, RepositoryFinding
from safeguarding.organisations.models import Membership, SafeguardingArea

TODAY = datetime.date(2026, 11, 26)
pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker):
    """Once for the module (the seeding is the costly part): 3 years at 3% of national volume."""
    with django_db_blocker.unblock():
        call_command("load_reference_data", stdout=io.StringIO())
        counts, _timings = national.seed_every_pillar(
            audit.Actor.system("tests"), 3, seed=3, scale=0.03, today=TODAY, reports=40
        )
        yield counts
        # A module-scoped fixture outside the per-test transaction: leave the database as it was found.
        from safeguarding.core.testing import reload_migration_data

        call_command("flush", verbosity=0, interactive=False)
        reload_migration_data()


def test_every_pillar_has_rows(seeded):
    assert SafeguardingArea.objects.filter(slug__startswith="nat-").count() == seeded["safeguarding areas"] >= 4
    assert Membership.objects.count() == seeded["people"]
    assert Incident.objects.count() == seeded["serious incident notifications"] > 0
    assert RepositoryEntry.objects.count() == seeded["repository entries"] >= 40
    # A death's case, and a case of its own for each recent notification whose link waits for a decision.
    open_or_closed = ChildDeathCase.objects.exclude(status=CaseStatus.MERGED).count()
    assert open_or_closed == seeded["child death cases"] + seeded["links proposed"]
    assert Notification.objects.count() == seeded["child death notifications"] > seeded["child death cases"]


def test_incident_histories_follow_the_transitions_table(seeded):
    for incident in Incident.objects.prefetch_related("status_changes"):
        changes = list(incident.status_changes.order_by("changed_at", "pk"))
        state = IncidentStatus.DRAFT
        for change in changes:
            assert change.from_state == state
            TRANSITIONS.check(change.from_state, change.to_state)
            state = change.to_state
        assert incident.status == state
        assert (incident.submitted_at is None) == (incident.status == IncidentStatus.DRAFT)
    assert IncidentStatusChange.objects.filter(changed_at__date__lt=TODAY.replace(year=2024)).exists()


def test_closed_deaths_have_a_final_review_and_a_national_record(seeded):
    closed = ChildDeathCase.objects.filter(status=CaseStatus.CLOSED)
    assert closed.exists()
    assert NationalRecord.objects.count() == closed.count()
    assert not closed.filter(panel_review__final=False).exists()
    for case in ChildDeathCase.objects.filter(status=CaseStatus.MERGED)[:20]:
        assert case.merged_into.status != CaseStatus.MERGED
        assert not case.notifications.exists()
    assert LinkCandidate.objects.filter(decision=LinkCandidate.Decision.CONFIRMED).exists()
    assert ChildDeathCase.objects.filter(reference__startswith="CD-NEW").count() == 0


def test_repository_is_coded_but_for_the_latest_findings(seeded):
    uncoded = RepositoryFinding.objects.filter(coded_at__isnull=True)
    assert uncoded.count() == min(national.repository.UNCODED, RepositoryFinding.objects.count())
    assert FindingTheme.objects.exists()
    assert (
        RepositoryEntry.objects.filter(incident__isnull=False).count()
        == Incident.objects.filter(status=IncidentStatus.SUBMITTED_NATIONAL).count()
    )


def test_the_audit_chain_verifies_and_names_what_was_done(seeded):
    assert audit.verify_chain().ok
    assert AuditEvent.objects.count() == seeded["audit events"]
    verbs = set(AuditEvent.objects.values_list("verb", flat=True).distinct())
    assert {"incident.notified", "child_death.notified", "repository.entry_added", "membership.granted"} <= verbs


def test_rows_go_in_statements_of_a_bounded_size(db):
    from safeguarding.organisations.models import Organisation

    with CaptureQueriesContext(connection) as queries:
        bulk.insert(Organisation, [Organisation(kind="other", name=f"Agency {n}") for n in range(25)], batch_size=10)
    assert len([q for q in queries if q["sql"].startswith("INSERT")]) == 3
