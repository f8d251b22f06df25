"""Sign-off by the three lead chief officers, and publication of the signed version."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from safeguarding.core import audit, permissions
from safeguarding.organisations.models import Role
from safeguarding.organisations.models.organisations import STATUTORY_PARTNER_KINDS

from ..completeness import gaps
from ..models import VERSION_TRANSITIONS, ArrangementsVersion, SignOff, VersionStatus, VersionStatusChange
from .drafts import _require_draft

SIGN_OFF = "arrangements.sign_off"
PUBLISH = "arrangements.publish"
PARTNER_LABELS = dict(SignOff.PARTNER_KINDS)

# The named rule of publication (Wood recommendations 3 and 4).
THREE_SIGN_OFFS_RULE = (
    "Arrangements are published only when the lead chief officers of all three safeguarding partners "
    "(local authority, health and police) have signed off the version"
)


def partner_membership(user, area):
    """The membership through which `user` signs for a statutory partner in `area`, or None."""
    for membership in permissions.memberships(user):
        if (
            membership.area_id == area.pk
            and membership.role == Role.LEAD_CHIEF_OFFICER
            and membership.organisation.kind in STATUTORY_PARTNER_KINDS
        ):
            return membership
    return None


def missing_partners(version):
    signed = set(SignOff.objects.standing().filter(document=version).values_list("partner_kind", flat=True))
    return [label for kind, label in SignOff.PARTNER_KINDS if kind not in signed]


def _require_complete(version, doing):
    missing = gaps(version)
    if missing:
        raise ValidationError(
            f"The draft is not complete, so it cannot be {doing}: "
            + "; ".join(gap.message for gap in missing[:5])
            + ("; and more" if len(missing) > 5 else "")
        )


def sign_off(user, version):
    area = version.area
    if not user.has_perm(SIGN_OFF, area):
        raise PermissionDenied
    membership = partner_membership(user, area)
    if membership is None:
        raise PermissionDenied
    with transaction.atomic():
        version = ArrangementsVersion.objects.select_for_update().get(pk=version.pk)
        _require_draft(version)
        _require_complete(version, "signed off")
        kind = membership.organisation.kind
        if SignOff.objects.standing().filter(document=version, partner_kind=kind).exists():
            raise ValidationError(
                f"The {PARTNER_LABELS[kind].lower()} lead chief officer has already signed off version {version.number}"
            )
        row = SignOff.objects.create(
            document=version, partner_kind=kind, organisation=membership.organisation, signed_by=user
        )
        audit.record(
            user,
            "arrangements.signed_off",
            row,
            {"version": version.number, "partner": kind},
            area=area,
            organisation=membership.organisation,
            role=Role.LEAD_CHIEF_OFFICER,
        )
    return row


def publish(user, version, *, now=None):
    area = version.area
    if not user.has_perm(PUBLISH, area):
        raise PermissionDenied
    with transaction.atomic():
        version = ArrangementsVersion.objects.select_for_update().get(pk=version.pk)
        _require_draft(version)
        missing = missing_partners(version)
        if missing:
            raise ValidationError(
                f"{THREE_SIGN_OFFS_RULE}. Still to sign off: {', '.join(label.lower() for label in missing)}",
                code="publication_needs_three_sign_offs",
            )
        _require_complete(version, "published")
        now = now or timezone.now()
        previous = list(
            ArrangementsVersion.objects.select_for_update().filter(area=area, status=VersionStatus.PUBLISHED)
        )
        for old in previous:
            VERSION_TRANSITIONS.move(
                old,
                VersionStatus.SUPERSEDED,
                actor=user,
                history=VersionStatusChange,
                reason=f"version {version.number} published",
            )
            old.superseded_at = now
            old.save(update_fields=["status", "superseded_at"])
        VERSION_TRANSITIONS.move(version, VersionStatus.PUBLISHED, actor=user, history=VersionStatusChange)
        version.published_at, version.published_by = now, user
        version.save(update_fields=["status", "published_at", "published_by"])
        audit.record(
            user,
            "arrangements.published",
            version,
            {"version": version.number, "superseded": [old.number for old in previous]},
            area=area,
        )
    return version
