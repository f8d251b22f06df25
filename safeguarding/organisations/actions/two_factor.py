"""Resetting a person's second factor, when they have lost or replaced their phone."""

from django.db import transaction
from django_otp import devices_for_user

from safeguarding.core import audit

from . import checks


def reset_two_factor(admin, user):
    """Removes the person's authenticator devices: at their next sign-in they must set one up again,
    and a session already verified with a removed device is no longer verified."""
    checks.check_may_manage_person(admin, user)
    with transaction.atomic():
        devices = list(devices_for_user(user, confirmed=None))
        for device in devices:
            device.delete()
        audit.record(
            admin,
            "two_factor.reset",
            user,
            {"user_id": user.pk, "devices_removed": len(devices)},
            area=checks.area_of_person_for(admin, user),
        )
    return len(devices)
