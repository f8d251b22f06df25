"""Findings, recommendations and actions: named-field refusals, advisory flags, version checks, permissions."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from safeguarding.core.concurrency import StaleEdit
from safeguarding.core.models import AuditEvent
from safeguarding.incidents.actions import learning as actions
from safeguarding.incidents.factories import make_incident
from safeguarding.incidents.models import Action, Finding, Recommendation
from safeguarding.incidents.states import IncidentStatus
from safeguarding.organisations.factories import OrganisationFactory, person_with_role
from safeguarding.organisations.models import Role

from .conftest import verified

pytestmark = pytest.mark.django_db
D = datetime.date
TODAY = D(2026, 11, 26)


@pytest.fixture
def case(area, council, police):
    return make_incident(area, IncidentStatus.FINDINGS)


@pytest.fixture
def reviewer(area):
    return verified(person_with_role(Role.REVIEWER, area))


@pytest.fixture
def administrator(area):
    return verified(person_with_role(Role.AREA_ADMINISTRATOR, area))


def _finding(reviewer, case, council, **overrides):
    values = {
        "what_happened": "The health visitor did not know the child was on a child protection plan.",
        "why": "The health visiting system has no link to the plan; notifications go to a shared inbox.",
        "journey_stage": "planning",
        "kind": "problem",
        "agencies": [council],
    }
    values.update(overrides)
    return actions.add_finding(reviewer, case, **values)


def test_a_finding_says_what_and_why_with_stage_kind_and_agencies(case, reviewer, council):
    finding = _finding(reviewer, case, council)
    assert list(finding.agencies.all()) == [council]
    assert AuditEvent.objects.filter(verb="incident.finding_added").count() == 1


def test_a_finding_without_why_or_agencies_is_refused_naming_each_field(case, reviewer):
    with pytest.raises(ValidationError) as refused:
        actions.add_finding(reviewer, case, what_happened="", why=" ", journey_stage="x", kind="", agencies=[])
    assert set(refused.value.message_dict) == {"what_happened", "why", "journey_stage", "kind", "agencies"}
    assert "systemic or human factors" in refused.value.message_dict["why"][0]
    assert not Finding.objects.exists()


def test_an_agency_outside_the_area_is_an_unknown_organisation(case, reviewer):
    stranger = OrganisationFactory(name="Elsewhere Council")
    with pytest.raises(ValidationError, match="Unknown organisation: Elsewhere Council"):
        _finding(reviewer, case, stranger)


def test_findings_are_written_only_at_findings_by_inquiry_workers(area, council, reviewer, social_worker):
    with pytest.raises(ValidationError, match="while it is at findings"):
        _finding(reviewer, make_incident(area, IncidentStatus.LLI), council)
    with pytest.raises(PermissionDenied):
        _finding(social_worker, make_incident(area, IncidentStatus.FINDINGS), council)


def test_the_second_of_two_edits_of_a_finding_is_refused(case, reviewer, council):
    finding = _finding(reviewer, case, council)
    first, second = Finding.objects.get(pk=finding.pk), Finding.objects.get(pk=finding.pk)
    fields = {"why": "Caseloads of 30 left no time to read the plan.", "journey_stage": "planning", "kind": "problem"}
    actions.edit_finding(reviewer, first, 1, what_happened="First edit", agencies=[council], **fields)
    with pytest.raises(StaleEdit):
        actions.edit_finding(reviewer, second, 1, what_happened="Second edit", agencies=[council], **fields)
    assert Finding.objects.get(pk=finding.pk).what_happened == "First edit"


def test_a_vague_recommendation_is_saved_with_its_flags(case, reviewer):
    recommendation = actions.add_recommendation(
        reviewer,
        case,
        finding=None,
        addressee=None,
        change="Remind staff to consider sharing information",
        outcome="",
        due_on=None,
        today=TODAY,
    )
    flags = " ".join(recommendation.quality_flags)
    assert "remind staff" in flags and "consider" in flags
    assert "No addressee" in flags and "No measurable outcome" in flags and "No date" in flags


def test_a_smart_recommendation_has_no_flags(case, reviewer, council, police):
    finding = _finding(reviewer, case, council)
    recommendation = actions.add_recommendation(
        reviewer,
        case,
        finding=finding,
        addressee=police,
        change="Send every domestic abuse notification about a household with a baby to the health visitor.",
        outcome="Audit of 30 notifications shows 27 or more reached the health visitor within 2 working days.",
        due_on=D(2027, 3, 31),
        today=TODAY,
    )
    assert recommendation.quality_flags == []


def test_a_recommendation_needs_what_should_change_and_a_date_not_past(case, reviewer):
    with pytest.raises(ValidationError) as refused:
        actions.add_recommendation(
            reviewer, case, finding=None, addressee=None, change="", outcome="", due_on=D(2026, 1, 1), today=TODAY
        )
    assert set(refused.value.message_dict) == {"change", "due_on"}
    assert not Recommendation.objects.exists()


def test_actions_have_an_owner_a_due_date_and_evidence_when_done(case, reviewer, administrator):
    recommendation = actions.add_recommendation(
        reviewer, case, finding=None, addressee=None, change="A change", outcome="", due_on=None, today=TODAY
    )
    with pytest.raises(ValidationError) as refused:
        actions.add_action(administrator, recommendation, description="", owner="", due_on=None, today=TODAY)
    assert set(refused.value.message_dict) == {"description", "owner", "due_on"}
    action = actions.add_action(
        administrator,
        recommendation,
        description="Rewrite the template",
        owner="Principal social worker",
        due_on=D(2026, 12, 31),
        today=TODAY,
    )
    with pytest.raises(ValidationError, match="evidence of impact"):
        actions.update_action(administrator, action, action.version, status="done", evidence_of_impact="")
    actions.update_action(
        administrator, action, action.version, status="done", evidence_of_impact="Audit: 19 of 20 plans complete."
    )
    assert Action.objects.get(pk=action.pk).status == "done"
    assert not Action.objects.get(pk=action.pk).is_overdue(D(2027, 6, 1))


def test_overdue_actions_are_the_unfinished_past_their_date(case, reviewer, administrator):
    recommendation = actions.add_recommendation(
        reviewer, case, finding=None, addressee=None, change="A change", outcome="", due_on=None, today=TODAY
    )
    late = actions.add_action(
        administrator, recommendation, description="a", owner="b", due_on=D(2026, 12, 1), today=TODAY
    )
    actions.add_action(administrator, recommendation, description="c", owner="d", due_on=D(2027, 1, 1), today=TODAY)
    assert list(Action.objects.overdue(D(2026, 12, 15))) == [late]
