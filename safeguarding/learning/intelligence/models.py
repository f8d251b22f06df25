"""A recurrence alert: one theme seen in enough reports from enough areas within the rolling window.

The thresholds in force when the alert was raised are kept on it, so that a later change to the policy
table does not rewrite why an alert was raised.
"""

from django.conf import settings
from django.db import models


class AlertStatus(models.TextChoices):
    OPEN = "open", "Open"
    DISMISSED = "dismissed", "Dismissed"


class RecurrenceAlert(models.Model):
    theme = models.ForeignKey("repository.Theme", on_delete=models.PROTECT, related_name="recurrence_alerts")
    window_start = models.DateField()
    window_end = models.DateField()
    report_count = models.PositiveIntegerField()
    area_count = models.PositiveIntegerField()
    # The policy thresholds in force when the alert was raised (or last updated while open).
    minimum_reports = models.PositiveIntegerField()
    minimum_areas = models.PositiveIntegerField()
    window_months = models.PositiveIntegerField()
    raised_on = models.DateField()
    status = models.CharField(max_length=10, choices=AlertStatus.choices, default=AlertStatus.OPEN)
    dismissed_reason = models.TextField(blank=True)
    dismissed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    dismissed_at = models.DateTimeField(null=True, blank=True)
    entries = models.ManyToManyField("repository.RepositoryEntry", related_name="recurrence_alerts")
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-raised_on", "-pk"]
        constraints = [
            # Re-detection updates the open alert of a theme rather than raising a second one.
            models.UniqueConstraint(
                fields=["theme"], condition=models.Q(status="open"), name="one_open_recurrence_alert_per_theme"
            )
        ]

    def __str__(self):
        return (
            f"{self.theme}: {self.report_count} reports from {self.area_count} areas "
            f"({self.window_start:%d %b %Y} to {self.window_end:%d %b %Y})"
        )

    @property
    def is_open(self):
        return self.status == AlertStatus.OPEN
