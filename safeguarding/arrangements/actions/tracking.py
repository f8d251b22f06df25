"""National administrators set the date by which every area must publish its arrangements."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from safeguarding.core import audit

from ..models import TransitionDeadline


def set_deadline(user, *, deadline, note="", today=None):
    if not user.has_perm("arrangements.set_deadline"):
        raise PermissionDenied
    today = today or timezone.localdate()
    if deadline < today:
        raise ValidationError({"deadline": "The deadline must be today or a date in the future"})
    with transaction.atomic():
        previous = TransitionDeadline.current()
        row = TransitionDeadline.objects.create(deadline=deadline, note=note, set_by=user)
        audit.record(
            user,
            "arrangements.deadline_set",
            row,
            {"deadline": deadline, "previous": previous.deadline if previous else None},
        )
    return row
