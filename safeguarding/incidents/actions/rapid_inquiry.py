"""The rapid inquiry: started by an inquiry lead, evidence gathered, a decision with reasons that all
three lead chief officers sign off before it is final. Editing the decision clears the sign-offs."""

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone

from safeguarding.core import audit, permissions
from safeguarding.core.concurrency import save_if_unchanged
from safeguarding.learning.repository import actions as repository
from safeguarding.learning.repository import intake
from safeguarding.notifications import announce
from safeguarding.organisations.models import Role
from safeguarding.organisations.models.organisations import STATUTORY_PARTNER_KINDS

from .. import clocks, redaction
from ..models import (
    AgencySummaryRequest,
    DecisionSignOff,
    IncidentStatusChange,
    LocalLearningInquiry,
    PractitionerEngagement,
    RapidInquiry,
    SafetyAction,
)
from ..models.rapid_inquiry import Decision
from ..states import TRANSITIONS, IncidentStatus
from .common import audit_actor, check, names_in_identity

RI_ROLES = {Role.RAPID_INQUIRY_LEAD}


def _record(actor, verb, incident, data):
    audit.record(audit_actor(actor, incident.area, RI_ROLES), verb, incident, data, area=incident.area)


def _in_rapid_inquiry(incident):
    if incident.status != IncidentStatus.RAPID_INQUIRY:
        raise ValidationError(f"The case is {incident.get_status_display().lower()}, not in its rapid inquiry")


def _agency_of_area(incident, organisation, field="organisation"):
    if organisation is None or not incident.area.partners.filter(pk=organisation.pk).exists():
        raise ValidationError({field: f"Unknown organisation: choose an agency of {incident.area.name}"})


def _date_not_future(value, field, label, today):
    if value is None:
        raise ValidationError({field: f"Enter the {label}"})
    if value > today:
        raise ValidationError({field: f"The {label} must be today or in the past"})


def start_rapid_inquiry(actor, incident, *, today=None):
    user = check(actor, "incidents.run_rapid_inquiry", incident)
    with transaction.atomic():
        TRANSITIONS.move(
            incident,
            IncidentStatus.RAPID_INQUIRY,
            actor=user,
            history=IncidentStatusChange,
            reason="Rapid inquiry started",
        )
        incident.save(update_fields=["status", "updated_at"])
        inquiry = RapidInquiry.objects.create(incident=incident, lead=user, started_on=today or timezone.localdate())
        _record(actor, "incident.rapid_inquiry_started", incident, {"lead": user.pk if user else None})
    return inquiry


def _clean_contact_email(value):
    value = (value or "").strip()
    if value:
        try:
            validate_email(value)
        except ValidationError:
            raise ValidationError(
                {"contact_email": "Enter the contact's email address in the right format, like name@example.org"}
            ) from None
    return value


def request_summary(actor, incident, *, organisation, due_on, contact_email="", today=None):
    check(actor, "incidents.run_rapid_inquiry", incident)
    _in_rapid_inquiry(incident)
    today = today or timezone.localdate()
    _agency_of_area(incident, organisation)
    if due_on is None or due_on < today:
        raise ValidationError({"due_on": "The date the summary is due must be today or later"})
    contact_email = _clean_contact_email(contact_email)
    if incident.summary_requests.filter(organisation=organisation).exists():
        raise ValidationError({"organisation": f"{organisation} has already been asked for a summary"})
    with transaction.atomic():
        request = AgencySummaryRequest.objects.create(
            incident=incident, organisation=organisation, requested_on=today, due_on=due_on, contact_email=contact_email
        )
        _record(actor, "incident.summary_requested", incident, {"organisation": organisation.pk, "due_on": due_on})
        announce.summary_requested(request)
    return request


def record_summary(actor, request, *, received_on, summary, today=None):
    incident = request.incident
    check(actor, "incidents.run_rapid_inquiry", incident)
    _in_rapid_inquiry(incident)
    _date_not_future(received_on, "received_on", "date the summary was received", today or timezone.localdate())
    if not (summary or "").strip():
        raise ValidationError({"summary": "Enter the agency's summary, without names"})
    with transaction.atomic():
        request.received_on, request.summary = received_on, summary.strip()
        request.save(update_fields=["received_on", "summary"])
        _record(actor, "incident.summary_received", incident, {"organisation": request.organisation_id})
    return request


def remind_summary(actor, request, *, now=None):
    """Records the reminder; the email to the request's contact goes through the notifications job."""
    incident = request.incident
    check(actor, "incidents.run_rapid_inquiry", incident)
    _in_rapid_inquiry(incident)
    with transaction.atomic():
        request = AgencySummaryRequest.objects.select_for_update().select_related("organisation").get(pk=request.pk)
        if request.received_on is not None:
            raise ValidationError(f"{request.organisation}'s summary has already been received: no reminder is needed")
        if not request.contact_email:
            raise ValidationError(
                {"contact_email": f"Add a contact email for {request.organisation} before sending a reminder"}
            )
        request.last_reminded_at = now or timezone.now()
        request.save(update_fields=["last_reminded_at"])
        _record(actor, "incident.summary_reminder_sent", incident, {"organisation": request.organisation_id})
        announce.summary_reminder(request)
    return request


def log_engagement(actor, incident, *, organisation, practitioner_role, engaged_on, how, today=None):
    user = check(actor, "incidents.run_rapid_inquiry", incident)
    _in_rapid_inquiry(incident)
    _agency_of_area(incident, organisation)
    _date_not_future(engaged_on, "engaged_on", "date of the conversation", today or timezone.localdate())
    if not (practitioner_role or "").strip():
        raise ValidationError({"practitioner_role": "Enter the practitioner's role, not their name"})
    with transaction.atomic():
        row = PractitionerEngagement.objects.create(
            incident=incident,
            organisation=organisation,
            practitioner_role=practitioner_role.strip(),
            engaged_on=engaged_on,
            how=(how or "").strip() or "Conversation",
            recorded_by=user,
        )
        _record(actor, "incident.practitioner_engaged", incident, {"organisation": organisation.pk})
    return row


def record_safety_action(actor, incident, *, organisation, description, taken_on, today=None):
    user = check(actor, "incidents.run_rapid_inquiry", incident)
    _in_rapid_inquiry(incident)
    _agency_of_area(incident, organisation)
    _date_not_future(taken_on, "taken_on", "date the action was taken", today or timezone.localdate())
    if not (description or "").strip():
        raise ValidationError({"description": "Describe the action taken to keep children safe"})
    with transaction.atomic():
        row = SafetyAction.objects.create(
            incident=incident,
            organisation=organisation,
            description=description.strip(),
            taken_on=taken_on,
            recorded_by=user,
        )
        _record(actor, "incident.safety_action_recorded", incident, {"organisation": organisation.pk})
    return row


def _check_national_summary(actor, incident, decision, summary):
    """A no-further-review decision sends its learning to the national repository, so it needs a summary,
    and the summary must not name the child (matched against the sealed identity, read and audited here)."""
    if decision != Decision.NO_FURTHER_REVIEW:
        return
    if not summary:
        raise ValidationError(
            {"national_summary": "Write the learning summary for the national body: no further review sends it there"}
        )
    named = redaction.remaining({"national_summary": summary}, names_in_identity(actor, incident))
    if named:
        raise ValidationError(
            {"national_summary": "The learning summary names the child: take the name out (" + ", ".join(named) + ")"}
        )


def save_decision(
    actor, inquiry, expected_version, *, initial_assessment, decision, decision_reasons, national_summary=""
):
    """Saves the assessment and the proposed decision. Any sign-off already given is cleared: the
    lead chief officers signed the words as they were. Returns how many sign-offs were cleared."""
    incident = inquiry.incident
    check(actor, "incidents.run_rapid_inquiry", incident)
    _in_rapid_inquiry(incident)
    if decision and decision not in Decision.values:
        raise ValidationError({"decision": "Select one of the listed decisions"})
    if decision and not (decision_reasons or "").strip():
        raise ValidationError({"decision_reasons": "Give the reasons for the decision"})
    national_summary = (national_summary or "").strip()
    _check_national_summary(actor, incident, decision, national_summary)
    with transaction.atomic():
        inquiry.initial_assessment = (initial_assessment or "").strip()
        inquiry.decision = decision or ""
        inquiry.decision_reasons = (decision_reasons or "").strip()
        inquiry.national_summary = national_summary if decision == Decision.NO_FURTHER_REVIEW else ""
        save_if_unchanged(
            inquiry, expected_version, ["initial_assessment", "decision", "decision_reasons", "national_summary"]
        )
        signer_ids = set(incident.sign_offs.values_list("signed_by_id", flat=True))
        cleared, _ = incident.sign_offs.all().delete()
        announce.sign_offs_cleared(incident, signer_ids)
        if inquiry.has_decision:
            announce.decision_awaits_sign_off(incident)
        _record(
            actor, "incident.decision_saved", incident, {"decision": inquiry.decision, "sign_offs_cleared": cleared}
        )
    return cleared


def _lead_chief_officer_membership(user, incident):
    return next(
        (
            m
            for m in permissions.memberships(user)
            if m.area_id == incident.area_id
            and m.role == Role.LEAD_CHIEF_OFFICER
            and m.organisation.kind in STATUTORY_PARTNER_KINDS
        ),
        None,
    )


def sign_off_decision(actor, incident, *, decision_version, today=None):
    """One statutory partner's sign-off. The third makes the decision final and moves the case on."""
    user = check(actor, "incidents.sign_off_decision", incident)
    _in_rapid_inquiry(incident)
    inquiry = incident.rapid_inquiry
    if not inquiry.has_decision:
        raise ValidationError("There is no decision with reasons to sign off yet")
    if decision_version != inquiry.version:
        raise ValidationError("The decision changed after you opened it: read it again before signing it off")
    membership = _lead_chief_officer_membership(user, incident)
    if membership is None:
        raise ValidationError("Only the lead chief officer of a statutory partner signs off the decision")
    if incident.sign_offs.filter(partner_kind=membership.organisation.kind).exists():
        raise ValidationError(f"The {membership.organisation.get_kind_display().lower()} has already signed off")
    with transaction.atomic():
        DecisionSignOff.objects.create(
            incident=incident,
            signed_by=user,
            organisation=membership.organisation,
            partner_kind=membership.organisation.kind,
            decision_version=inquiry.version,
        )
        audit.record(
            audit.Actor.person(user, organisation=membership.organisation, role=membership.role),
            "incident.decision_signed_off",
            incident,
            {"partner_kind": membership.organisation.kind, "decision": inquiry.decision},
            area=incident.area,
        )
        signed_kinds = set(incident.sign_offs.values_list("partner_kind", flat=True))
        if signed_kinds >= set(STATUTORY_PARTNER_KINDS):
            TRANSITIONS.move(
                incident, inquiry.decision, actor=user, history=IncidentStatusChange, reason=inquiry.decision_reasons
            )
            incident.decided_on = today or timezone.localdate()
            incident.save(update_fields=["status", "decided_on", "updated_at"])
            clocks.store_current_clock(incident)
            if inquiry.decision == Decision.LLI:
                LocalLearningInquiry.objects.create(incident=incident)
            elif inquiry.decision == Decision.NO_FURTHER_REVIEW:
                # The learning the rapid inquiry captured goes to the national body (Wood para 166).
                repository.receive(
                    intake.from_rapid_inquiry(incident), actor=audit.Actor.system("three-partner-sign-off")
                )
            audit.record(
                audit.Actor.system("three-partner-sign-off"),
                "incident.decision_final",
                incident,
                {"decision": inquiry.decision},
                area=incident.area,
            )
    return incident
