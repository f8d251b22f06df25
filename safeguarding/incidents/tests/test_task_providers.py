"""Serious incident tasks: who sees each, that its link opens the page where it is done, and that it goes
when the step is done."""

import datetime

import pytest

from safeguarding.core.work.tasks import tasks_for
from safeguarding.incidents.actions import learning, pauses
from safeguarding.incidents.actions import notification as notifications
from safeguarding.incidents.actions import rapid_inquiry as inquiries
from safeguarding.incidents.actions import report as reports
from safeguarding.incidents.factories import NHS_NUMBERS, child_of, complete_notification_data, make_incident
from safeguarding.incidents.models import ActionStatus
from safeguarding.incidents.states import IncidentStatus
from safeguarding.organisations.factories import person_with_role
from safeguarding.organisations.models import Role

from .conftest import verified

pytestmark = pytest.mark.django_db
D = datetime.date
TODAY = D(2026, 11, 26)
IDENTITY = {
    "given_names": "Ellis",
    "family_name": "Marsh",
    "nhs_number": NHS_NUMBERS[1],
    "date_of_birth": D(2026, 2, 3),
}


def tasks(user, kind):
    """The person's tasks of one kind, read afresh (their memberships included) as a new request would."""
    user = type(user).objects.get(pk=user.pk)
    return [task for task in tasks_for(user, today=TODAY) if task.kind == f"incidents.{kind}"]


def opens(client, sign_in, user, task):
    sign_in(user)
    return client.get(task.url).status_code == 200


@pytest.fixture
def chiefs(area, council, police, health):
    return [
        verified(person_with_role(Role.LEAD_CHIEF_OFFICER, area, organisation=org)) for org in (council, police, health)
    ]


@pytest.fixture
def stranger(other_area):
    """A rapid inquiry lead of another area: sees none of area A's tasks."""
    return verified(person_with_role(Role.RAPID_INQUIRY_LEAD, other_area))


def _decide(lead, inquiry):
    inquiry.refresh_from_db()
    inquiries.save_decision(
        lead,
        inquiry,
        inquiry.version,
        initial_assessment="Health visiting did not know of the plan.",
        decision="lli",
        decision_reasons="Systemic learning about information reaching universal services.",
    )
    inquiry.refresh_from_db()


def test_a_draft_is_its_starters_to_finish_with_the_notification_clock(
    client, sign_in, area, social_worker, police_officer, stranger
):
    draft = notifications.start_notification(social_worker, area, complete_notification_data(), identity=IDENTITY)

    [task] = tasks(social_worker, "finish-draft")
    assert (task.reference, task.due_on) == (draft.reference, D(2026, 11, 24))  # aware 17 November + 5 working days
    assert task.status == "2 working days overdue"
    assert tasks(police_officer, "finish-draft") == [] and tasks(stranger, "finish-draft") == []
    assert opens(client, sign_in, social_worker, task)

    notifications.submit_notification(social_worker, draft, draft.version)
    assert tasks(social_worker, "finish-draft") == []


def test_the_rapid_inquiry_lead_starts_the_inquiry_then_records_the_decision(
    client, sign_in, area, inquiry_lead, social_worker, stranger
):
    incident = make_incident(area)  # submitted 18 November

    [task] = tasks(inquiry_lead, "start-rapid-inquiry")
    assert task.due_on == D(2026, 12, 9)  # 15 working days from the notification
    assert task.status == "9 working days left"
    assert tasks(social_worker, "start-rapid-inquiry") == [] and tasks(stranger, "start-rapid-inquiry") == []
    assert opens(client, sign_in, inquiry_lead, task)

    inquiry = inquiries.start_rapid_inquiry(inquiry_lead, incident, today=TODAY)
    assert tasks(inquiry_lead, "start-rapid-inquiry") == []
    [decision] = tasks(inquiry_lead, "record-decision")
    assert decision.due_on == task.due_on
    assert opens(client, sign_in, inquiry_lead, decision)

    _decide(inquiry_lead, inquiry)
    assert tasks(inquiry_lead, "record-decision") == []


def test_an_outstanding_agency_summary_is_the_leads_until_it_arrives(area, inquiry_lead, health, social_worker):
    inquiry = inquiries.start_rapid_inquiry(inquiry_lead, make_incident(area), today=TODAY)
    request = inquiries.request_summary(
        inquiry_lead, inquiry.incident, organisation=health, due_on=D(2026, 12, 3), today=TODAY
    )

    [task] = tasks(inquiry_lead, "summary-outstanding")
    assert health.name in task.action and task.status == "5 working days left"
    assert tasks(social_worker, "summary-outstanding") == []

    inquiries.record_summary(inquiry_lead, request, received_on=TODAY, summary="Two missed appointments.", today=TODAY)
    assert tasks(inquiry_lead, "summary-outstanding") == []


def test_each_lead_chief_officer_signs_off_the_decision_once(client, sign_in, area, inquiry_lead, chiefs, stranger):
    inquiry = inquiries.start_rapid_inquiry(inquiry_lead, make_incident(area), today=TODAY)
    assert all(tasks(chief, "sign-off-decision") == [] for chief in chiefs)  # nothing to sign before a decision

    _decide(inquiry_lead, inquiry)
    assert all(len(tasks(chief, "sign-off-decision")) == 1 for chief in chiefs)
    assert tasks(inquiry_lead, "sign-off-decision") == [] and tasks(stranger, "sign-off-decision") == []
    assert opens(client, sign_in, chiefs[0], tasks(chiefs[0], "sign-off-decision")[0])

    inquiries.sign_off_decision(chiefs[0], inquiry.incident, decision_version=inquiry.version)
    assert tasks(chiefs[0], "sign-off-decision") == []
    assert len(tasks(chiefs[1], "sign-off-decision")) == 1
    for chief in chiefs[1:]:
        inquiries.sign_off_decision(chief, inquiry.incident, decision_version=inquiry.version, today=TODAY)
    assert all(tasks(chief, "sign-off-decision") == [] for chief in chiefs)
    # The decision is final: the learning inquiry is now the lead's to set up.
    assert len(tasks(inquiry_lead, "set-up-lli")) == 1


def test_an_edit_of_the_decision_brings_the_sign_off_back(area, inquiry_lead, chiefs):
    inquiry = inquiries.start_rapid_inquiry(inquiry_lead, make_incident(area), today=TODAY)
    _decide(inquiry_lead, inquiry)
    inquiries.sign_off_decision(chiefs[0], inquiry.incident, decision_version=inquiry.version)
    assert tasks(chiefs[0], "sign-off-decision") == []

    _decide(inquiry_lead, inquiry)  # saving the decision again clears every sign-off
    assert len(tasks(chiefs[0], "sign-off-decision")) == 1


@pytest.fixture
def findings_case(area):
    child = child_of(area, given_names="Mason", family_name="Drummond-Fairley")
    return make_incident(area, IncidentStatus.FINDINGS, child=child)


@pytest.fixture
def reviewer(area):
    return verified(person_with_role(Role.REVIEWER, area))


def test_the_report_moves_from_its_writers_to_the_lead_chief_officers(
    client, sign_in, area, findings_case, reviewer, chiefs, council
):
    case = findings_case
    [write] = tasks(reviewer, "write-findings")
    assert opens(client, sign_in, reviewer, write)
    assert tasks(chiefs[0], "write-findings") == []

    learning.add_finding(
        reviewer, case, what_happened="What", why="Why", journey_stage="planning", kind="problem", agencies=[council]
    )
    learning.add_recommendation(
        reviewer, case, finding=None, addressee=council, change="Change", outcome="Outcome", due_on=None, today=TODAY
    )
    reports.save_report(
        reviewer,
        case,
        None,
        title="A boy of 9",
        summary="Mason was hurt.",
        background="The Drummond-Fairley family.",
        methodology_used="Systems",
        what_went_well="Quick response",
        learning="Ask who lives there.",
    )
    reports.complete_report(reviewer, case, today=D(2026, 11, 20))
    assert tasks(reviewer, "write-findings") == []
    [redact] = tasks(reviewer, "confirm-redactions")
    assert redact.due_on == D(2026, 12, 20)  # publication within a month of completion
    assert tasks(chiefs[0], "publish-report") == []  # not before the redactions are confirmed

    report = case.report
    reports.confirm_redactions(reviewer, report, report.version, redactions=["Mason", "Drummond-Fairley"])
    assert tasks(reviewer, "confirm-redactions") == []
    publish = tasks(chiefs[0], "publish-report")
    assert len(publish) == 1 and all(len(tasks(chief, "publish-report")) == 1 for chief in chiefs)
    assert opens(client, sign_in, chiefs[0], publish[0])

    report.refresh_from_db()
    reports.publish(chiefs[0], case, report.version, decision="Publish in full", published_on=TODAY, today=TODAY)
    assert tasks(chiefs[1], "publish-report") == []
    [submit] = tasks(chiefs[1], "submit-national")
    assert (submit.due_on, submit.waiting_since) == (None, TODAY)
    assert opens(client, sign_in, chiefs[1], submit)

    reports.submit_to_national_body(chiefs[1], case, today=TODAY)
    assert all(tasks(chief, "submit-national") == [] for chief in chiefs)


def test_an_action_falling_due_is_for_those_of_its_agency_who_may_update_it(
    client, sign_in, area, findings_case, reviewer, chiefs, council, inquiry_lead
):
    case = findings_case
    recommendation = learning.add_recommendation(
        reviewer, case, finding=None, addressee=council, change="Change", outcome="Outcome", due_on=None, today=TODAY
    )
    soon = learning.add_action(
        reviewer, recommendation, description="Audit the referral form", owner="Head of service", due_on=D(2026, 12, 10)
    )
    learning.add_action(
        reviewer, recommendation, description="Review in a year", owner="Board", due_on=D(2027, 11, 1), today=TODAY
    )

    [task] = tasks(chiefs[0], "action")  # the council's lead chief officer; the action a year away is not shown
    assert "Audit the referral form" in task.action and task.status == "14 days left"
    assert tasks(chiefs[1], "action") == []  # the police: not addressed to them
    assert tasks(inquiry_lead, "action") == []
    assert opens(client, sign_in, chiefs[0], task)

    learning.update_action(chiefs[0], soon, soon.version, status=ActionStatus.DONE, evidence_of_impact="Referrals up")
    assert tasks(chiefs[0], "action") == []


def test_a_pause_request_waits_for_a_national_administrator(
    client, sign_in, area, inquiry_lead, national_admin, chiefs
):
    incident = make_incident(area)
    pause = pauses.request_pause(
        inquiry_lead, incident, proceeding="police_investigation", reason="Charging decision due", starts_on=TODAY
    )

    [task] = tasks(national_admin, "decide-pause")
    assert task.reference == incident.reference and task.due_on == D(2026, 12, 9)  # the running clock's due date
    assert tasks(inquiry_lead, "decide-pause") == [] and tasks(chiefs[0], "decide-pause") == []
    analyst = verified(person_with_role(Role.NATIONAL_ANALYST))
    assert tasks(analyst, "decide-pause") == []
    assert opens(client, sign_in, national_admin, task)

    pauses.decide_pause(national_admin, pause, accept=True, reason="")
    assert tasks(national_admin, "decide-pause") == []
