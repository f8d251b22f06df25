"""The rapid inquiry: evidence, a decision with reasons, three sign-offs, and an edit clearing them."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from safeguarding.core.concurrency import StaleEdit
from safeguarding.core.models import AuditEvent
from safeguarding.incidents.actions import rapid_inquiry as actions
from safeguarding.incidents.factories import make_incident
from safeguarding.incidents.states import IncidentStatus
from safeguarding.organisations.factories import person_with_role
from safeguarding.organisations.models import Role

from .conftest import verified

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def chiefs(area, council, police, health):
    return [
        verified(person_with_role(Role.LEAD_CHIEF_OFFICER, area, organisation=org)) for org in (council, police, health)
    ]


@pytest.fixture
def inquiry(area, inquiry_lead):
    return actions.start_rapid_inquiry(inquiry_lead, make_incident(area), today=D(2026, 11, 19))


def _decide(inquiry_lead, inquiry, decision="lli"):
    inquiry.refresh_from_db()
    return actions.save_decision(
        inquiry_lead,
        inquiry,
        inquiry.version,
        initial_assessment="Health visiting did not know of the child protection plan.",
        decision=decision,
        decision_reasons="Systemic learning about information reaching universal services.",
        national_summary="Universal services did not hear of the plan." if decision == "no_further_review" else "",
    )


def test_only_a_rapid_inquiry_lead_starts_it(area, social_worker):
    with pytest.raises(PermissionDenied):
        actions.start_rapid_inquiry(social_worker, make_incident(area))


def test_starting_moves_the_case_and_names_the_lead(inquiry, inquiry_lead):
    assert inquiry.incident.status == IncidentStatus.RAPID_INQUIRY
    assert inquiry.lead == inquiry_lead


def test_evidence_is_recorded_with_named_field_errors(inquiry, inquiry_lead, health, other_area):
    incident = inquiry.incident
    request = actions.request_summary(
        inquiry_lead, incident, organisation=health, due_on=D(2026, 12, 3), today=D(2026, 11, 20)
    )
    with pytest.raises(ValidationError) as refused:
        actions.request_summary(
            inquiry_lead, incident, organisation=health, due_on=D(2026, 12, 3), today=D(2026, 11, 20)
        )
    assert "already been asked" in refused.value.message_dict["organisation"][0]
    actions.record_summary(inquiry_lead, request, received_on=D(2026, 11, 25), summary="Two missed appointments.")
    actions.log_engagement(
        inquiry_lead,
        incident,
        organisation=health,
        practitioner_role="Health visitor",
        engaged_on=D(2026, 11, 24),
        how="Visit",
    )
    with pytest.raises(ValidationError) as refused:
        actions.record_safety_action(
            inquiry_lead, incident, organisation=health, description="", taken_on=D(2026, 11, 20)
        )
    assert "description" in refused.value.message_dict
    from safeguarding.organisations.factories import OrganisationFactory

    stranger = OrganisationFactory(name="Elsewhere Council")
    with pytest.raises(ValidationError) as refused:
        actions.log_engagement(
            inquiry_lead, incident, organisation=stranger, practitioner_role="GP", engaged_on=D(2026, 11, 24), how=""
        )
    assert refused.value.message_dict["organisation"][0].startswith("Unknown organisation")
    assert incident.engagements.count() == 1


def test_all_three_partners_sign_off_before_the_decision_is_final(inquiry, inquiry_lead, chiefs):
    _decide(inquiry_lead, inquiry)
    incident = inquiry.incident
    for chief in chiefs[:2]:
        actions.sign_off_decision(chief, incident, decision_version=inquiry.version)
        assert incident.status == IncidentStatus.RAPID_INQUIRY
    with pytest.raises(ValidationError, match="already signed off"):
        actions.sign_off_decision(chiefs[0], incident, decision_version=inquiry.version)
    actions.sign_off_decision(chiefs[2], incident, decision_version=inquiry.version, today=D(2026, 11, 26))
    assert incident.status == IncidentStatus.LLI
    assert incident.decided_on == D(2026, 11, 26)
    assert incident.lli.version == 1  # the inquiry the decision asked for, ready to set up
    assert incident.status_changes.last().reason.startswith("Systemic learning")
    assert AuditEvent.objects.filter(verb="incident.decision_final").count() == 1


def test_an_edit_after_a_sign_off_clears_the_sign_offs(inquiry, inquiry_lead, chiefs):
    _decide(inquiry_lead, inquiry)
    actions.sign_off_decision(chiefs[0], inquiry.incident, decision_version=inquiry.version)
    assert _decide(inquiry_lead, inquiry, decision="no_further_review") == 1
    assert inquiry.incident.sign_offs.count() == 0


def test_a_sign_off_of_a_decision_that_changed_since_it_was_read_is_refused(inquiry, inquiry_lead, chiefs):
    _decide(inquiry_lead, inquiry)
    read_version = inquiry.version
    _decide(inquiry_lead, inquiry, decision="referred_nsci")
    with pytest.raises(ValidationError, match="changed after you opened it"):
        actions.sign_off_decision(chiefs[0], inquiry.incident, decision_version=read_version)


def test_two_people_saving_the_decision_the_second_is_refused(inquiry, inquiry_lead):
    opened = inquiry.version
    _decide(inquiry_lead, inquiry)
    with pytest.raises(StaleEdit):
        actions.save_decision(
            inquiry_lead, inquiry, opened, initial_assessment="x", decision="lli", decision_reasons="y"
        )
    inquiry.refresh_from_db()
    assert inquiry.initial_assessment.startswith("Health visiting")


def test_a_decision_needs_reasons(inquiry, inquiry_lead):
    with pytest.raises(ValidationError) as refused:
        actions.save_decision(
            inquiry_lead, inquiry, inquiry.version, initial_assessment="", decision="lli", decision_reasons=""
        )
    assert refused.value.message_dict["decision_reasons"] == ["Give the reasons for the decision"]


def test_no_sign_off_without_a_decision(inquiry, chiefs):
    with pytest.raises(ValidationError, match="no decision"):
        actions.sign_off_decision(chiefs[0], inquiry.incident, decision_version=inquiry.version)


def test_the_page_says_when_sign_offs_were_cleared(client, sign_in, inquiry, inquiry_lead, chiefs):
    _decide(inquiry_lead, inquiry)
    actions.sign_off_decision(chiefs[1], inquiry.incident, decision_version=inquiry.version)
    sign_in(inquiry_lead)
    url = reverse("incidents:rapid-inquiry", args=[inquiry.incident.pk])
    assert "Saving a change clears every sign-off" in client.get(url).content.decode()
    response = client.post(
        url,
        {
            "form": "decision",
            "decision-version": inquiry.version,
            "decision-initial_assessment": "Revised",
            "decision-decision": "lli",
            "decision-decision_reasons": "Revised reasons",
        },
        follow=True,
    )
    assert "1 sign-off already given was cleared" in response.content.decode()


def test_the_page_names_a_missing_agency(client, sign_in, inquiry, inquiry_lead):
    sign_in(inquiry_lead)
    response = client.post(reverse("incidents:rapid-inquiry", args=[inquiry.incident.pk]), {"form": "request"})
    assert "Select the agency" in response.content.decode()


def test_a_final_no_further_review_decision_sends_its_learning_summary_to_the_national_body(
    inquiry, inquiry_lead, chiefs
):
    actions.save_decision(
        inquiry_lead,
        inquiry,
        inquiry.version,
        initial_assessment="Agencies responded quickly; the learning is already captured.",
        decision="no_further_review",
        decision_reasons="The learning is captured in the agencies' own reviews.",
        national_summary="Out-of-hours health advice did not reach the day team; the agencies have fixed it.",
    )
    inquiry.refresh_from_db()
    incident = inquiry.incident
    for chief in chiefs:
        actions.sign_off_decision(chief, incident, decision_version=inquiry.version, today=D(2026, 11, 26))
    entry = incident.repository_entries.get()
    assert (entry.kind, entry.is_public, entry.published_on) == ("rapid_inquiry", False, D(2026, 11, 26))
    # Only the summary written for the national body, never the working assessment or reasons.
    assert entry.summary == "Out-of-hours health advice did not reach the day team; the agencies have fixed it."
    assert "agencies' own reviews" not in entry.search_text


def test_no_further_review_needs_a_nameless_summary_for_the_national_body(inquiry, inquiry_lead):
    from safeguarding.core import audit
    from safeguarding.core.identity.actions import record_identity

    incident = inquiry.incident
    incident.child = record_identity(
        audit.Actor.system("test"), incident.area, given_names="Isla", family_name="Pellow", nhs_number="9434765919"
    )
    incident.save(update_fields=["child"])
    decision = {"initial_assessment": "", "decision": "no_further_review", "decision_reasons": "Captured."}
    with pytest.raises(ValidationError) as missing:
        actions.save_decision(inquiry_lead, inquiry, inquiry.version, **decision)
    assert "Write the learning summary" in missing.value.message_dict["national_summary"][0]
    with pytest.raises(ValidationError) as named:
        actions.save_decision(
            inquiry_lead, inquiry, inquiry.version, **decision, national_summary="Isla's school did not know."
        )
    assert "names the child" in named.value.message_dict["national_summary"][0]
    assert AuditEvent.objects.filter(verb="identity.read_for_redaction").exists()
    inquiry.refresh_from_db()
    assert inquiry.decision == "" and inquiry.national_summary == ""
