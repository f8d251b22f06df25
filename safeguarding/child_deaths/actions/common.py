"""What every child death action shares: the permission check and who the audit trail says acted."""

from django.core.exceptions import PermissionDenied

from safeguarding.core import audit, permissions


def require(user, perm, obj=None, message="You may not do this for this case."):
    if not user.has_perm(perm, obj):
        raise PermissionDenied(message)


def acting_as(user, area):
    """The person, with the organisation and role they hold in `area` (first found), for the audit trail."""
    if isinstance(user, audit.Actor):
        return user
    area_id = getattr(area, "pk", area)
    membership = next((m for m in permissions.memberships(user) if m.area_id == area_id), None)
    if membership is None:
        membership = next(iter(permissions.memberships(user)), None)
    if membership is None:
        return user
    return audit.Actor.person(user, organisation=membership.organisation, role=membership.role)
