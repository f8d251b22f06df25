"""Recording an area's strategic meetings with attendance by agency, and reports asked of agencies."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from safeguarding.core import audit

from ..models import MeetingAttendance, ReportRequest, StrategicMeeting


def record_meeting(user, area, *, title, kind, held_on, hours, attendance):
    """`attendance` maps organisations (partners of the area) to the number of their people present."""
    if not user.has_perm("arrangements.edit", area):
        raise PermissionDenied
    if hours <= 0 or hours > 24:
        raise ValidationError({"hours": "The length of the meeting must be more than 0 and at most 24 hours"})
    present = {organisation: count for organisation, count in attendance.items() if count}
    if not present:
        raise ValidationError("Enter how many people from at least one agency attended")
    partner_ids = set(area.partners.values_list("pk", flat=True))
    with transaction.atomic():
        meeting = StrategicMeeting.objects.create(
            area=area, title=title, kind=kind, held_on=held_on, hours=hours, recorded_by=user
        )
        for organisation, count in present.items():
            if organisation.pk not in partner_ids:
                raise ValidationError(f"{organisation.name} is not a partner of {area.name}")
            MeetingAttendance.objects.create(meeting=meeting, organisation=organisation, attendees=count)
        audit.record(
            user,
            "arrangements.meeting_recorded",
            meeting,
            {"kind": kind, "hours": hours, "agencies": len(present)},
            area=area,
        )
    return meeting


def request_report(user, area, *, organisation, title, due_on):
    if not user.has_perm("arrangements.edit", area):
        raise PermissionDenied
    if not area.partners.filter(pk=organisation.pk).exists():
        raise ValidationError({"organisation": f"{organisation.name} is not a partner of {area.name}"})
    with transaction.atomic():
        row = ReportRequest.objects.create(
            area=area, organisation=organisation, title=title, due_on=due_on, recorded_by=user
        )
        audit.record(user, "arrangements.report_requested", row, {"organisation": organisation.pk}, area=area)
    return row
