"""A serious incident case: the notification, its add-only status history, and clock pauses."""

from django.conf import settings
from django.db import models

from safeguarding.core.clocks.deadlines import ClockState
from safeguarding.core.scoping import AreaScopedQuerySet
from safeguarding.core.state_machine import StatusChangeBase

from .. import choices
from ..states import OPEN_STATES, STATUS_TAGS, TRANSITIONS, IncidentStatus
from .scoped import ThroughIncidentQuerySet

# The states a running clock can be in, most urgent first: the dashboard's order.
DASHBOARD_CLOCK_STATES = (ClockState.OVERDUE, ClockState.DUE_SOON, ClockState.PAUSED, ClockState.RUNNING)


def clock_state_filter(state, today):
    """A filter for the cases whose stored clock is in `state` on `today` (see clocks.stored_values)."""
    has_clock = ~models.Q(clock_key="")
    if state == ClockState.PAUSED:
        return has_clock & models.Q(clock_paused_from__isnull=False)
    running = has_clock & models.Q(clock_paused_from__isnull=True)
    if state == ClockState.OVERDUE:
        return running & models.Q(clock_overdue_from__lte=today)
    if state == ClockState.DUE_SOON:
        return running & models.Q(clock_due_soon_from__lte=today, clock_overdue_from__gt=today)
    if state == ClockState.RUNNING:
        return running & models.Q(clock_due_soon_from__gt=today)
    raise ValueError(f"state must be one of {', '.join(DASHBOARD_CLOCK_STATES)}; got {state!r}")


class IncidentQuerySet(AreaScopedQuerySet):
    def open(self):
        return self.filter(status__in=OPEN_STATES)

    def with_clock_state(self, state, today):
        return self.filter(clock_state_filter(state, today))

    def by_urgency(self, today):
        """Overdue first, then due soon, paused and on track; within each, the earliest due first."""
        rank = models.Case(
            *(models.When(clock_state_filter(state, today), then=n) for n, state in enumerate(DASHBOARD_CLOCK_STATES)),
            default=len(DASHBOARD_CLOCK_STATES),
            output_field=models.IntegerField(),
        )
        return self.alias(clock_rank=rank).order_by("clock_rank", "clock_due_on", "area__name", "pk")


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

    # The clock of the step the case is at, stored by `clocks.store_current_clock` whenever it changes (and
    # for every case when the policy table changes), so that the dashboard finds overdue and due-soon cases
    # in the database. `clock_key` is empty when no clock runs.
    clock_key = models.CharField(max_length=80, blank=True, editable=False)
    clock_started_on = models.DateField(null=True, blank=True, editable=False)
    clock_due_on = models.DateField(
        null=True, blank=True, editable=False, help_text="Moved on by the pauses that have ended, not one running"
    )
    clock_paused_days = models.PositiveIntegerField(default=0, editable=False)
    clock_paused_from = models.DateField(
        null=True, blank=True, editable=False, help_text="When the pause now running began, if one is"
    )
    clock_due_soon_from = models.DateField(null=True, blank=True, editable=False)
    clock_overdue_from = models.DateField(null=True, blank=True, editable=False)

    objects = IncidentQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [
            # The dashboard: open cases by the state of their clock, most urgent first.
            models.Index(fields=["status", "clock_overdue_from"], name="incident_clock_state_idx"),
        ]

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
