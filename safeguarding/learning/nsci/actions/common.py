"""What every national inquiry action shares: the permission check, the audit actor, the state move."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from safeguarding.core import audit, permissions
from safeguarding.organisations.models.people import NATIONAL_ROLES

from ..models import NationalInquiryStatusChange
from ..states import TRANSITIONS


def check(actor, perm, obj=None):
    """Refuses a person without `perm`; the system (the demo, commands) passes as an audit.Actor."""
    user = actor.user if isinstance(actor, audit.Actor) else actor
    if user is not None and not user.has_perm(perm, obj):
        raise PermissionDenied(f"You may not do this ({perm}).")
    return user


def audit_actor(actor):
    """The actor as the audit trail names it: a person with the national organisation and role they hold."""
    if isinstance(actor, audit.Actor):
        return actor
    membership = next(
        (m for m in permissions.memberships(actor) if m.area_id is None and m.role in NATIONAL_ROLES), None
    )
    if membership is None:
        return actor
    return audit.Actor.person(actor, organisation=membership.organisation, role=membership.role)


def record(actor, verb, inquiry, data=None):
    audit.record(audit_actor(actor), verb, inquiry, {"reference": inquiry.reference, **(data or {})})


def move(inquiry, to_state, *, user, reason=""):
    TRANSITIONS.move(inquiry, to_state, actor=user, history=NationalInquiryStatusChange, reason=reason)


def require_status(inquiry, states, doing):
    if inquiry.status not in states:
        raise ValidationError(f"{inquiry.reference} is {inquiry.status_label.lower()}: it cannot {doing} now")


def today():
    return timezone.localdate()
