"""The local learning inquiry: terms of reference, a methodology from the maintained list, a lead
reviewer from the area's reviewers who is on the national register and independent of the case, and who
was invited to take part (Wood paras 166 and 173)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from safeguarding.core import audit
from safeguarding.core.concurrency import save_if_unchanged
from safeguarding.core.permissions import INCIDENT_INQUIRY_ROLES
from safeguarding.learning.reviewers import independence
from safeguarding.organisations.models import Membership, Role, User

from ..models import IncidentStatusChange, Involvement, InvolvementResponse
from ..states import TRANSITIONS, IncidentStatus
from .common import audit_actor, check

NOT_ON_REGISTER = "Not on the national reviewer register"


def reviewers_of(area):
    """People with the reviewer role in the area (who may therefore work on its cases)."""
    ids = Membership.objects.filter(area=area, role=Role.REVIEWER).values("user_id")
    return User.objects.filter(pk__in=ids, is_active=True).order_by("full_name")


def _exclusion_reasons(user, incident, on):
    """Why `user` may not lead the incident's inquiry: not on the register, or the independence check's reasons."""
    record = independence.reviewer_for_user(user)
    if record is None:
        return [NOT_ON_REGISTER]
    return independence.check(record, areas=[incident.area], organisations=incident.agencies_involved.all(), on=on)


def lead_reviewer_choices(incident, on=None):
    """(eligible people, [(excluded person, reasons)]) among the area's reviewers, for the set-up page."""
    on = on or timezone.localdate()
    eligible, excluded = [], []
    for user in reviewers_of(incident.area):
        reasons = _exclusion_reasons(user, incident, on)
        if reasons:
            excluded.append((user, reasons))
        else:
            eligible.append(user)
    return eligible, excluded


def _in_lli(incident):
    if incident.status != IncidentStatus.LLI:
        raise ValidationError(f"The case is {incident.get_status_display().lower()}, not in its local learning inquiry")


def save_set_up(actor, lli, expected_version, *, terms_of_reference, methodology, lead_reviewer, today=None):
    incident = lli.incident
    check(actor, "incidents.run_lli", incident)
    _in_lli(incident)
    errors = {}
    if methodology is not None and not methodology.is_active:
        errors["methodology"] = "This methodology is no longer on the list: choose another"
    if lead_reviewer is not None and not reviewers_of(incident.area).filter(pk=lead_reviewer.pk).exists():
        errors["lead_reviewer"] = f"The lead reviewer must hold the reviewer role in {incident.area.name}"
    elif lead_reviewer is not None:
        reasons = _exclusion_reasons(lead_reviewer, incident, today or timezone.localdate())
        if reasons:
            errors["lead_reviewer"] = f"{lead_reviewer} cannot lead this inquiry: {'; '.join(reasons)}"
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        lli.terms_of_reference = (terms_of_reference or "").strip()
        lli.methodology, lli.lead_reviewer = methodology, lead_reviewer
        save_if_unchanged(lli, expected_version, ["terms_of_reference", "methodology", "lead_reviewer"])
        audit.record(
            audit_actor(actor, incident.area, INCIDENT_INQUIRY_ROLES),
            "incident.lli_set_up",
            incident,
            {
                "methodology": methodology.slug if methodology else None,
                "lead_reviewer": getattr(lead_reviewer, "pk", None),
            },
            area=incident.area,
        )
    return lli


def record_involvement(actor, incident, *, kind, who, response, offered_on, responded_on=None, today=None):
    user = check(actor, "incidents.run_lli", incident)
    _in_lli(incident)
    today = today or timezone.localdate()
    errors = {}
    if kind not in Involvement.Kind.values:
        errors["kind"] = "Select practitioner or family member"
    if not (who or "").strip():
        errors["who"] = "Enter their role or relationship to the child, not their name"
    if response not in InvolvementResponse.values:
        errors["response"] = "Select whether it was offered, accepted or declined"
    if offered_on is None or offered_on > today:
        errors["offered_on"] = "Enter the date it was offered: today or in the past"
    answered = response in {InvolvementResponse.ACCEPTED, InvolvementResponse.DECLINED}
    if answered and (responded_on is None or responded_on > today or (offered_on and responded_on < offered_on)):
        errors["responded_on"] = "Enter the date of the answer: on or after the offer, and not in the future"
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        row = Involvement.objects.create(
            incident=incident,
            kind=kind,
            who=who.strip(),
            response=response,
            offered_on=offered_on,
            responded_on=responded_on if response != InvolvementResponse.OFFERED else None,
            recorded_by=user,
        )
        audit.record(
            audit_actor(actor, incident.area, INCIDENT_INQUIRY_ROLES),
            "incident.involvement_recorded",
            incident,
            {"kind": kind, "response": response},
            area=incident.area,
        )
    return row


def begin_findings(actor, incident):
    """The inquiry has been set up and carried out: the case moves on to its findings and recommendations."""
    user = check(actor, "incidents.run_lli", incident)
    lli = incident.lli
    if not lli.is_set_up:
        raise ValidationError("Set the terms of reference, the methodology and the lead reviewer first")
    with transaction.atomic():
        TRANSITIONS.move(
            incident, IncidentStatus.FINDINGS, actor=user, history=IncidentStatusChange, reason="Inquiry carried out"
        )
        incident.save(update_fields=["status", "updated_at"])
        audit.record(
            audit_actor(actor, incident.area, INCIDENT_INQUIRY_ROLES),
            "incident.findings_begun",
            incident,
            {},
            area=incident.area,
        )
    return incident
