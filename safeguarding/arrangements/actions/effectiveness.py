"""Recording scrutiny, responses, outcome measures and their values, and engagement with children."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from safeguarding.core import audit
from safeguarding.core.concurrency import save_if_unchanged

from ..models import Engagement, OutcomeMeasure, OutcomeValue, ScrutinyActivity


def _require_editor(user, area):
    if not user.has_perm("arrangements.edit", area):
        raise PermissionDenied


def record_scrutiny(user, area, **fields):
    _require_editor(user, area)
    with transaction.atomic():
        activity = ScrutinyActivity.objects.create(area=area, recorded_by=user, **fields)
        audit.record(user, "arrangements.scrutiny_recorded", activity, {"kind": activity.kind}, area=area)
    return activity


def respond_to_scrutiny(user, activity, *, response, responded_on, expected_version):
    _require_editor(user, activity.area)
    if responded_on < activity.carried_out_on:
        raise ValidationError(
            {"responded_on": "The date of the response must be the same as or after the date of the activity"}
        )
    with transaction.atomic():
        activity.response, activity.responded_on = response, responded_on
        save_if_unchanged(activity, expected_version, ["response", "responded_on"])
        audit.record(user, "arrangements.scrutiny_responded", activity, {}, area=activity.area)
    return activity


def add_measure(user, area, **fields):
    _require_editor(user, area)
    if OutcomeMeasure.objects.filter(area=area, name=fields["name"]).exists():
        raise ValidationError({"name": "The area already has a measure with this name"})
    with transaction.atomic():
        measure = OutcomeMeasure.objects.create(area=area, recorded_by=user, **fields)
        audit.record(user, "arrangements.measure_added", measure, {}, area=area)
    return measure


def record_value(user, measure, *, period_ending, value, note=""):
    _require_editor(user, measure.area)
    if OutcomeValue.objects.filter(measure=measure, period_ending=period_ending).exists():
        raise ValidationError({"period_ending": "A value for this period is already recorded"})
    with transaction.atomic():
        row = OutcomeValue.objects.create(
            measure=measure, period_ending=period_ending, value=value, note=note, recorded_by=user
        )
        audit.record(
            user,
            "arrangements.measure_value_recorded",
            row,
            {"measure": measure.pk, "period_ending": period_ending, "value": value},
            area=measure.area,
        )
    return row


def record_engagement(user, area, **fields):
    _require_editor(user, area)
    with transaction.atomic():
        row = Engagement.objects.create(area=area, recorded_by=user, **fields)
        audit.record(user, "arrangements.engagement_recorded", row, {}, area=area)
    return row
