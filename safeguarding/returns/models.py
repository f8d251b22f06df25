"""A return asked of an agency's contact who holds no account: one agency reporting form of a child death,
or one agency summary of a rapid inquiry, reached through a secure link and a one-time code.

Only hashes of the link's token and of the code are stored; neither is ever written to a log."""

import hashlib

from django.conf import settings
from django.db import models
from django.db.models import Q


def hash_secret(secret):
    return hashlib.sha256(secret.encode()).hexdigest()


class ReturnState(models.TextChoices):
    SENT = "sent", "Sent"
    OPENED = "opened", "Opened"
    SAVED = "saved", "Draft saved"
    SUBMITTED = "submitted", "Submitted"
    CANCELLED = "cancelled", "Cancelled"


class ReturnKind(models.TextChoices):
    AGENCY_REPORT = "agency_report", "Agency reporting form"
    AGENCY_SUMMARY = "agency_summary", "Rapid inquiry agency summary"
    MORE_INFORMATION = "more_information", "Request for more information"


class ReturnRequestQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Requests for returns the person may see: through the scoped querysets of the return's own app."""
        from safeguarding.child_deaths.models import AgencyReport, Notification
        from safeguarding.incidents.models import AgencySummaryRequest

        if not getattr(user, "is_authenticated", False):
            return self.none()
        return self.filter(
            Q(agency_report__in=AgencyReport.objects.visible_to(user).values("pk"))
            | Q(summary_request__in=AgencySummaryRequest.objects.visible_to(user).values("pk"))
            | Q(notification__in=Notification.objects.visible_to(user).values("pk"))
        )


class ReturnRequest(models.Model):
    kind = models.CharField(max_length=20, choices=ReturnKind.choices)
    agency_report = models.ForeignKey(
        "child_deaths.AgencyReport", null=True, blank=True, on_delete=models.PROTECT, related_name="return_requests"
    )
    summary_request = models.ForeignKey(
        "incidents.AgencySummaryRequest",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="return_requests",
    )
    # A notification received from outside whose notifier the panel manager asks for more.
    notification = models.ForeignKey(
        "child_deaths.Notification", null=True, blank=True, on_delete=models.PROTECT, related_name="return_requests"
    )
    question = models.TextField(blank=True, help_text="What the panel manager asks the notifier")
    area = models.ForeignKey("organisations.SafeguardingArea", on_delete=models.PROTECT, related_name="+")
    organisation = models.ForeignKey(
        "organisations.Organisation", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    organisation_name = models.CharField(max_length=200)
    reference = models.CharField(max_length=40, help_text="The case reference the contact is shown")
    contact_name = models.CharField(max_length=200)
    contact_email = models.EmailField()
    token_hash = models.CharField(max_length=64, unique=True)
    state = models.CharField(max_length=10, choices=ReturnState.choices, default=ReturnState.SENT)
    due_on = models.DateField()
    expires_at = models.DateTimeField(help_text="The due date plus the policy table's grace period")
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField()
    opened_at = models.DateTimeField(null=True, blank=True)
    saved_at = models.DateTimeField(null=True, blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    last_reminded_on = models.DateField(null=True, blank=True)
    # The one-time code: its hash, when it stops working, and the wrong tries made with it.
    code_hash = models.CharField(max_length=64, blank=True)
    code_expires_at = models.DateTimeField(null=True, blank=True)
    code_attempts = models.PositiveSmallIntegerField(default=0)
    codes_sent_at = models.JSONField(default=list, blank=True, help_text="When codes went, for the hourly limit")
    draft = models.JSONField(default=dict, blank=True, help_text="The contact's saved answers")
    version = models.PositiveIntegerField(default=1)

    objects = ReturnRequestQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(kind="agency_report", agency_report__isnull=False, summary_request__isnull=True)
                    & Q(notification__isnull=True)
                )
                | (
                    Q(kind="agency_summary", agency_report__isnull=True, summary_request__isnull=False)
                    & Q(notification__isnull=True)
                )
                | Q(
                    kind="more_information",
                    agency_report__isnull=True,
                    summary_request__isnull=True,
                    notification__isnull=False,
                ),
                name="return_request_for_one_return",
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()} from {self.organisation_name} on {self.reference}"

    @property
    def target(self):
        return {
            ReturnKind.AGENCY_REPORT: self.agency_report,
            ReturnKind.AGENCY_SUMMARY: self.summary_request,
            ReturnKind.MORE_INFORMATION: self.notification,
        }[self.kind]

    @property
    def is_open(self):
        return self.state in {ReturnState.SENT, ReturnState.OPENED, ReturnState.SAVED}

    def is_overdue(self, today):
        return self.state not in {ReturnState.SUBMITTED, ReturnState.CANCELLED} and self.due_on < today

    def display_state(self, today):
        if self.is_overdue(today):
            return "Overdue"
        return self.get_state_display()


class ReturnFile(models.Model):
    """A file the contact attached, checked by the same rules as evidence files, kept privately."""

    request = models.ForeignKey(ReturnRequest, on_delete=models.PROTECT, related_name="files")
    path = models.CharField(max_length=300)
    original_name = models.CharField(max_length=150)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["uploaded_at", "pk"]

    def __str__(self):
        return self.original_name
