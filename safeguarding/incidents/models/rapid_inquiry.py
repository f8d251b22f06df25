"""The rapid inquiry (Wood para 166): agency summaries, practitioners engaged, safety actions,
initial assessment and the decision that all three lead chief officers sign off."""

from django.conf import settings
from django.db import models

from .case import Incident
from .scoped import ThroughIncidentQuerySet


class Decision(models.TextChoices):
    NO_FURTHER_REVIEW = "no_further_review", "No further review: the learning is captured"
    LLI = "lli", "A local learning inquiry"
    REFER_NSCI = "referred_nsci", "Refer to the national body for a national serious case inquiry"


class RapidInquiry(models.Model):
    incident = models.OneToOneField(Incident, on_delete=models.PROTECT, related_name="rapid_inquiry")
    # Empty only for an inquiry imported from an earlier system, whose lead has no account here.
    lead = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    started_on = models.DateField()
    initial_assessment = models.TextField(blank=True)
    decision = models.CharField(max_length=20, choices=Decision.choices, blank=True)
    decision_reasons = models.TextField(blank=True)
    # What the national repository receives when the inquiry closes with no further review: the learning,
    # written without names (the assessment and reasons above are working text that may name people).
    national_summary = models.TextField(blank=True)
    version = models.PositiveIntegerField(default=1)

    objects = ThroughIncidentQuerySet.as_manager()

    def __str__(self):
        return f"Rapid inquiry of {self.incident.reference}"

    @property
    def has_decision(self):
        return bool(self.decision and self.decision_reasons)


class AgencySummaryRequest(models.Model):
    incident = models.ForeignKey(Incident, on_delete=models.PROTECT, related_name="summary_requests")
    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.PROTECT, related_name="+")
    requested_on = models.DateField()
    due_on = models.DateField()
    received_on = models.DateField(null=True, blank=True)
    summary = models.TextField(blank=True)
    # Where reminders go: the agency's contact for this request (a mailbox or a person's work address).
    contact_email = models.EmailField(blank=True)
    last_reminded_at = models.DateTimeField(null=True, blank=True)

    objects = ThroughIncidentQuerySet.as_manager()

    class Meta:
        ordering = ["due_on", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["incident", "organisation"], name="one_summary_request_per_agency")
        ]

    def __str__(self):
        return f"Summary from {self.organisation}"

    def is_overdue(self, today):
        return self.received_on is None and self.due_on < today


class PractitionerEngagement(models.Model):
    """A practitioner the inquiry spoke to, by role (not name): Wood asks that the RI engage them directly."""

    incident = models.ForeignKey(Incident, on_delete=models.PROTECT, related_name="engagements")
    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.PROTECT, related_name="+")
    practitioner_role = models.CharField(max_length=200)
    engaged_on = models.DateField()
    how = models.CharField(max_length=200)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    objects = ThroughIncidentQuerySet.as_manager()

    class Meta:
        ordering = ["engaged_on", "pk"]

    def __str__(self):
        return f"{self.practitioner_role}, {self.organisation}"


class SafetyAction(models.Model):
    incident = models.ForeignKey(Incident, on_delete=models.PROTECT, related_name="safety_actions")
    description = models.TextField()
    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.PROTECT, related_name="+")
    taken_on = models.DateField()
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    objects = ThroughIncidentQuerySet.as_manager()

    class Meta:
        ordering = ["taken_on", "pk"]

    def __str__(self):
        return f"Safety action by {self.organisation}"


class DecisionSignOff(models.Model):
    """One lead chief officer's sign-off of the decision as it stood (its version). An edit of the
    decision removes them all: a sign-off is of the words signed, not of whatever they become."""

    incident = models.ForeignKey(Incident, on_delete=models.PROTECT, related_name="sign_offs")
    signed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.PROTECT, related_name="+")
    partner_kind = models.CharField(max_length=20)
    decision_version = models.PositiveIntegerField()
    signed_at = models.DateTimeField(auto_now_add=True)

    objects = ThroughIncidentQuerySet.as_manager()

    class Meta:
        ordering = ["signed_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["incident", "partner_kind"], name="one_sign_off_per_partner")]

    def __str__(self):
        return f"Signed off by {self.signed_by} for {self.organisation}"
