"""Every change to the reviewer register: check permission, validate, change in one transaction, audit.

Views, demo seeding and other apps (the NSCI assesses its inquiries' quality) call these; none repeats them.
"""

from decimal import Decimal, InvalidOperation

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from safeguarding.core import audit, permissions
from safeguarding.core.concurrency import save_if_unchanged
from safeguarding.organisations.models.people import NATIONAL_ROLES

from .models import (
    Accreditation,
    AccreditationLevel,
    Availability,
    CpdRecord,
    Employment,
    InquiryKind,
    QualityAssessment,
    Reviewer,
    Specialism,
)
from .quality_markers import MARKER_KEYS, RATINGS

MAX_CPD_HOURS = Decimal(100)


def _check(actor, perm, obj=None):
    """Refuses a person without `perm`. The system (an audit.Actor without a user) passes, as in incidents."""
    user = actor.user if isinstance(actor, audit.Actor) else actor
    if user is not None and not user.has_perm(perm, obj):
        raise PermissionDenied(f"You may not do this ({perm}).")
    return user


def _audit_actor(actor):
    """A person as the audit trail names them: with the national organisation and role they act in."""
    if isinstance(actor, audit.Actor):
        return actor
    membership = next(
        (m for m in permissions.memberships(actor) if m.area_id is None and m.role in NATIONAL_ROLES), None
    )
    if membership is None:
        return actor
    return audit.Actor.person(actor, organisation=membership.organisation, role=membership.role)


def _today(today):
    return today or timezone.localdate()


def _raise_if(errors):
    if errors:
        raise ValidationError(errors)


def save_reviewer(
    actor,
    reviewer=None,
    expected_version=None,
    *,
    user=None,
    specialisms=(),
    availability=Availability.AVAILABLE,
    availability_note="",
    available_from=None,
    today=None,
):
    """Adds a person to the register (no `reviewer`) or changes their entry (with the version they loaded)."""
    _check(actor, "reviewers.manage_register")
    errors = {}
    if reviewer is None:
        if user is None:
            errors["user"] = "Choose the person to add to the register"
        elif Reviewer.objects.filter(user=user).exists():
            errors["user"] = f"{user} is already on the register"
        elif not user.is_active:
            errors["user"] = f"{user}'s account is deactivated: reactivate it first"
    unknown = [value for value in specialisms if value not in Specialism.values]
    if unknown:
        errors["specialisms"] = f"Unknown specialism: {', '.join(map(str, unknown))}"
    if availability not in Availability.values:
        errors["availability"] = "Select available, limited availability or not available"
    if availability == Availability.NOT_AVAILABLE and available_from is not None and available_from <= _today(today):
        errors["available_from"] = "The date they are available from must be in the future, or leave it empty"
    if len(availability_note or "") > 500:
        errors["availability_note"] = "The note on availability must be 500 characters or fewer"
    _raise_if(errors)
    values = {
        "specialisms": [value for value in Specialism.values if value in set(specialisms)],
        "availability": availability,
        "availability_note": (availability_note or "").strip(),
        "available_from": available_from if availability != Availability.AVAILABLE else None,
    }
    with transaction.atomic():
        if reviewer is None:
            reviewer = Reviewer.objects.create(user=user, added_on=_today(today), **values)
            verb = "reviewers.reviewer_added"
        else:
            for field, value in values.items():
                setattr(reviewer, field, value)
            save_if_unchanged(reviewer, expected_version, list(values))
            verb = "reviewers.reviewer_changed"
        audit.record(_audit_actor(actor), verb, reviewer, {**values, "user": reviewer.user_id})
    return reviewer


def add_accreditation(actor, reviewer, *, level, awarding_body, accredited_on, expires_on, today=None):
    user = _check(actor, "reviewers.manage_register")
    errors = {}
    if level not in AccreditationLevel.values:
        errors["level"] = "Select the level of accreditation"
    if not (awarding_body or "").strip():
        errors["awarding_body"] = "Enter the body that awarded the accreditation"
    if accredited_on is None:
        errors["accredited_on"] = "Enter the date of accreditation"
    elif accredited_on > _today(today):
        errors["accredited_on"] = "The date of accreditation must be today or in the past"
    if expires_on is None:
        errors["expires_on"] = "Enter the date the accreditation expires"
    elif accredited_on is not None and expires_on <= accredited_on:
        errors["expires_on"] = "The expiry date must be after the date of accreditation"
    _raise_if(errors)
    with transaction.atomic():
        row = Accreditation.objects.create(
            reviewer=reviewer,
            level=level,
            awarding_body=awarding_body.strip(),
            accredited_on=accredited_on,
            expires_on=expires_on,
            recorded_by=user or reviewer.user,
        )
        audit.record(
            _audit_actor(actor),
            "reviewers.accreditation_added",
            reviewer,
            {"level": level, "accredited_on": accredited_on, "expires_on": expires_on},
        )
    return row


def _hours(value):
    try:
        return Decimal(str(value)).quantize(Decimal("0.1"))
    except (InvalidOperation, ValueError, TypeError):
        return None


def record_cpd(actor, reviewer, *, completed_on, hours, activity, today=None):
    user = _check(actor, "reviewers.manage_register")
    errors = {}
    if completed_on is None:
        errors["completed_on"] = "Enter the date of the activity"
    elif completed_on > _today(today):
        errors["completed_on"] = "The date of the activity must be today or in the past"
    amount = _hours(hours) if hours is not None else None
    if amount is None or not (0 < amount <= MAX_CPD_HOURS):
        errors["hours"] = f"Enter the hours as a number more than 0 and no more than {MAX_CPD_HOURS}"
    if not (activity or "").strip():
        errors["activity"] = "Enter the activity, for example a course or a supervised review"
    _raise_if(errors)
    with transaction.atomic():
        row = CpdRecord.objects.create(
            reviewer=reviewer,
            completed_on=completed_on,
            hours=amount,
            activity=activity.strip()[:300],
            recorded_by=user or reviewer.user,
        )
        audit.record(
            _audit_actor(actor), "reviewers.cpd_recorded", reviewer, {"completed_on": completed_on, "hours": amount}
        )
    return row


def _employment_errors(organisation, area, role_title, started_on, ended_on, today):
    errors = {}
    if organisation is None and area is None:
        errors["organisation"] = "Choose the organisation worked for, the safeguarding area, or both"
    if not (role_title or "").strip():
        errors["role_title"] = "Enter the job title"
    if started_on is None:
        errors["started_on"] = "Enter the date the job started"
    elif started_on > today:
        errors["started_on"] = "The start date must be today or in the past"
    if ended_on is not None:
        if ended_on > today:
            errors["ended_on"] = "The end date must be today or in the past: leave it empty for a current job"
        elif started_on is not None and ended_on < started_on:
            errors["ended_on"] = "The end date must be on or after the start date"
    return errors


def _employment_audit(job):
    return {
        "organisation": job.organisation_id,
        "area": job.area_id,
        "started_on": job.started_on,
        "ended_on": job.ended_on,
    }


def add_employment(actor, reviewer, *, organisation=None, area=None, role_title, started_on, ended_on=None, today=None):
    user = _check(actor, "reviewers.manage_register")
    _raise_if(_employment_errors(organisation, area, role_title, started_on, ended_on, _today(today)))
    with transaction.atomic():
        row = Employment.objects.create(
            reviewer=reviewer,
            organisation=organisation,
            area=area,
            role_title=role_title.strip(),
            started_on=started_on,
            ended_on=ended_on,
            recorded_by=user or reviewer.user,
        )
        audit.record(_audit_actor(actor), "reviewers.employment_added", reviewer, _employment_audit(row))
    return row


def change_employment(
    actor, job, expected_version, *, organisation=None, area=None, role_title, started_on, ended_on=None, today=None
):
    """Corrects a declared job or records that it ended (the independence window runs from the end date)."""
    _check(actor, "reviewers.manage_register")
    _raise_if(_employment_errors(organisation, area, role_title, started_on, ended_on, _today(today)))
    with transaction.atomic():
        job.organisation, job.area, job.role_title = organisation, area, role_title.strip()
        job.started_on, job.ended_on = started_on, ended_on
        save_if_unchanged(job, expected_version, ["organisation", "area", "role_title", "started_on", "ended_on"])
        audit.record(_audit_actor(actor), "reviewers.employment_changed", job.reviewer, _employment_audit(job))
    return job


def _rating_errors(ratings, comments):
    errors = {}
    unknown = sorted(set(ratings) - set(MARKER_KEYS))
    if unknown:
        errors["ratings"] = f"Unknown quality marker: {', '.join(unknown)}"
    for key in MARKER_KEYS:
        rating = ratings.get(key)
        if rating is None or rating == "":
            errors[key] = f"Rate the quality marker '{key}': met, partly met or not met"
        elif rating not in RATINGS:
            errors[key] = f"Unknown rating '{rating}' for the quality marker '{key}': use met, partly_met or not_met"
    unknown_comments = sorted(set(comments) - set(MARKER_KEYS))
    if unknown_comments:
        errors["comments"] = f"Comment on an unknown quality marker: {', '.join(unknown_comments)}"
    return errors


def assess_quality(
    actor,
    *,
    reviewer,
    inquiry_kind,
    inquiry_key,
    inquiry_label,
    ratings,
    comments=None,
    incident=None,
    overall_comment="",
    today=None,
):
    """Records (or replaces) an inquiry's assessment against all 18 SCR Quality Markers, for its lead reviewer."""
    user = _check(actor, "reviewers.assess_quality", reviewer)
    ratings, comments = dict(ratings or {}), {k: (v or "").strip() for k, v in (comments or {}).items()}
    errors = _rating_errors(ratings, comments)
    if reviewer is None:
        errors["reviewer"] = "The inquiry has no lead reviewer on the register"
    if inquiry_kind not in InquiryKind.values:
        errors["inquiry_kind"] = "The inquiry must be a local learning inquiry (lli) or an NSCI (nsci)"
    if not (inquiry_key or "").strip():
        errors["inquiry_key"] = "Name the inquiry assessed, for example incident:42 or nsci:7"
    _raise_if(errors)
    values = {
        "reviewer": reviewer,
        "inquiry_label": (inquiry_label or inquiry_key).strip()[:300],
        "incident": incident,
        "assessed_by": user if user is not None else reviewer.user,
        "assessed_on": _today(today),
        "ratings": {key: ratings[key] for key in MARKER_KEYS},
        "comments": {key: text for key, text in comments.items() if text},
        "overall_comment": (overall_comment or "").strip(),
    }
    with transaction.atomic():
        assessment, created = QualityAssessment.objects.update_or_create(
            inquiry_kind=inquiry_kind, inquiry_key=inquiry_key.strip(), defaults=values
        )
        audit.record(
            _audit_actor(actor),
            "reviewers.quality_assessed" if created else "reviewers.quality_reassessed",
            reviewer,
            {"inquiry": f"{inquiry_kind}:{assessment.inquiry_key}", "ratings": values["ratings"]},
        )
    return assessment
