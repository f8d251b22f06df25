"""Setting up an accepted inquiry: terms of reference, methodology and an independent team.

Every reviewer on the team is checked by the reviewer register's independence rules for the inquiry's areas
and agencies on the day of appointment: one who fails is refused, naming them and the reason.
"""

from django.core.exceptions import ValidationError
from django.db import transaction

from safeguarding.core.concurrency import save_if_unchanged
from safeguarding.learning.reviewers import independence

from ..models import TeamMember, TeamRole
from ..states import InquiryStatus
from .common import check, move, record, require_status
from .common import today as local_today


def team_choices(inquiry, *, on=None):
    """(eligible reviewers, [(excluded reviewer, reasons)]) for this inquiry's areas and agencies."""
    return independence.eligible_reviewers(
        areas=list(inquiry.areas.all()), organisations=list(inquiry.agencies.all()), on=on or local_today()
    )


def _team_errors(inquiry, lead_reviewer, members, on):
    errors = {}
    areas, agencies = list(inquiry.areas.all()), list(inquiry.agencies.all())
    if lead_reviewer is None:
        errors["lead_reviewer"] = "Choose the lead reviewer from the reviewer register"
    else:
        reasons = independence.check(lead_reviewer, areas=areas, organisations=agencies, on=on)
        if reasons:
            errors["lead_reviewer"] = f"{lead_reviewer.name} cannot lead this inquiry: {'; '.join(reasons)}"
    refused = []
    for member in members:
        if lead_reviewer is not None and member.pk == lead_reviewer.pk:
            refused.append(f"{member.name} is already the lead reviewer")
            continue
        reasons = independence.check(member, areas=areas, organisations=agencies, on=on)
        if reasons:
            refused.append(f"{member.name} cannot sit on this inquiry: {'; '.join(reasons)}")
    if refused:
        errors["members"] = refused
    return errors


def save_set_up(
    actor,
    inquiry,
    expected_version,
    *,
    terms_of_reference,
    methodology=None,
    methodology_notes="",
    lead_reviewer=None,
    members=(),
    today=None,
):
    """Agrees the terms of reference and appoints the team: the inquiry is set up."""
    user = check(actor, "nsci.set_up", inquiry)
    require_status(inquiry, {InquiryStatus.ACCEPTED}, "be set up")
    today = today or local_today()
    members = list(members or ())
    terms_of_reference, methodology_notes = (terms_of_reference or "").strip(), (methodology_notes or "").strip()
    errors = {}
    if not terms_of_reference:
        errors["terms_of_reference"] = "Enter the terms of reference: the questions the inquiry will answer"
    if methodology is None and not methodology_notes:
        errors["methodology"] = "Choose a methodology from the list, or describe the methodology in the notes"
    elif methodology is not None and not methodology.is_active:
        errors["methodology"] = "This methodology is no longer on the list: choose another"
    errors.update(_team_errors(inquiry, lead_reviewer, members, today))
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        move(inquiry, InquiryStatus.SET_UP, user=user, reason="Terms of reference agreed and team appointed")
        inquiry.terms_of_reference, inquiry.methodology = terms_of_reference, methodology
        inquiry.methodology_notes, inquiry.set_up_on = methodology_notes, today
        save_if_unchanged(
            inquiry,
            expected_version,
            ["status", "terms_of_reference", "methodology", "methodology_notes", "set_up_on"],
        )
        appointed = [(lead_reviewer, TeamRole.LEAD)] + [(member, TeamRole.MEMBER) for member in members]
        TeamMember.objects.bulk_create(
            [
                TeamMember(inquiry=inquiry, reviewer=reviewer, role=role, appointed_on=today, appointed_by=user)
                for reviewer, role in appointed
            ]
        )
        record(
            actor,
            "nsci.set_up",
            inquiry,
            {
                "methodology": methodology.slug if methodology else None,
                "lead_reviewer": lead_reviewer.pk,
                "members": [member.pk for member in members],
            },
        )
    return inquiry


def start(actor, inquiry, expected_version):
    """The set-up inquiry begins its work."""
    user = check(actor, "nsci.run", inquiry)
    require_status(inquiry, {InquiryStatus.SET_UP}, "start")
    with transaction.atomic():
        move(inquiry, InquiryStatus.IN_PROGRESS, user=user, reason="Inquiry started")
        save_if_unchanged(inquiry, expected_version, ["status"])
        record(actor, "nsci.started", inquiry)
    return inquiry
