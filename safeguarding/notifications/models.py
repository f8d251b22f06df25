"""In-app notifications, the emails sent for them, each person's preferences, and the reminders already sent.

No row here holds a child's identity: messages carry a case reference or pseudonym and a link, built from
the fields of an Event (events.py), which has no room for free text. Emails keep no body: it is rebuilt
from the kind and those fields when sent.
"""

from django.conf import settings
from django.db import models


class Kind(models.TextChoices):
    INCIDENT_NOTIFIED = "incident_notified", "A serious incident is notified in your area"
    SIGN_OFF_AWAITED = "sign_off_awaited", "A rapid inquiry decision awaits your sign-off"
    SIGN_OFF_CLEARED = "sign_off_cleared", "An edit cleared your sign-off of a decision"
    SUMMARY_REQUESTED = "summary_requested", "An agency summary is requested"
    SUMMARY_REMINDER = "summary_reminder", "Reminder: an agency summary is due"
    AGENCY_REPORT_REQUESTED = "agency_report_requested", "A child death agency report is requested"
    AGENCY_REPORT_REMINDER = "agency_report_reminder", "Reminder: a child death agency report is due"
    DEATH_NOTIFIED = "death_notified", "A child's death is notified to your panel"
    LINK_PROPOSED = "link_proposed", "A link between death notifications is proposed"
    PAUSE_REQUESTED = "pause_requested", "A pause of a case's clock is requested"
    PAUSE_DECIDED = "pause_decided", "A pause request is decided"
    DEADLINE_APPROACHING = "deadline_approaching", "A deadline is approaching"
    DEADLINE_PASSED = "deadline_passed", "A deadline has passed (escalation)"
    REPORT_PUBLISHED = "report_published", "A learning inquiry report is published"
    RECURRENCE_ALERT = "recurrence_alert", "A recurrence alert is raised"
    NSCI_PROPOSED = "nsci_proposed", "A national serious case inquiry is proposed"
    INVITATION_EXPIRING = "invitation_expiring", "An invitation you sent is about to expire"
    API_TOKEN_EXPIRING = "api_token_expiring", "An API token is about to expire"
    ACCREDITATION_DUE = "accreditation_due", "A reviewer's accreditation is due for renewal"
    CPD_DUE = "cpd_due", "A reviewer's CPD hours are falling short"
    RETURN_SUBMITTED = "return_submitted", "A return you asked for by secure link is submitted"
    AREA_CONFIRMATION_REQUESTED = "area_confirmation_requested", "A safeguarding area awaits your confirmation"
    SERIOUS_INCIDENT_REQUESTED = (
        "serious_incident_requested",
        "A child death review panel asks your local authority to notify a serious incident",
    )
    DAILY_SUMMARY = "daily_summary", "Daily summary"


class Delivery(models.TextChoices):
    IMMEDIATE = "immediate", "An email straight away"
    DAILY = "daily", "One email a day, with a summary"


class NotificationQuerySet(models.QuerySet):
    def for_user(self, user):
        return self.filter(recipient=user)

    def unread(self):
        return self.filter(read_at__isnull=True)


class Notification(models.Model):
    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications")
    kind = models.CharField(max_length=40, choices=Kind.choices)
    reference = models.CharField(max_length=40, blank=True, help_text="The case reference or pseudonym")
    text = models.CharField(max_length=300)
    link = models.CharField(max_length=300, blank=True, help_text="A path within the service")
    area = models.ForeignKey(
        "organisations.SafeguardingArea", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # The event this came from: one notification per person per event, however often the event is handled.
    event_key = models.CharField(max_length=200)
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)
    # Waiting for the person's daily summary email (they chose a summary for this kind).
    awaiting_summary = models.BooleanField(default=False)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["recipient", "event_key"], name="one_notification_per_person_and_event")
        ]
        indexes = [
            models.Index(fields=["recipient", "read_at"]),
            models.Index(fields=["awaiting_summary", "recipient"]),
        ]

    def __str__(self):
        return self.text


class Preference(models.Model):
    """How a person wants emails of one kind. No row means an email straight away."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=40, choices=Kind.choices)
    delivery = models.CharField(max_length=10, choices=Delivery.choices, default=Delivery.IMMEDIATE)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "kind"], name="one_preference_per_person_and_kind")]

    def __str__(self):
        return f"{self.user}: {self.kind} {self.delivery}"


class EmailStatus(models.TextChoices):
    PENDING = "pending", "Waiting to send"
    RETRYING = "retrying", "Not sent yet: trying again"
    SENT = "sent", "Sent"
    FAILED = "failed", "Failed"


class OutgoingEmail(models.Model):
    """One email to one address: who, what kind, which case, when, and how its delivery went. No body."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    address = models.EmailField()
    kind = models.CharField(max_length=40, choices=Kind.choices)
    reference = models.CharField(max_length=40, blank=True)
    area = models.ForeignKey(
        "organisations.SafeguardingArea", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # The Event's fields (events.py), from which subject and body are rebuilt when it is sent.
    event = models.JSONField(default=dict)
    event_key = models.CharField(max_length=200)
    status = models.CharField(max_length=10, choices=EmailStatus.choices, default=EmailStatus.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    last_attempt_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [models.UniqueConstraint(fields=["address", "event_key"], name="one_email_per_address_and_event")]
        indexes = [models.Index(fields=["status", "-created_at"])]

    def __str__(self):
        return f"{self.get_kind_display()} to {self.address} ({self.get_status_display().lower()})"


class ReminderStage(models.TextChoices):
    REMINDER = "reminder", "Reminder before the due date"
    ESCALATION = "escalation", "Escalation after the due date"


class ClockReminder(models.Model):
    """A reminder or escalation already sent for one clock and due date: the sweep sends each once.

    If a pause moves the due date, the new date gets its own reminder."""

    subject = models.CharField(max_length=80, help_text="What the clock belongs to, e.g. incidents.incident:12")
    clock = models.CharField(max_length=80)
    stage = models.CharField(max_length=12, choices=ReminderStage.choices)
    due_on = models.DateField()
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["subject", "clock", "stage", "due_on"], name="one_reminder_per_clock_stage")
        ]

    def __str__(self):
        return f"{self.stage} for {self.subject} {self.clock} due {self.due_on}"
