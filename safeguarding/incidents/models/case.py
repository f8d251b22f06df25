"""A serious incident case: the notification, its add-only status history, and clock pauses."""

from django.conf import settings
from django.db import models

from safeguarding.core.scoping import AreaScopedQuerySet
from safeguarding.core.state_machine import StatusChangeBase

from .. import choices
from ..states import OPEN_STATES, STATUS_TAGS, TRANSITIONS, IncidentStatus
from .scoped import ThroughIncidentQuerySet


class IncidentQuerySet(AreaScopedQuerySet):
    def open(self):
        return self.filter(status__in=OPEN_STATES)


class Incident(models.Model):
    """One child who died or was seriously harmed (or, for siblings harmed together or one
    exploitation operation, one notification naming the others), from draft notification to
    published learning. The child is referred to only through `child` (the sealed identity)."""

    area = models.ForeignKey("organisations.SafeguardingArea", on_delete=models.PROTECT, related_name="incidents")
    status = models.CharField(max_length=30, choices=IncidentStatus.choices, default=IncidentStatus.DRAFT)
    version = models.PositiveIntegerField(default=1)

    # Empty when a case-management system notified through the API (its token is in the audit trail).
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    started_by_organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.PROTECT, related_name="+", null=True
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    # Eligibility (Wood para 166; the notification criteria).
    abuse_or_neglect = models.CharField(max_length=20, choices=choices.AbuseOrNeglect.choices, blank=True)
    where_harmed = models.CharField(max_length=20, choices=choices.WhereHarmed.choices, blank=True)
    looked_after_or_care_leaver_death = models.BooleanField(
        default=False, help_text="The death of a looked-after child, or a care leaver under 25, whatever the cause"
    )

    # What happened.
    incident_date = models.DateField(null=True, blank=True)
    aware_date = models.DateField(null=True, blank=True)
    harm = models.CharField(max_length=20, choices=choices.Harm.choices, blank=True)
    harm_kinds = models.JSONField(default=list, blank=True)
    summary = models.TextField(blank=True, help_text="What happened, without names")
    other_children = models.TextField(
        blank=True, help_text="Siblings harmed together, or other children of one exploitation operation, by pseudonym"
    )

    # The child: the sealed identity, and derived details that identify no one.
    child = models.ForeignKey(
        "identity.ChildIdentity", null=True, blank=True, on_delete=models.PROTECT, related_name="incidents"
    )
    child_age_years = models.PositiveSmallIntegerField(null=True, blank=True)
    child_sex = models.CharField(max_length=10, choices=choices.Sex.choices, blank=True)
    child_ethnicity = models.CharField(max_length=10, choices=choices.Ethnicity.choices, blank=True)
    child_disability = models.CharField(max_length=10, choices=choices.Disability.choices, blank=True)
    child_status = models.CharField(max_length=30, choices=choices.ChildStatus.choices, blank=True)
    agencies_involved = models.ManyToManyField("organisations.Organisation", blank=True, related_name="+")
    # {proceeding kind: status}, only for the proceedings that exist.
    parallel_proceedings = models.JSONField(default=dict, blank=True)

    submitted_at = models.DateTimeField(null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    possible_duplicate_of = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="An open notification for the same child (same NHS number) when this one was submitted",
    )
    decided_on = models.DateField(null=True, blank=True, help_text="When the rapid inquiry decision became final")
    lli_completed_on = models.DateField(null=True, blank=True)
    published_on = models.DateField(null=True, blank=True)

    objects = IncidentQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.reference

    @property
    def reference(self):
        return f"SI-{self.pk:05d}" if self.pk else "SI-new"

    @property
    def status_tag(self):
        return STATUS_TAGS[self.status]

    @property
    def is_draft(self):
        return self.status == IncidentStatus.DRAFT

    @property
    def harm_kind_labels(self):
        return [choices.HarmKind(kind).label for kind in self.harm_kinds if kind in choices.HarmKind.values]

    @property
    def proceeding_rows(self):
        return [
            (choices.Proceeding(kind).label, choices.ProceedingStatus(status).label)
            for kind, status in self.parallel_proceedings.items()
            if kind in choices.Proceeding.values and status in choices.ProceedingStatus.values
        ]

    def can_move_to(self, state):
        return (self.status, state) in TRANSITIONS.transitions


class IncidentStatusChange(StatusChangeBase):
    case = models.ForeignKey(Incident, related_name="status_changes", on_delete=models.PROTECT)

    @property
    def from_label(self):
        return TRANSITIONS.label(self.from_state) if self.from_state else ""

    @property
    def to_label(self):
        return TRANSITIONS.label(self.to_state)


class PauseDecision(models.TextChoices):
    REQUESTED = "requested", "Waiting for the national body"
    ACCEPTED = "accepted", "Accepted"
    REFUSED = "refused", "Refused"


class ClockPause(models.Model):
    """A request to pause the case's clocks while parallel proceedings run (Wood para 166: only for
    an exceptional reason the national body accepts). Only accepted pauses move due dates."""

    incident = models.ForeignKey(Incident, on_delete=models.PROTECT, related_name="pauses")
    proceeding = models.CharField(max_length=30, choices=choices.Proceeding.choices)
    reason = models.TextField()
    starts_on = models.DateField()
    ended_on = models.DateField(null=True, blank=True)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    requested_at = models.DateTimeField(auto_now_add=True)
    decision = models.CharField(max_length=12, choices=PauseDecision.choices, default=PauseDecision.REQUESTED)
    decision_reason = models.TextField(blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    objects = ThroughIncidentQuerySet.as_manager()

    class Meta:
        ordering = ["-requested_at", "-pk"]

    def __str__(self):
        return f"Pause of {self.incident.reference} for {self.get_proceeding_display().lower()}"
