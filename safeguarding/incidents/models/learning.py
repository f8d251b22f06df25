"""Findings (what happened AND why), SMART recommendations, and the actions that answer them."""

from django.conf import settings
from django.db import models

from .case import Incident
from .scoped import ThroughIncidentQuerySet


class JourneyStage(models.TextChoices):
    PREGNANCY_AND_BIRTH = "pregnancy_birth", "Pregnancy and birth"
    EARLY_CHILDHOOD = "early_childhood", "Early childhood and universal services"
    EARLY_HELP = "early_help", "Early help"
    REFERRAL = "referral", "Referral and the front door"
    ASSESSMENT = "assessment", "Assessment"
    PLANNING = "planning", "Planning and review"
    INTERVENTION = "intervention", "Help and intervention"
    TRANSITION = "transition", "Moves between services or areas"
    CRISIS = "crisis", "The incident and the response to it"


class FindingKind(models.TextChoices):
    GOOD_PRACTICE = "good_practice", "Good practice"
    PROBLEM = "problem", "Practice problem"


class Finding(models.Model):
    incident = models.ForeignKey(Incident, on_delete=models.PROTECT, related_name="findings")
    what_happened = models.TextField()
    why = models.TextField(help_text="The systemic or human factors behind it")
    journey_stage = models.CharField(max_length=20, choices=JourneyStage.choices)
    kind = models.CharField(max_length=15, choices=FindingKind.choices)
    agencies = models.ManyToManyField("organisations.Organisation", related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    version = models.PositiveIntegerField(default=1)

    objects = ThroughIncidentQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"Finding {self.pk} of {self.incident.reference}"


class Recommendation(models.Model):
    incident = models.ForeignKey(Incident, on_delete=models.PROTECT, related_name="recommendations")
    finding = models.ForeignKey(Finding, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    addressee = models.ForeignKey(
        "organisations.Organisation", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    change = models.TextField(help_text="What should change")
    outcome = models.TextField(blank=True, help_text="The measurable outcome that shows it has changed")
    due_on = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    version = models.PositiveIntegerField(default=1)

    objects = ThroughIncidentQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"Recommendation {self.pk} of {self.incident.reference}"

    @property
    def quality_flags(self):
        from ..quality import recommendation_flags

        return recommendation_flags(
            change=self.change, outcome=self.outcome, addressee=self.addressee, due_on=self.due_on
        )


class ActionStatus(models.TextChoices):
    NOT_STARTED = "not_started", "Not started"
    IN_PROGRESS = "in_progress", "In progress"
    DONE = "done", "Done"


class ActionQuerySet(ThroughIncidentQuerySet):
    area_lookup = "recommendation__incident__area"

    def overdue(self, today):
        return self.exclude(status=ActionStatus.DONE).filter(due_on__lt=today)


class Action(models.Model):
    recommendation = models.ForeignKey(Recommendation, on_delete=models.PROTECT, related_name="actions")
    description = models.TextField()
    owner = models.CharField(max_length=200, help_text="The post or team that owns it")
    due_on = models.DateField()
    status = models.CharField(max_length=15, choices=ActionStatus.choices, default=ActionStatus.NOT_STARTED)
    evidence_of_impact = models.TextField(blank=True)
    # An optional file of evidence, stored under a random name (see evidence.py); the name the person
    # gave it is kept, cleaned, for display only.
    evidence_file_path = models.CharField(max_length=200, blank=True)
    evidence_file_name = models.CharField(max_length=160, blank=True)
    evidence_file_type = models.CharField(max_length=120, blank=True)
    evidence_file_size = models.PositiveIntegerField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    version = models.PositiveIntegerField(default=1)

    objects = ActionQuerySet.as_manager()

    class Meta:
        ordering = ["due_on", "pk"]

    def __str__(self):
        return f"Action {self.pk}"

    @property
    def incident(self):
        return self.recommendation.incident

    def is_overdue(self, today):
        return self.status != ActionStatus.DONE and self.due_on < today
