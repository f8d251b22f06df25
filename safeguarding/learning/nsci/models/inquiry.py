"""A national serious case inquiry: proposal, criteria assessment, decision, set-up, progress, publication.

A national inquiry is the national body's own work, not an area's case: only national roles see it. It
holds no identifiable child data; a referral links the incident by its reference only.
"""

from django.conf import settings
from django.db import models

from safeguarding.core import permissions
from safeguarding.core.state_machine import StatusChangeBase

from ..criteria import CRITERIA
from ..states import STATUS_TAGS, TRANSITIONS, InquiryStatus


class InquirySource(models.TextChoices):
    RECURRENCE_ALERT = "recurrence_alert", "A recurrence alert"
    REFERRAL = "referral", "A rapid inquiry's referral"
    ANALYST = "analyst", "A national analyst's own proposal"


class Decision(models.TextChoices):
    ACCEPT = "accept", "Accept: hold a national serious case inquiry"
    DECLINE = "decline", "Decline"


class NationalInquiryQuerySet(models.QuerySet):
    def visible_to(self, user):
        if getattr(user, "is_authenticated", False) and permissions.national_roles(user):
            return self.all()
        return self.none()

    def not_declined(self):
        """Proposals still standing: a declined one leaves its alert free to be proposed again."""
        return self.exclude(status=InquiryStatus.DECLINED)


class NationalInquiry(models.Model):
    # NSCI-<year proposed>-<number within the year>, e.g. NSCI-2026-03.
    reference = models.CharField(max_length=20, unique=True)
    status = models.CharField(max_length=20, choices=InquiryStatus.choices, default=InquiryStatus.PROPOSED)
    version = models.PositiveIntegerField(default=1)

    # The proposal.
    source = models.CharField(max_length=20, choices=InquirySource.choices)
    recurrence_alert = models.ForeignKey(
        "intelligence.RecurrenceAlert", null=True, blank=True, on_delete=models.PROTECT, related_name="nsci_proposals"
    )
    # A rapid inquiry's referral: one proposal per incident.
    incident = models.OneToOneField(
        "incidents.Incident", null=True, blank=True, on_delete=models.PROTECT, related_name="nsci_proposal"
    )
    title = models.CharField(max_length=200)
    summary_of_concern = models.TextField()
    areas = models.ManyToManyField("organisations.SafeguardingArea", blank=True, related_name="+")
    # Areas known only by the name their published reports give (imported reports have no area on the platform).
    named_areas = models.JSONField(default=list, blank=True)
    agencies = models.ManyToManyField("organisations.Organisation", blank=True, related_name="+")
    themes = models.ManyToManyField("repository.Theme", blank=True, related_name="+")
    proposed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    proposed_on = models.DateField()

    # The assessment against the criteria: {criterion key: {"met": bool, "note": str}}.
    criteria = models.JSONField(default=dict, blank=True)
    assessed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    assessed_on = models.DateField(null=True, blank=True)

    # The decision.
    decision = models.CharField(max_length=10, choices=Decision.choices, blank=True)
    decision_reasons = models.TextField(blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_on = models.DateField(null=True, blank=True)

    # The set-up: terms of reference, methodology and the independent team (see TeamMember).
    terms_of_reference = models.TextField(blank=True)
    methodology = models.ForeignKey(
        "incidents.Methodology", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    methodology_notes = models.TextField(blank=True)
    set_up_on = models.DateField(null=True, blank=True, help_text="When the terms of reference were agreed")

    # The national report.
    report_summary = models.TextField(blank=True)
    report_drafted_on = models.DateField(null=True, blank=True)
    published_on = models.DateField(null=True, blank=True)
    repository_entry = models.OneToOneField(
        "repository.RepositoryEntry", null=True, blank=True, on_delete=models.PROTECT, related_name="nsci"
    )

    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = NationalInquiryQuerySet.as_manager()

    class Meta:
        ordering = ["-proposed_on", "-pk"]
        verbose_name = "national serious case inquiry"
        verbose_name_plural = "national serious case inquiries"

    def __str__(self):
        return self.reference

    @property
    def status_tag(self):
        return STATUS_TAGS[self.status]

    @property
    def status_label(self):
        return TRANSITIONS.label(self.status)

    def can_move_to(self, state):
        return (self.status, state) in TRANSITIONS.transitions

    @property
    def criteria_rows(self):
        """[(criterion, met, note)] in the order of the criteria, for the pages."""
        rows = []
        for criterion in CRITERIA:
            answer = self.criteria.get(criterion.key) or {}
            rows.append((criterion, bool(answer.get("met")), answer.get("note", "")))
        return rows

    @property
    def criteria_met(self):
        return [criterion.label for criterion, met, _note in self.criteria_rows if met]

    @property
    def area_names(self):
        return ", ".join([area.name for area in self.areas.all()] + list(self.named_areas))

    @property
    def area_count(self):
        return self.areas.count() + len(self.named_areas)


class NationalInquiryStatusChange(StatusChangeBase):
    case = models.ForeignKey(NationalInquiry, related_name="status_changes", on_delete=models.PROTECT)

    @property
    def from_label(self):
        return TRANSITIONS.label(self.from_state) if self.from_state else ""

    @property
    def to_label(self):
        return TRANSITIONS.label(self.to_state)


class ProgressNote(models.Model):
    """A dated note of the inquiry's progress while it runs. Added, never edited."""

    inquiry = models.ForeignKey(NationalInquiry, on_delete=models.PROTECT, related_name="progress_notes")
    noted_on = models.DateField()
    text = models.TextField()
    written_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    written_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-noted_on", "-pk"]

    def __str__(self):
        return f"Progress of {self.inquiry.reference} on {self.noted_on:%d %b %Y}"
