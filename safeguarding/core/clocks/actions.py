"""Changing the national policy table. National administrators only; every change is audited."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from safeguarding.core import audit

from .models import ClockPolicy, ClockUnit, PolicySetting

EDIT_PERMISSION = "clocks.edit_policy"

# Functions that recompute due dates an app stores from the policy table, each called with the changed
# ClockPolicy inside the change's transaction, so the stored dates never disagree with the table. An app
# adds its own with `@recomputes_stored_due_dates` (imported from its AppConfig.ready).
_RECOMPUTERS = []


def recomputes_stored_due_dates(function):
    _RECOMPUTERS.append(function)
    return function


def change_clock_policy(user, policy, *, amount, unit):
    if not user.has_perm(EDIT_PERMISSION):
        raise PermissionDenied
    if unit not in ClockUnit.values:
        raise ValidationError({"unit": f"Choose the unit from the list ({', '.join(ClockUnit.labels)})"})
    if not 1 <= amount <= 365:
        raise ValidationError({"amount": "The length must be a whole number from 1 to 365"})
    with transaction.atomic():
        locked = ClockPolicy.objects.select_for_update().get(pk=policy.pk)
        before = {"amount": locked.amount, "unit": locked.unit}
        locked.amount, locked.unit, locked.updated_by = amount, unit, user
        locked.save(update_fields=["amount", "unit", "updated_by", "updated_at"])
        for recompute in _RECOMPUTERS:
            recompute(locked)
        audit.record(
            user, "policy.clock_changed", locked, {"before": before, "after": {"amount": amount, "unit": unit}}
        )
    return locked


def change_policy_setting(user, policy_setting, *, value):
    if not user.has_perm(EDIT_PERMISSION):
        raise PermissionDenied
    if value < 1:
        raise ValidationError({"value": "The value must be a whole number of at least 1"})
    with transaction.atomic():
        locked = PolicySetting.objects.select_for_update().get(pk=policy_setting.pk)
        before = locked.value
        locked.value, locked.updated_by = value, user
        locked.save(update_fields=["value", "updated_by", "updated_at"])
        audit.record(user, "policy.setting_changed", locked, {"before": before, "after": value})
    return locked
