"""Optimistic concurrency: the second of two people saving the same record is refused, never silently lost.

A model that people edit has `version = models.PositiveIntegerField(default=1)`. Forms carry the
version the person loaded (a hidden field); saving checks it and increments it in one UPDATE, so two
saves cannot both succeed.
"""

from django.core.exceptions import ValidationError
from django.db.models import F

STALE_MESSAGE = (
    "Someone else saved this record after you opened it. Your changes have not been saved: "
    "reload the page to see theirs, then make yours again."
)


class StaleEdit(ValidationError):
    def __init__(self, message=STALE_MESSAGE):
        super().__init__(message, code="stale")


def save_if_unchanged(instance, expected_version, fields):
    """Saves `fields` of `instance` only if its stored version is still `expected_version`.

    Call inside the action's transaction. Raises StaleEdit when someone saved first; on success the
    instance's version is the new one.
    """
    model = type(instance)
    values = {field: getattr(instance, field) for field in fields}
    updated = model._base_manager.filter(pk=instance.pk, version=expected_version).update(
        **values, version=F("version") + 1
    )
    if updated != 1:
        raise StaleEdit()
    instance.version = expected_version + 1
    return instance
