"""The joint agency response to an unexpected death, and the family's contact log."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from safeguarding.core import audit
from safeguarding.core.concurrency import save_if_unchanged

from ..models import CaseStatus, CaseStatusChange, ChildDeathCase, FamilyContact, JointAgencyResponse
from ..transitions import CASE_TRANSITIONS
from .common import acting_as, require

JAR_FIELDS = (
    "police_lead",
    "health_lead",
    "social_care_lead",
    "home_visit_on",
    "home_visit_notes",
    "key_worker_name",
    "key_worker_contact",
)


def _validate(fields, case, today):
    errors = {}
    if not (fields.get("police_lead") or "").strip():
        errors["police_lead"] = "Enter the police officer leading the response"
    if not (fields.get("health_lead") or "").strip():
        errors["health_lead"] = "Enter the health professional leading the response"
    visit = fields.get("home_visit_on")
    if visit is not None:
        if visit < case.date_of_death:
            errors["home_visit_on"] = "The home visit must be on or after the date of death"
        elif visit > today:
            errors["home_visit_on"] = "The home visit must be today or in the past"
    if (fields.get("key_worker_contact") or "").strip() and not (fields.get("key_worker_name") or "").strip():
        errors["key_worker_name"] = "Enter the key worker's name as well as how to contact them"
    return errors


def save_response(user, case, fields, *, version=None, today=None):
    """Starts the joint agency response (moving the case on) or updates it, refusing a stale form."""
    require(user, "child_deaths.record_response", case, "You may not record the response for this case.")
    today = today or timezone.localdate()
    errors = _validate(fields, case, today)
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        case = ChildDeathCase.objects.select_for_update().get(pk=case.pk)
        response = JointAgencyResponse.objects.filter(case=case).first()
        if response is None:
            if not case.needs_joint_agency_response:
                raise ValidationError("A joint agency response is for unexpected deaths only")
            response = JointAgencyResponse(case=case, started_on=today, started_by=user)
            for field in JAR_FIELDS:
                setattr(response, field, fields.get(field) or ("" if field != "home_visit_on" else None))
            response.save()
            if case.status == CaseStatus.NOTIFIED:
                CASE_TRANSITIONS.move(
                    case,
                    CaseStatus.JOINT_AGENCY_RESPONSE,
                    actor=user,
                    history=CaseStatusChange,
                    reason="Response started",
                )
                case.save(update_fields=["status"])
            verb = "child_death.response.started"
        else:
            for field in JAR_FIELDS:
                setattr(response, field, fields.get(field) or ("" if field != "home_visit_on" else None))
            save_if_unchanged(response, version, JAR_FIELDS)
            verb = "child_death.response.updated"
        audit.record(
            acting_as(user, case.area),
            verb,
            case,
            {"home_visit": response.home_visit_on, "key_worker_named": bool(response.key_worker_name)},
            area=case.area,
        )
    return response


def add_family_contact(user, case, *, contacted_on, kind, made_by, summary, today=None):
    require(user, "child_deaths.record_response", case, "You may not record contacts for this case.")
    today = today or timezone.localdate()
    errors = {}
    if contacted_on is None:
        errors["contacted_on"] = "Enter the date of the contact"
    elif contacted_on > today:
        errors["contacted_on"] = "The date of the contact must be today or in the past"
    elif contacted_on < case.date_of_death:
        errors["contacted_on"] = "The date of the contact must be on or after the date of death"
    if kind not in FamilyContact.Kind.values:
        errors["kind"] = "Select how the family was contacted"
    if not (made_by or "").strip():
        errors["made_by"] = "Enter who made the contact"
    if not (summary or "").strip():
        errors["summary"] = "Summarise the contact"
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        contact = FamilyContact.objects.create(
            case=case,
            contacted_on=contacted_on,
            kind=kind,
            made_by=made_by.strip(),
            summary=summary.strip(),
            recorded_by=user,
        )
        audit.record(
            acting_as(user, case.area), "child_death.family_contact.added", case, {"kind": kind}, area=case.area
        )
    return contact
