"""The learning report, its publication, its submission to the national body, and local accountability."""

from django.conf import settings
from django.db import models

from .case import Incident
from .scoped import ThroughIncidentQuerySet


class NationalSubmission(models.TextChoices):
    NOT_SUBMITTED = "not_submitted", "Not submitted"
    SUBMITTED = "submitted", "Submitted to the national body"


class LearningReport(models.Model):
    """Structured sections, written with named details where the authors need them; the published
    text is the redacted copy, frozen at publication (Wood para 161: publication without the fuss)."""

    incident = models.OneToOneField(Incident, on_delete=models.PROTECT, related_name="report")
    title = models.CharField(max_length=200)
    summary = models.TextField()
    background = models.TextField()
    methodology_used = models.TextField()
    what_went_well = models.TextField()
    learning = models.TextField()
    # One named detail a line: each is replaced by [redacted] in the published copy.
    redactions = models.TextField(blank=True)
    published_sections = models.JSONField(default=dict, blank=True)
    publication_decision = models.TextField(blank=True)
    national_submission = models.CharField(
        max_length=20, choices=NationalSubmission.choices, default=NationalSubmission.NOT_SUBMITTED
    )
    submitted_on = models.DateField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    version = models.PositiveIntegerField(default=1)

    objects = ThroughIncidentQuerySet.as_manager()

    def __str__(self):
        return self.title


class AccountabilityBody(models.TextChoices):
    SCRUTINY = "scrutiny", "Council scrutiny committee"
    HEALTH_BOARD = "health_board", "Health board"
    PCC = "pcc", "Police and crime commissioner"
    OTHER = "other", "Other accountability body"


class AccountabilityReport(models.Model):
    """The learning reported through an agency's own accountability structure (Wood para 168)."""

    incident = models.ForeignKey(Incident, on_delete=models.PROTECT, related_name="accountability_reports")
    body = models.CharField(max_length=20, choices=AccountabilityBody.choices)
    body_name = models.CharField(max_length=200)
    reported_on = models.DateField()
    note = models.TextField(blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    objects = ThroughIncidentQuerySet.as_manager()

    class Meta:
        ordering = ["reported_on", "pk"]

    def __str__(self):
        return f"{self.get_body_display()}: {self.body_name}"
