"""Notification of a child's death by any agency: validation, the identity, and linkage into one case."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from safeguarding.core import audit
from safeguarding.core.identity import nhs
from safeguarding.core.identity.actions import record_identity
from safeguarding.core.models import AuditEvent
from safeguarding.notifications import announce

from ..models import CaseStatus, CaseStatusChange, ChildDeathCase, LinkCandidate, Notification, panel_for_area
from ..models.vocabulary import (
    EthnicityGroup,
    Expectation,
    JarCriterion,
    NotifyingAgency,
    PlaceOfDeath,
    Sex,
    band_for,
    completed_years,
)
from .common import acting_as, require
from .linkage import index_for_linkage, propose_links

IDENTITY_KEYS = (
    "given_names",
    "family_name",
    "nhs_number",
    "nhs_number_unavailable_reason",
    "date_of_birth",
    "address",
    "postcode",
)


@dataclass(frozen=True)
class NotificationResult:
    """What happened to a notification. `proposals` counts only proposed links to cases of the area the
    notifier gave: a match in another area is that area's business, and the receipt never hints at it."""

    notification: Notification
    case: ChildDeathCase
    linked_automatically: bool
    proposals: int

    def receipt_for(self, may_see_case):
        """The notifier's receipt. Whether the notification joined an existing case (or may be about one)
        is said only to a notifier who may see that case; anyone else reads a neutral receipt."""
        if not may_see_case:
            return {"reference": self.case.reference, "linked": False, "proposals": 0}
        return {"reference": self.case.reference, "linked": self.linked_automatically, "proposals": self.proposals}


def _choice(errors, data, field, choices, message):
    value = data.get(field) or ""
    if value not in choices.values:
        errors[field] = message
    return value


def _validate(data, today):
    """Errors for the death's facts, each naming the field and the rule; the identity is checked by core."""
    errors = {}
    date_of_birth, date_of_death = data.get("date_of_birth"), data.get("date_of_death")
    if date_of_birth is None:
        errors["date_of_birth"] = "Enter the child's date of birth"
    if date_of_death is None:
        errors["date_of_death"] = "Enter the date of death"
    elif date_of_death > today:
        errors["date_of_death"] = "The date of death must be today or in the past"
    elif date_of_birth is not None:
        if date_of_death < date_of_birth:
            errors["date_of_death"] = "The date of death must be the same as or after the date of birth"
        elif completed_years(date_of_birth, date_of_death) >= 18:
            errors["date_of_birth"] = (
                "The child must have been under 18 when they died: child death review covers children only"
            )
    if data.get("residence_area") is None:
        errors["residence_area"] = "Select the safeguarding area where the child normally lived"
    place = _choice(errors, data, "place_of_death", PlaceOfDeath, "Select where the child died")
    if place == PlaceOfDeath.HOSPITAL and not (data.get("hospital_name") or "").strip():
        errors["hospital_name"] = "Enter the name of the hospital where the child died"
    if place and place != PlaceOfDeath.ABROAD and data.get("place_of_death_area") is None:
        errors["place_of_death_area"] = "Select the safeguarding area where the child died"
    _choice(errors, data, "agency", NotifyingAgency, "Select which kind of agency is notifying")
    _choice(errors, data, "sex", Sex, "Select the child's sex")
    _choice(errors, data, "ethnicity_group", EthnicityGroup, "Select the child's ethnic group")
    _choice(errors, data, "expectation", Expectation, "Select whether the death was expected or unexpected")
    unknown = [c for c in data.get("jar_criteria") or [] if c not in JarCriterion.values]
    if unknown:
        errors["jar_criteria"] = "Select only circumstances from the list"
    for field, message in (
        ("circumstances", "Describe the circumstances of the death"),
        ("notifier_name", "Enter your name"),
        ("notifier_role", "Enter your job title or role"),
        ("notifier_contact", "Enter a work email address or telephone number to contact you"),
    ):
        if not (data.get(field) or "").strip():
            errors[field] = message
    return errors


def _new_reference(case):
    return f"CD-{case.date_of_death.year}-{case.pk:05d}"


def _open_cases_with_same_child(identity):
    if identity.linkage_key is None:
        return ChildDeathCase.objects.none()
    return (
        ChildDeathCase.objects.open()
        .filter(notifications__child__linkage_key=identity.linkage_key)
        .distinct()
        .order_by("pk")
    )


# A same-NHS-number match proposed across areas: certain enough to put first in the panel manager's list.
NHS_NUMBER_MATCH_WEIGHT = 30.0


def _propose_across_areas(notification, case, auditor):
    """The notification's NHS number matches an open case of another area. It is not joined to that case
    (its notifier would learn of another area's case): it starts its own case, and the match is proposed
    to the other area's panel manager, who confirms or rejects it. Each area's audit trail records it,
    each naming only its own case."""
    candidate, _ = LinkCandidate.objects.get_or_create(
        notification=notification,
        case=case,
        defaults={
            "method": LinkCandidate.Method.NHS_NUMBER,
            "score": NHS_NUMBER_MATCH_WEIGHT,
            "probability": 1.0,
            # The shape the trained model's proposals keep (see linkage.model.Score.reasons), so the
            # panel manager's page explains this one the same way; no model scored it.
            "reasons": {
                "model_version": None,
                "prior_weight": None,
                "fields": [
                    {
                        "comparison": "nhs_number",
                        "label": "NHS number",
                        "level": "exact",
                        "outcome": "the same NHS number",
                        "weight": NHS_NUMBER_MATCH_WEIGHT,
                        "frequency_weight": 0.0,
                    }
                ],
            },
        },
    )
    summary = {"notification": notification.pk, "candidate": candidate.pk, "method": candidate.method}
    audit.record(
        auditor,
        "child_death.link.proposed",
        notification.case,
        {**summary, "across_areas": True},
        area=notification.area,
    )
    audit.record(
        audit.Actor.system("child death linkage"),
        "child_death.link.proposed",
        case,
        {**summary, "notified_for_area": notification.area.slug},
        area=case.area,
    )
    announce.link_proposed(case)  # to the other area's panel manager, who decides it


def _start_case(identity, data, actor_user, today):
    date_of_birth, date_of_death = data["date_of_birth"], data["date_of_death"]
    area = data["residence_area"]
    case = ChildDeathCase(
        reference=f"CD-NEW-{identity.pseudonym}",  # replaced once the pk is known
        child=identity,
        area=area,
        panel=panel_for_area(area),
        place_of_death_area=data.get("place_of_death_area"),
        place_of_death=data["place_of_death"],
        hospital_name=(data.get("hospital_name") or "").strip(),
        date_of_death=date_of_death,
        time_of_death=data.get("time_of_death"),
        age_days=(date_of_death - date_of_birth).days,
        age_years=completed_years(date_of_birth, date_of_death),
        age_band=band_for(date_of_birth, date_of_death),
        sex=data["sex"],
        ethnicity_group=data["ethnicity_group"],
        expectation=data["expectation"],
        jar_criteria=list(data.get("jar_criteria") or []),
        circumstances=data["circumstances"].strip(),
        notified_on=today,
    )
    case.save()
    case.reference = _new_reference(case)
    case.save(update_fields=["reference"])
    CaseStatusChange.objects.create(
        case=case, from_state="", to_state=CaseStatus.NOTIFIED, changed_by=actor_user, reason="Death notified"
    )
    return case


def notify_death(actor, data, *, organisation=None, api_token=None, from_outside=None, today=None):
    """Stores one agency's notification, then links it: to the open case of the same NHS number, or to
    a new case with links to other cases proposed by score. Returns a NotificationResult.

    `actor` is a signed-in person (checked for `child_deaths.notify`), an `audit.Actor.api_client`
    (the API checks its token's scope and areas) or, with `from_outside` ({"organisation", "agencies_involved"}),
    a professional without an account whose work email the public page confirmed by a code (outside.py).
    Nothing is stored unless everything is valid.
    """
    today = today or timezone.localdate()
    person = None if isinstance(actor, audit.Actor) else actor
    if person is not None:
        require(person, "child_deaths.notify", message="You may not notify a child death.")
    errors = _validate(data, today)
    area = data.get("residence_area")
    identity_fields = {key: data.get(key) for key in IDENTITY_KEYS}
    identity_fields = {key: value for key, value in identity_fields.items() if value is not None}
    identity_fields.setdefault("given_names", "")
    identity_fields.setdefault("family_name", "")
    auditor = acting_as(person, area) if person is not None else actor
    with transaction.atomic():
        identity = None
        if area is not None:
            try:
                # The notifier records what they already know; it is sealed at once, and they see it
                # again only if they hold an identity role in the child's area (core.view_identity).
                identity = record_identity(_notifier_actor(auditor), area, **identity_fields)
            except ValidationError as error:
                errors = {**error.message_dict, **errors}
        elif (data.get("nhs_number") or "").strip():
            # Without an area nothing is recorded, but a bad NHS number is still named now, not on a resubmission.
            try:
                nhs.normalise(data["nhs_number"])
            except ValueError as error:
                errors.setdefault("nhs_number", str(error))
        if errors:
            raise ValidationError(errors)
        matches = list(_open_cases_with_same_child(identity))
        # Joined automatically only within the area the notifier gave; a match elsewhere is proposed.
        case = next((match for match in matches if match.area_id == area.pk), None)
        elsewhere = next((match for match in matches if match.area_id != area.pk), None) if case is None else None
        linked = case is not None
        if case is None:
            case = _start_case(identity, data, person, today)
        notification = Notification.objects.create(
            case=case,
            first_case=case,
            child=identity,
            area=area,
            place_of_death_area=data.get("place_of_death_area"),
            agency=data["agency"],
            organisation=organisation,
            notifier_name=data["notifier_name"].strip(),
            notifier_role=data["notifier_role"].strip(),
            notifier_contact=data["notifier_contact"].strip(),
            notified_by=person,
            api_token=api_token,
            date_of_death=data["date_of_death"],
            time_of_death=data.get("time_of_death"),
            place_of_death=data["place_of_death"],
            hospital_name=(data.get("hospital_name") or "").strip(),
            sex=data["sex"],
            ethnicity_group=data["ethnicity_group"],
            expectation=data["expectation"],
            jar_criteria=list(data.get("jar_criteria") or []),
            circumstances=data["circumstances"].strip(),
            link_method=Notification.LinkMethod.NHS_NUMBER if linked else Notification.LinkMethod.NEW_CASE,
            received_from_outside=from_outside is not None,
            notifier_organisation=(from_outside or {}).get("organisation", "").strip(),
            agencies_involved=(from_outside or {}).get("agencies_involved", "").strip(),
        )
        audit.record(
            auditor,
            "child_death.notified",
            case,
            {
                "notification": notification.pk,
                "agency": notification.agency,
                "pseudonym": identity.pseudonym,
                "linked_by_nhs_number": linked,
                "new_case": not linked,
                "received_from_outside": from_outside is not None,
            },
            area=area,
        )
        if linked:
            index_for_linkage(notification)  # so that later notifications without the NHS number find it
        if elsewhere is not None:
            _propose_across_areas(notification, elsewhere, auditor)
        if not linked:
            propose_links(notification, actor=auditor)
            announce.death_notified(case)
        proposals = notification.link_candidates.filter(case__area_id=area.pk).count()
    return NotificationResult(notification, case, linked, proposals)


def _notifier_actor(auditor):
    """Identity is recorded in the notifier's name but without the identity-role check: anyone who
    learns of a death may notify it, and the notifier already knows what they record."""
    if isinstance(auditor, audit.Actor) and auditor.user is None:
        return auditor
    user = auditor.user if isinstance(auditor, audit.Actor) else auditor
    return audit.Actor(
        AuditEvent.ActorKind.PERSON,
        f"{user.email} (notifying a child death)",
        user=None,
        organisation=getattr(auditor, "organisation", None),
        role=getattr(auditor, "role", ""),
    )
