"""Strategic meetings and the reports areas ask of agencies (paragraphs 84 and 147): recorded by each
area so that an agency serving several areas can see the whole burden placed on it."""

from django.conf import settings
from django.db import models

from safeguarding.core.scoping import AreaScopedQuerySet


class MeetingKind(models.TextChoices):
    BOARD = "board", "Strategic board of the partners"
    EXECUTIVE = "executive", "Executive or leadership group"
    SUBGROUP = "subgroup", "Sub-group"
    OTHER_BOARD = "other_board", "Other board (for example health and wellbeing, community safety)"


class StrategicMeeting(models.Model):
    area = models.ForeignKey("organisations.SafeguardingArea", on_delete=models.PROTECT, related_name="+")
    title = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=MeetingKind.choices)
    held_on = models.DateField()
    hours = models.DecimalField(max_digits=4, decimal_places=1, help_text="Length of the meeting, in hours")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    objects = AreaScopedQuerySet.as_manager()

    class Meta:
        ordering = ["area", "-held_on", "-pk"]

    def __str__(self):
        return f"{self.title} ({self.held_on})"


class MeetingAttendanceQuerySet(AreaScopedQuerySet):
    area_lookup = "meeting__area"


class MeetingAttendance(models.Model):
    meeting = models.ForeignKey(StrategicMeeting, on_delete=models.CASCADE, related_name="attendance")
    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.PROTECT, related_name="+")
    attendees = models.PositiveSmallIntegerField()

    objects = MeetingAttendanceQuerySet.as_manager()

    class Meta:
        ordering = ["meeting", "organisation__name"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "organisation"], name="one_attendance_row_per_agency"),
            models.CheckConstraint(condition=models.Q(attendees__gte=1), name="attendance_at_least_one"),
        ]

    def __str__(self):
        return f"{self.organisation}: {self.attendees} at {self.meeting}"


class ReportRequest(models.Model):
    """A report an area asks an agency to write for its board."""

    area = models.ForeignKey("organisations.SafeguardingArea", on_delete=models.PROTECT, related_name="+")
    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.PROTECT, related_name="+")
    title = models.CharField(max_length=200)
    due_on = models.DateField()
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    objects = AreaScopedQuerySet.as_manager()

    class Meta:
        ordering = ["area", "-due_on", "-pk"]

    def __str__(self):
        return self.title
