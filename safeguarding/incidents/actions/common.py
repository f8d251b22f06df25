"""What every incident action shares: who is acting, the permission check, and the audit actor."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from safeguarding.core import audit, permissions

from .. import redaction


def person_of(actor):
    """The signed-in person behind `actor`, or None for an API client or the system."""
    if isinstance(actor, audit.Actor):
        return actor.user
    return actor


def check(actor, perm, obj):
    """Refuses a person without `perm` on `obj`. API clients and the system are checked where they
    authenticate (token scopes and areas), so they pass here as an audit.Actor without a user."""
    user = person_of(actor)
    if user is not None and not user.has_perm(perm, obj):
        raise PermissionDenied(f"You may not do this ({perm}).")
    return user


def audit_actor(actor, area, roles=None):
    """The actor as the audit trail names it: a person with the organisation and role they acted in."""
    if isinstance(actor, audit.Actor):
        return actor
    membership = next(
        (
            m
            for m in permissions.memberships(actor)
            if m.area_id == getattr(area, "pk", area) and (roles is None or m.role in roles)
        ),
        None,
    )
    if membership is None:
        return actor
    return audit.Actor.person(actor, organisation=membership.organisation, role=membership.role)


def today():
    return timezone.localdate()


def names_in_identity(actor, incident):
    """The child's names, unsealed here and nowhere else: they are matched against text bound for
    publication or the national body, never shown (a name appears on a page only where that text already
    has it). The read is audited."""
    if incident.child is None:
        return []
    with transaction.atomic():
        details = incident.child.unseal()
        audit.record(
            audit_actor(actor, incident.area),
            "identity.read_for_redaction",
            incident.child,
            {"pseudonym": incident.child.pseudonym, "case": incident.reference},
            area=incident.area,
        )
    return redaction.identity_terms(details.get("given_names"), details.get("family_name"))
