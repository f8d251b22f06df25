"""Notification of a serious incident: start a draft, save it, record the child, submit it.

Drafts accept anything that is not wrong (a user may be interrupted half way); submission needs
everything and happens in one transaction: the child, the case, its status row and the audit event
are stored together or not at all.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from safeguarding.core import audit
from safeguarding.core.concurrency import save_if_unchanged
from safeguarding.core.identity.actions import record_identity
from safeguarding.core.permissions import INCIDENT_STARTER_ROLES
from safeguarding.notifications import announce

from .. import choices, clocks, eligibility
from ..models import Incident, IncidentStatusChange
from ..states import DUPLICATE_CHECK_STATES, TRANSITIONS, IncidentStatus
from .common import audit_actor, check, person_of

# The case fields a notification carries, in the order pages ask for them.
SCALAR_FIELDS = (
    "abuse_or_neglect",
    "where_harmed",
    "looked_after_or_care_leaver_death",
    "incident_date",
    "aware_date",
    "harm",
    "harm_kinds",
    "summary",
    "other_children",
    "child_age_years",
    "child_sex",
    "child_ethnicity",
    "child_disability",
    "child_status",
    "parallel_proceedings",
)
IDENTITY_KEYS = (
    "given_names",
    "family_name",
    "nhs_number",
    "nhs_number_unavailable_reason",
    "date_of_birth",
    "postcode",
)

# Fields a notification must have before it is submitted, with the message when one is missing.
REQUIRED_TO_SUBMIT = {
    "abuse_or_neglect": "Select whether abuse or neglect is known or suspected",
    "where_harmed": "Select where the child was harmed",
    "incident_date": "Enter the date the incident happened",
    "aware_date": "Enter the date you became aware of the incident",
    "harm": "Select what harm the child came to",
    "harm_kinds": "Select at least one kind of harm",
    "summary": "Describe what happened, without names",
    "child_age_years": "Enter the child's age in years",
    "child_sex": "Select the child's sex",
    "child_ethnicity": "Select the child's ethnic group",
    "child_disability": "Select whether the child has a disability",
    "child_status": "Select the child's status at the time",
}


def _check_choice(errors, field, value, values, message):
    if value not in ("", None) and value not in values:
        errors[field] = message


def _validated(area, data, *, today):
    """Field rules that hold for drafts and submissions alike; returns (fields, agencies)."""
    errors = {}
    fields = {name: data[name] for name in SCALAR_FIELDS if name in data}
    incident_date, aware_date = fields.get("incident_date"), fields.get("aware_date")
    if incident_date and incident_date > today:
        errors["incident_date"] = "The date the incident happened must be today or in the past"
    if aware_date and aware_date > today:
        errors["aware_date"] = "The date you became aware must be today or in the past"
    if incident_date and aware_date and aware_date < incident_date and "aware_date" not in errors:
        errors["aware_date"] = "The date you became aware must be the same as or after the date of the incident"
    _check_choice(errors, "harm", fields.get("harm"), choices.Harm.values, "Select what harm the child came to")
    kinds = fields.get("harm_kinds")
    if kinds is not None:
        unknown = [kind for kind in kinds if kind not in choices.HarmKind.values]
        if unknown:
            errors["harm_kinds"] = f"Unknown kind of harm: {', '.join(map(str, unknown))}"
        else:
            fields["harm_kinds"] = sorted(set(kinds), key=choices.HarmKind.values.index)
    for field, vocabulary in (
        ("abuse_or_neglect", choices.AbuseOrNeglect),
        ("where_harmed", choices.WhereHarmed),
        ("child_sex", choices.Sex),
        ("child_ethnicity", choices.Ethnicity),
        ("child_disability", choices.Disability),
        ("child_status", choices.ChildStatus),
    ):
        _check_choice(
            errors,
            field,
            fields.get(field),
            vocabulary.values,
            f"Unknown value for {field}: choose one of the listed options",
        )
    age = fields.get("child_age_years")
    if age is not None and not (0 <= age <= 24):
        errors["child_age_years"] = "The child's age must be from 0 to 24 (care leavers are notified up to 25)"
    proceedings = fields.get("parallel_proceedings")
    if proceedings is not None:
        bad = {
            kind: status
            for kind, status in proceedings.items()
            if kind not in choices.Proceeding.values or status not in choices.ProceedingStatus.values
        }
        if bad:
            errors["parallel_proceedings"] = (
                "Each parallel proceeding must be one of the listed kinds with a listed status"
            )
    agencies = None
    if "agencies_involved" in data:
        agencies, unknown = _agencies(area, data["agencies_involved"])
        if unknown:
            errors["agencies_involved"] = (
                f"Unknown organisation: {', '.join(map(str, unknown))} is not an agency of {area.name}"
            )
    if errors:
        raise ValidationError(errors)
    return fields, agencies


def _agencies(area, given):
    """Organisations (instances or ids) that are active partners or agencies of the area; and the unknown ones."""
    ids = [getattr(item, "pk", item) for item in given]
    known = {org.pk: org for org in area.partners.filter(pk__in=[i for i in ids if isinstance(i, int)], is_active=True)}
    unknown = [i for i in ids if i not in known]
    return [known[i] for i in ids if i in known], unknown


def _record_child(actor, incident, identity):
    """Seals the child's identifying details, if any were given, and attaches them to the case."""
    if not identity or not any(identity.get(key) for key in IDENTITY_KEYS):
        return
    if incident.child_id:
        raise ValidationError(
            {"given_names": "The child's identifying details are already recorded for this notification"}
        )
    incident.child = record_identity(
        actor,
        incident.area,
        **{key: identity.get(key) or ("" if key != "date_of_birth" else None) for key in IDENTITY_KEYS},
    )


def start_notification(actor, area, data, *, organisation=None, identity=None, today=None):
    """A new draft notification in `area`, with whatever the person has filled in so far."""
    user = check(actor, "incidents.start_notification", area)
    if organisation is None and user is not None:
        # The local authority's membership first: the notification is the local authority's.
        starters = user.memberships.filter(area=area, role__in=INCIDENT_STARTER_ROLES).select_related("organisation")
        ranked = sorted(starters, key=lambda m: (m.organisation.kind != "local_authority", m.pk))
        organisation = ranked[0].organisation if ranked else None
    return _start(actor, user, area, data, organisation=organisation, identity=identity, today=today)


def start_requested_notification(actor, area, data, *, organisation, child, reason, audit_data, today=None):
    """A draft notification that another pillar's action asks the area's local authority for (a child death
    panel's review calls for one): pre-filled by that action, for the child already recorded there (`child`,
    a sealed identity), and announced to the local authority's people who may submit it.

    The calling action has checked its own permission: the person asking need not be one who may notify.
    """
    with transaction.atomic():
        incident = _start(
            actor,
            person_of(actor),
            area,
            data,
            organisation=organisation,
            child=child,
            reason=reason,
            audit_data=audit_data,
            today=today,
        )
        announce.serious_incident_requested(incident)
    return incident


def _start(
    actor,
    user,
    area,
    data,
    *,
    organisation,
    identity=None,
    child=None,
    reason="Draft started",
    audit_data=None,
    today=None,
):
    today = today or timezone.localdate()
    fields, agencies = _validated(area, data, today=today)
    with transaction.atomic():
        incident = Incident(area=area, started_by=user, started_by_organisation=organisation, child=child, **fields)
        _record_child(actor, incident, identity)
        incident.save()
        clocks.store_current_clock(incident)
        if agencies is not None:
            incident.agencies_involved.set(agencies)
        IncidentStatusChange.objects.create(
            case=incident, from_state="", to_state=IncidentStatus.DRAFT, changed_by=user, reason=reason
        )
        audit.record(
            audit_actor(actor, area, INCIDENT_STARTER_ROLES),
            "incident.draft_started",
            incident,
            {"status": incident.status, "fields": sorted(fields), **(audit_data or {})},
            area=area,
        )
    return incident


def save_draft(actor, incident, expected_version, data, *, identity=None, today=None):
    """Saves what has been filled in; refused if someone else saved the draft first."""
    check(actor, "incidents.edit_draft", incident)
    if incident.status != IncidentStatus.DRAFT:
        raise ValidationError("This notification has been submitted: it can no longer be edited as a draft")
    today = today or timezone.localdate()
    fields, agencies = _validated(incident.area, data, today=today)
    with transaction.atomic():
        for name, value in fields.items():
            setattr(incident, name, value)
        _record_child(actor, incident, identity)
        incident.updated_at = timezone.now()
        save_if_unchanged(incident, expected_version, [*fields, "child", "updated_at"])
        clocks.store_current_clock(incident)
        if agencies is not None:
            incident.agencies_involved.set(agencies)
        audit.record(
            audit_actor(actor, incident.area, INCIDENT_STARTER_ROLES),
            "incident.draft_saved",
            incident,
            {"fields": sorted(fields), "child_recorded": bool(identity and incident.child_id)},
            area=incident.area,
        )
    return incident


def missing_to_submit(incident):
    """{field: message} for what the draft still needs before it can be submitted."""
    missing = {}
    for field, message in REQUIRED_TO_SUBMIT.items():
        value = getattr(incident, field)
        if value in ("", None, []):
            missing[field] = message
    if not incident.child_id:
        missing["given_names"] = "Record the child's identifying details (a practitioner or inquiry lead can)"
    return missing


def eligibility_of(incident):
    return eligibility.check(
        abuse_or_neglect=incident.abuse_or_neglect,
        harm=incident.harm,
        where_harmed=incident.where_harmed,
        looked_after_or_care_leaver_death=incident.looked_after_or_care_leaver_death,
    )


def _open_notification_for_same_child(incident):
    if incident.child is None or incident.child.linkage_key is None:
        return None
    return (
        Incident.objects.filter(child__linkage_key=incident.child.linkage_key, status__in=DUPLICATE_CHECK_STATES)
        .exclude(pk=incident.pk)
        .order_by("submitted_at", "pk")
        .first()
    )


def submit_notification(actor, incident, expected_version, *, today=None):
    """Submits a complete, eligible draft. Flags (does not refuse) an open notification for the same child."""
    user = check(actor, "incidents.submit_notification", incident)
    TRANSITIONS.check(incident.status, IncidentStatus.SUBMITTED)
    missing = missing_to_submit(incident)
    if missing:
        raise ValidationError(missing)
    result = eligibility_of(incident)
    if not result.eligible:
        raise ValidationError(
            {"abuse_or_neglect": ["This incident does not meet the criteria for notification:", *result.reasons]}
        )
    with transaction.atomic():
        duplicate = _open_notification_for_same_child(incident)
        incident.possible_duplicate_of = duplicate
        incident.submitted_at = incident.updated_at = timezone.now()
        incident.submitted_by = user
        TRANSITIONS.move(
            incident, IncidentStatus.SUBMITTED, actor=user, history=IncidentStatusChange, reason="Notified"
        )
        save_if_unchanged(
            incident,
            expected_version,
            ["status", "submitted_at", "submitted_by", "possible_duplicate_of", "updated_at"],
        )
        clocks.store_current_clock(incident)
        audit.record(
            audit_actor(actor, incident.area, INCIDENT_STARTER_ROLES),
            "incident.notified",
            incident,
            {
                "pseudonym": incident.child.pseudonym,
                "harm": incident.harm,
                "possible_duplicate_of": duplicate.reference if duplicate else None,
            },
            area=incident.area,
        )
        announce.incident_notified(incident)
        _link_requesting_child_deaths(actor, incident)
    return incident


def _link_requesting_child_deaths(actor, incident):
    """A notification a child death panel asked for is linked to the death as it is submitted."""
    from safeguarding.child_deaths.actions.serious_incident import link_requested_serious_incident

    link_requested_serious_incident(actor, incident)


def notify(actor, area, data, *, identity, organisation=None, today=None):
    """Start and submit in one go (the API): all of it is stored, or none of it."""
    with transaction.atomic():
        incident = start_notification(actor, area, data, organisation=organisation, identity=identity, today=today)
        return submit_notification(actor, incident, incident.version, today=today)
