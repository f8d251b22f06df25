"""What the onboarding actions share: the permission check and the date a change takes effect."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone


def require(user, perm, obj=None, message="You may not do this."):
    if not user.has_perm(perm, obj):
        raise PermissionDenied(message)


def effective_date(effective_on, today=None, *, field="effective_on"):
    """The day a change takes effect: today unless given; never in the future (history records what happened)."""
    today = today or timezone.localdate()
    if effective_on is None:
        return today
    if effective_on > today:
        raise ValidationError({field: "The date the change took effect must be today or in the past"})
    return effective_on
