"""Every change to, and every look at, a child's identifying details goes through these functions."""

import re

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.utils import timezone

from safeguarding.core import audit, permissions

from . import nhs
from .models import ChildIdentity, new_pseudonym


class IdentityViewReason(models.TextChoices):
    """Why a person needs to see who a child is. Kept short so the audit trail can be read at a glance."""

    CONTACTING_FAMILY = "contacting_family", "Checking identity before contacting family"
    REVIEW_MEETING = "review_meeting", "Preparing for a review meeting"
    MATCHING_NOTIFICATION = "matching_notification", "Matching a new notification"
    URGENT_SAFEGUARDING = "urgent_safeguarding", "Safeguarding action needed now"
    SUBJECT_ACCESS = "subject_access", "Responding to a data subject request"


# Outward code, then inward code (digit and two letters); the space between is optional when typed.
_UK_POSTCODE = re.compile(r"^(GIR ?0AA|[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2})$")

# The sealed fields, in the order pages show them.
IDENTITY_FIELDS = (
    "given_names",
    "family_name",
    "nhs_number",
    "nhs_number_unavailable_reason",
    "date_of_birth",
    "address",
    "postcode",
)


def normalise_postcode(value):
    """'ts1 2ab' → 'TS1 2AB'; ValueError when it is not shaped like a UK postcode."""
    compact = re.sub(r"\s+", "", value).upper()
    if not _UK_POSTCODE.match(compact):
        raise ValueError("Enter a full UK postcode, like TS1 2AB")
    return f"{compact[:-3]} {compact[-3:]}"


def _validated_fields(
    given_names, family_name, nhs_number, nhs_number_unavailable_reason, date_of_birth, address, postcode
):
    """The fields to seal, cleaned; ValidationError listing every problem at once."""
    errors = {}
    fields = {
        "given_names": (given_names or "").strip(),
        "family_name": (family_name or "").strip(),
        "nhs_number": "",
        "nhs_number_unavailable_reason": (nhs_number_unavailable_reason or "").strip(),
        "date_of_birth": "",
        "address": (address or "").strip(),
        "postcode": "",
    }
    if not fields["given_names"]:
        errors["given_names"] = "Enter the child's given names"
    if not fields["family_name"]:
        errors["family_name"] = "Enter the child's family name"
    if nhs_number and nhs_number.strip():
        try:
            fields["nhs_number"] = nhs.normalise(nhs_number)
        except ValueError as error:
            errors["nhs_number"] = str(error)
        if fields["nhs_number_unavailable_reason"]:
            errors["nhs_number_unavailable_reason"] = "Leave the reason blank when the NHS number is given"
    elif not fields["nhs_number_unavailable_reason"]:
        errors["nhs_number"] = "Enter the NHS number, or say why it is not available"
    if date_of_birth is not None:
        if date_of_birth > timezone.localdate():
            errors["date_of_birth"] = "The date of birth must be today or in the past"
        else:
            fields["date_of_birth"] = date_of_birth.isoformat()
    if postcode and postcode.strip():
        try:
            fields["postcode"] = normalise_postcode(postcode)
        except ValueError as error:
            errors["postcode"] = str(error)
    if errors:
        raise ValidationError(errors)
    return fields


def _check_may_handle_identity(actor, area):
    """People record and see identities only where they hold an identity role, with a verified
    second factor. API clients and commands are checked where they authenticate."""
    user = actor.user if isinstance(actor, audit.Actor) else actor
    if user is not None and not user.has_perm("core.view_identity", area):
        raise PermissionDenied("You may not handle children's identifying details in this area.")


def _acting_as(user, area):
    """The organisation and role through which the person reaches identities in the area, for the audit trail."""
    membership = next(
        (m for m in permissions.memberships(user) if m.area_id == area.pk and m.role in permissions.IDENTITY_ROLES),
        None,
    )
    if membership is None:
        return user
    return audit.Actor.person(user, organisation=membership.organisation, role=membership.role)


def record_identity(
    actor,
    area,
    *,
    given_names,
    family_name,
    nhs_number=None,
    nhs_number_unavailable_reason="",
    date_of_birth=None,
    address="",
    postcode="",
):
    """Seals and stores one child's identifying details for `area`; returns the new ChildIdentity."""
    _check_may_handle_identity(actor, area)
    fields = _validated_fields(
        given_names, family_name, nhs_number, nhs_number_unavailable_reason, date_of_birth, address, postcode
    )
    with transaction.atomic():
        pseudonym = new_pseudonym()
        while ChildIdentity.objects.filter(pseudonym=pseudonym).exists():
            pseudonym = new_pseudonym()
        identity = ChildIdentity(
            pseudonym=pseudonym,
            area=area,
            linkage_key=nhs.linkage_key(fields["nhs_number"]) if fields["nhs_number"] else None,
        )
        identity.seal(fields)
        identity.save(force_insert=True)
        audit.record(
            actor if isinstance(actor, audit.Actor) else _acting_as(actor, area),
            "identity.recorded",
            identity,
            {"pseudonym": identity.pseudonym, "fields_given": [name for name in IDENTITY_FIELDS if fields[name]]},
            area=area,
        )
    return identity


def reveal_identity(user, identity, reason):
    """The child's identifying details, for a person allowed to see them, with the reason audited."""
    if not user.has_perm("core.view_identity", identity):
        raise PermissionDenied("You may not see this child's identifying details.")
    if reason not in IdentityViewReason.values:
        raise ValueError(f"Unknown reason for viewing an identity: {reason!r}")
    with transaction.atomic():
        # Opened inside the transaction: if it fails, no view is recorded because none happened.
        details = identity.unseal()
        audit.record(
            _acting_as(user, identity.area),
            "identity.viewed",
            identity,
            {"pseudonym": identity.pseudonym, "reason": reason, "reason_label": IdentityViewReason(reason).label},
            area=identity.area,
        )
    return details


def find_linked(identity):
    """Other rows for the same child (same NHS number), in any area; scope with `.visible_to(user)`."""
    if identity.linkage_key is None:
        return ChildIdentity.objects.none()
    return ChildIdentity.objects.filter(linkage_key=identity.linkage_key).exclude(pk=identity.pk)
