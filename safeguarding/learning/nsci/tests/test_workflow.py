"""Proposal, criteria, decision and every later transition: allowed where the table says, refused elsewhere."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from safeguarding.core.concurrency import StaleEdit
from safeguarding.core.models import AuditEvent
from safeguarding.core.state_machine import TransitionNotAllowed
from safeguarding.incidents.factories import make_incident
from safeguarding.incidents.states import IncidentStatus
from safeguarding.learning.intelligence.models import RecurrenceAlert
from safeguarding.learning.nsci.actions import decision, proposal, report, setup
from safeguarding.learning.nsci.factories import make_inquiry
from safeguarding.learning.nsci.models import InquirySource
from safeguarding.learning.nsci.models.inquiry import Decision
from safeguarding.learning.nsci.states import TRANSITIONS, InquiryStatus
from safeguarding.learning.repository.models import Theme
from safeguarding.learning.reviewers.factories import make_reviewer
from safeguarding.organisations.factories import person_with_role
from safeguarding.organisations.models import Role

pytestmark = pytest.mark.django_db
S = InquiryStatus
DAY = datetime.date(2026, 11, 2)


def _propose(by, areas, **fields):
    fields.setdefault("source", InquirySource.ANALYST)
    fields.setdefault("title", "Unknown adult males")
    fields.setdefault("summary_of_concern", "Reports across areas miss the adults in a baby's home.")
    return proposal.propose(by, areas=areas, today=DAY, **fields)


def test_an_analyst_proposes_with_a_reference_history_and_audit(analyst, area, other_area, council):
    inquiry = _propose(analyst, [area, other_area])
    second = _propose(analyst, [area])
    assert (inquiry.reference, second.reference) == ("NSCI-2026-01", "NSCI-2026-02")
    assert inquiry.status == S.PROPOSED
    assert [c.to_state for c in inquiry.status_changes.all()] == [S.PROPOSED]
    assert list(inquiry.agencies.all()) == [council]  # the areas' partners by default
    assert AuditEvent.objects.filter(verb="nsci.proposed", target_id=str(inquiry.pk)).exists()


def test_a_proposal_names_its_missing_fields(analyst):
    with pytest.raises(ValidationError) as refused:
        proposal.propose(analyst, source="", title=" ", summary_of_concern="", areas=[], today=DAY)
    assert set(refused.value.message_dict) == {"source", "title", "summary_of_concern", "areas"}


def test_area_people_and_analysts_are_refused_where_they_may_not_act(analyst, area):
    practitioner = person_with_role(Role.PRACTITIONER, area)
    with pytest.raises(PermissionDenied):
        _propose(practitioner, [area])
    inquiry = _propose(analyst, [area])
    with pytest.raises(PermissionDenied):
        decision.decide(analyst, inquiry, inquiry.version, decision=Decision.DECLINE, reasons="No")


def test_a_referral_needs_an_incident_referred_and_not_yet_proposed(analyst, area):
    referred = make_incident(area, IncidentStatus.REFERRED_NSCI)
    not_referred = make_incident(area, IncidentStatus.LLI)
    with pytest.raises(ValidationError) as refused:
        _propose(analyst, [area], source=InquirySource.REFERRAL, incident=not_referred)
    assert "has not been referred" in refused.value.message_dict["incident"][0]
    inquiry = _propose(analyst, [area], source=InquirySource.REFERRAL, incident=referred)
    assert inquiry.incident == referred
    with pytest.raises(ValidationError) as twice:
        _propose(analyst, [area], source=InquirySource.REFERRAL, incident=referred)
    assert f"already been proposed as {inquiry.reference}" in twice.value.message_dict["incident"][0]


def test_an_alert_proposal_prefills_the_recurring_criterion(analyst, area, other_area):
    alert = RecurrenceAlert.objects.create(
        theme=Theme.objects.first(),
        window_start=datetime.date(2024, 11, 1),
        window_end=datetime.date(2026, 10, 31),
        report_count=7,
        area_count=4,
        minimum_reports=5,
        minimum_areas=3,
        window_months=24,
        raised_on=DAY,
    )
    with pytest.raises(ValidationError) as refused:
        _propose(analyst, [area], source=InquirySource.RECURRENCE_ALERT)
    assert "recurrence_alert" in refused.value.message_dict
    inquiry = _propose(analyst, [area, other_area], source=InquirySource.RECURRENCE_ALERT, recurrence_alert=alert)
    suggested = decision.suggested_criteria(inquiry)
    assert suggested["recurring"]["met"] is True
    assert "7 reports from 4 areas" in suggested["recurring"]["note"]
    assert suggested["crosses_boundaries"]["met"] is True


def test_assessment_needs_a_note_for_each_met_criterion(analyst, administrator, area):
    inquiry = _propose(analyst, [area])
    with pytest.raises(ValidationError) as refused:
        decision.assess(administrator, inquiry, inquiry.version, answers={"trafficking": (True, " ")}, today=DAY)
    assert "trafficking_note" in refused.value.message_dict
    inquiry.refresh_from_db()
    assert inquiry.status == S.PROPOSED
    decision.assess(administrator, inquiry, inquiry.version, answers={"trafficking": (True, "Across borders")})
    assert inquiry.status == S.UNDER_ASSESSMENT
    assert inquiry.criteria_met == ["Trafficking"]


def test_a_decision_needs_reasons_and_acceptance_needs_a_criterion_met(analyst, administrator, area):
    inquiry = _propose(analyst, [area])
    with pytest.raises(ValidationError) as refused:
        decision.decide(administrator, inquiry, inquiry.version, decision="", reasons="")
    assert set(refused.value.message_dict) == {"decision", "decision_reasons"}
    with pytest.raises(ValidationError) as unmet:
        decision.decide(administrator, inquiry, inquiry.version, decision=Decision.ACCEPT, reasons="Grave")
    assert "at least one of the criteria" in unmet.value.message_dict["decision"][0]
    decision.assess(administrator, inquiry, inquiry.version, answers={"gravity": (False, "")})
    with pytest.raises(ValidationError):
        decision.decide(administrator, inquiry, inquiry.version, decision=Decision.ACCEPT, reasons="Grave")
    decision.decide(administrator, inquiry, inquiry.version, decision=Decision.DECLINE, reasons="Local learning")
    inquiry.refresh_from_db()
    assert (inquiry.status, inquiry.decision_reasons) == (S.DECLINED, "Local learning")
    assert inquiry.status_changes.last().reason == "Local learning"


def test_a_declined_inquiry_is_final(analyst, administrator, area):
    inquiry = make_inquiry([area], S.DECLINED, proposed_by=analyst, actor=administrator)
    assert TRANSITIONS.allowed_from(S.DECLINED) == []
    with pytest.raises(ValidationError):
        decision.assess(administrator, inquiry, inquiry.version, answers={})
    with pytest.raises(ValidationError):
        decision.decide(administrator, inquiry, inquiry.version, decision=Decision.ACCEPT, reasons="Changed mind")
    with pytest.raises(ValidationError):
        setup.save_set_up(administrator, inquiry, inquiry.version, terms_of_reference="ToR", methodology_notes="x")


def test_a_decision_may_follow_the_proposal_without_a_saved_assessment_only_to_decline(analyst, administrator, area):
    inquiry = _propose(analyst, [area])
    decision.decide(administrator, inquiry, inquiry.version, decision=Decision.DECLINE, reasons="Not national")
    assert [c.to_state for c in inquiry.status_changes.all()] == [S.PROPOSED, S.DECLINED]


def test_a_stale_decision_is_refused_and_nothing_is_written(analyst, administrator, area):
    inquiry = _propose(analyst, [area])
    loaded = inquiry.version
    decision.assess(administrator, inquiry, loaded, answers={"gravity": (True, "A death")})
    with pytest.raises(StaleEdit):
        decision.decide(administrator, inquiry, loaded, decision=Decision.ACCEPT, reasons="Grave")
    inquiry.refresh_from_db()
    assert inquiry.status == S.UNDER_ASSESSMENT
    assert inquiry.status_changes.count() == 2


def test_the_whole_journey_moves_through_every_state(analyst, administrator, area):
    inquiry = make_inquiry([area], S.PUBLISHED, proposed_by=analyst, actor=administrator)
    assert [c.to_state for c in inquiry.status_changes.all()] == [
        S.PROPOSED, S.UNDER_ASSESSMENT, S.ACCEPTED, S.SET_UP, S.IN_PROGRESS, S.REPORT_DRAFTED, S.PUBLISHED,
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("status", "refused_actions"),
    [
        (S.PROPOSED, ["set_up", "start", "progress", "drafted", "publish"]),
        (S.ACCEPTED, ["assess", "start", "progress", "drafted", "publish"]),
        (S.SET_UP, ["set_up", "progress", "drafted", "publish"]),
        (S.IN_PROGRESS, ["assess", "set_up", "start", "publish"]),
        (S.REPORT_DRAFTED, ["drafted", "start"]),
        (S.PUBLISHED, ["assess", "set_up", "start", "progress", "drafted", "publish", "reopen"]),
    ],
)
def test_actions_are_refused_outside_their_states(analyst, administrator, area, status, refused_actions):
    inquiry = make_inquiry([area], status, proposed_by=analyst, actor=administrator)
    reviewer = make_reviewer()
    attempts = {
        "assess": lambda: decision.assess(administrator, inquiry, inquiry.version, answers={}),
        "set_up": lambda: setup.save_set_up(
            administrator,
            inquiry,
            inquiry.version,
            terms_of_reference="T",
            methodology_notes="M",
            lead_reviewer=reviewer,
        ),
        "start": lambda: setup.start(administrator, inquiry, inquiry.version),
        "progress": lambda: report.add_progress_note(administrator, inquiry, noted_on=DAY, text="Met", today=DAY),
        "drafted": lambda: report.mark_drafted(administrator, inquiry, inquiry.version),
        "publish": lambda: report.publish(administrator, inquiry, inquiry.version),
        "reopen": lambda: report.reopen(administrator, inquiry, inquiry.version, reason="More"),
    }
    for name in refused_actions:
        with pytest.raises((ValidationError, TransitionNotAllowed)):
            attempts[name]()
    inquiry.refresh_from_db()
    assert inquiry.status == status


def test_a_drafted_report_needs_summary_finding_and_recommendation(analyst, administrator, area):
    inquiry = make_inquiry([area], S.IN_PROGRESS, proposed_by=analyst, actor=administrator)
    with pytest.raises(ValidationError) as refused:
        report.mark_drafted(administrator, inquiry, inquiry.version)
    assert "summary" in refused.value.messages[0] and "recommendation" in refused.value.messages[0]
    with pytest.raises(ValidationError) as no_addressee:
        report.add_recommendation(administrator, inquiry, text="Fund a national tool", addressee=" ")
    assert "addressee" in no_addressee.value.message_dict


def test_a_drafted_report_can_go_back_with_a_reason(analyst, administrator, area):
    inquiry = make_inquiry([area], S.REPORT_DRAFTED, proposed_by=analyst, actor=administrator)
    with pytest.raises(ValidationError):
        report.reopen(administrator, inquiry, inquiry.version, reason="")
    report.reopen(administrator, inquiry, inquiry.version, reason="The health findings need more work")
    assert inquiry.status == S.IN_PROGRESS


def test_progress_notes_are_dated_within_the_inquiry(analyst, administrator, area):
    inquiry = make_inquiry([area], S.IN_PROGRESS, proposed_by=analyst, actor=administrator)
    with pytest.raises(ValidationError) as future:
        report.add_progress_note(administrator, inquiry, noted_on=DAY.replace(day=20), text="Met", today=DAY)
    assert "noted_on" in future.value.message_dict
    with pytest.raises(ValidationError) as before:
        report.add_progress_note(administrator, inquiry, noted_on=DAY.replace(day=1), text="Met", today=DAY)
    assert "on or after the set-up" in before.value.message_dict["noted_on"][0]
    note = report.add_progress_note(administrator, inquiry, noted_on=DAY, text="Team met the three areas", today=DAY)
    assert list(inquiry.progress_notes.all()) == [note]


def test_a_finding_or_recommendation_can_be_removed_from_the_draft_only(analyst, administrator, area):
    inquiry = make_inquiry([area], S.IN_PROGRESS, proposed_by=analyst, actor=administrator)
    finding = report.add_finding(administrator, inquiry, what_happened="Written twice by mistake")
    report.remove_from_report(administrator, inquiry, finding=finding)
    assert not inquiry.findings.exists()
    assert AuditEvent.objects.filter(verb="nsci.finding_removed").exists()
    drafted = make_inquiry([area], S.REPORT_DRAFTED, proposed_by=analyst, actor=administrator)
    with pytest.raises(ValidationError):
        report.remove_from_report(administrator, drafted, recommendation=drafted.recommendations.get())
    with pytest.raises(ValidationError):
        report.remove_from_report(administrator, inquiry, recommendation=drafted.recommendations.get())
    assert drafted.recommendations.count() == 1
