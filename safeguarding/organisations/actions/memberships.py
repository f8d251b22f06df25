"""Giving an existing person a role, and ending one."""

from django.core.exceptions import ValidationError
from django.db import transaction

from safeguarding.core import audit

from ..models import Membership
from . import checks


def grant_membership(admin, user, organisation, area, role):
    """Gives `user` a role for `organisation`, in `area` or (for national roles) nationally."""
    checks.check_scope(role, area)
    checks.check_may_manage_role(admin, area, role)
    checks.check_organisation_fits(organisation, area, role)
    with transaction.atomic():
        if area is not None:
            checks.lock_area(area)
        if Membership.objects.filter(user=user, organisation=organisation, area=area, role=role).exists():
            held_for = area.name if area else "England"
            raise ValidationError(
                {"role": f"{user.full_name} already holds this role for {organisation.name} in {held_for}"}
            )
        checks.check_lead_chief_officer_free(organisation, area, role)
        checks.check_national_and_identity_roles_apart(user.email, role)
        membership = Membership.objects.create(user=user, organisation=organisation, area=area, role=role)
        from .invitations import ask_lead_chief_officer_to_confirm

        ask_lead_chief_officer_to_confirm(membership)
        audit.record(
            admin,
            "membership.granted",
            membership,
            {"role": role, "organisation_id": organisation.pk, "user_id": user.pk},
            area=area,
        )
    _forget_cached_roles(user)
    return membership


def end_membership(admin, membership):
    """Takes a role away: the membership row is deleted and the audit event keeps what it was."""
    checks.check_may_manage_role(admin, membership.area, membership.role)
    with transaction.atomic():
        membership = Membership.objects.select_for_update().filter(pk=membership.pk).first()
        if membership is None:
            raise ValidationError("This role has already been ended")
        if membership.user_id == admin.pk and membership.role in checks.ADMINISTRATOR_ROLES:
            _check_not_own_last_administrator_role(admin, membership)
        target = ("organisations.membership", membership.pk, str(membership))
        details = {
            "role": membership.role,
            "organisation_id": membership.organisation_id,
            "user_id": membership.user_id,
            "area_id": membership.area_id,
        }
        area = membership.area
        membership.delete()
        audit.record(admin, "membership.ended", target, details, area=area)
    if membership.user_id == admin.pk:
        _forget_cached_roles(admin)


def _check_not_own_last_administrator_role(admin, membership):
    """An administrator who removed their own last administrator role could not undo it."""
    others = (
        Membership.objects.filter(user=admin, role__in=checks.ADMINISTRATOR_ROLES).exclude(pk=membership.pk).exists()
    )
    if not others:
        raise ValidationError(
            "You cannot end your own last administrator role. Ask another administrator to do it if it must end"
        )


def _forget_cached_roles(user):
    """core.permissions caches a person's memberships on the user object for the request."""
    if hasattr(user, "_membership_cache"):
        del user._membership_cache
