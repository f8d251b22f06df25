"""Each agency's notification of a death, and the proposed links between notifications and cases."""

from django.conf import settings
from django.db import models

from safeguarding.core.scoping import AreaScopedQuerySet

from .cases import ChildDeathCase
from .vocabulary import EthnicityGroup, Expectation, NotifyingAgency, PlaceOfDeath, Sex


class CaseChildQuerySet(AreaScopedQuerySet):
    """Rows that belong to a case: visible exactly when their case is."""

    def visible_to(self, user):
        return self.filter(case__in=ChildDeathCase.objects.visible_to(user).values("pk"))


class Notification(models.Model):
    """What one agency told the platform about a death. Several agencies notifying one death give
    several notifications on one case; `first_case` remembers the case it started on, so a link can
    be undone."""

    case = models.ForeignKey(ChildDeathCase, on_delete=models.PROTECT, related_name="notifications")
    first_case = models.ForeignKey(ChildDeathCase, on_delete=models.PROTECT, related_name="+")
    child = models.ForeignKey("identity.ChildIdentity", on_delete=models.PROTECT, related_name="+")
    area = models.ForeignKey(
        "organisations.SafeguardingArea",
        on_delete=models.PROTECT,
        related_name="child_death_notifications",
        help_text="The area of normal residence the notifier gave",
    )
    place_of_death_area = models.ForeignKey(
        "organisations.SafeguardingArea", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    agency = models.CharField(max_length=20, choices=NotifyingAgency.choices)
    organisation = models.ForeignKey(
        "organisations.Organisation", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    notifier_name = models.CharField(max_length=200)
    notifier_role = models.CharField(max_length=200)
    notifier_contact = models.CharField(max_length=200, help_text="Work email or telephone number")
    notified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    api_token = models.ForeignKey("api.ApiToken", null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    date_of_death = models.DateField()
    time_of_death = models.TimeField(null=True, blank=True)
    place_of_death = models.CharField(max_length=20, choices=PlaceOfDeath.choices)
    hospital_name = models.CharField(max_length=200, blank=True)
    sex = models.CharField(max_length=15, choices=Sex.choices)
    ethnicity_group = models.CharField(max_length=15, choices=EthnicityGroup.choices)
    expectation = models.CharField(max_length=12, choices=Expectation.choices)
    jar_criteria = models.JSONField(default=list, blank=True)
    circumstances = models.TextField()

    class LinkMethod(models.TextChoices):
        NEW_CASE = "new_case", "Started a new case"
        NHS_NUMBER = "nhs_number", "Linked automatically: same NHS number"
        CONFIRMED = "confirmed", "Linked by a panel manager"

    link_method = models.CharField(max_length=12, choices=LinkMethod.choices, default=LinkMethod.NEW_CASE)
    received_at = models.DateTimeField(auto_now_add=True)
    # Sent through the public page by a professional without an account, their work email confirmed by a code.
    received_from_outside = models.BooleanField(default=False)
    notifier_organisation = models.CharField(max_length=200, blank=True)
    agencies_involved = models.TextField(
        blank=True, help_text="Who else was involved with the child, as the notifier listed them"
    )
    # A panel manager's mark that a notification from outside was not genuine: kept, audited, not counted.
    not_genuine = models.BooleanField(default=False)
    not_genuine_reason = models.TextField(blank=True)
    marked_not_genuine_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    marked_not_genuine_at = models.DateTimeField(null=True, blank=True)

    objects = CaseChildQuerySet.as_manager()

    class Meta:
        ordering = ["received_at", "pk"]

    def __str__(self):
        return f"Notification {self.pk} by {self.get_agency_display()}"


class LinkCandidateQuerySet(CaseChildQuerySet):
    def visible_to(self, user):
        """Both cases must be visible, except for a same-NHS-number match across areas: the case it would
        join decides it, so that case's people see it (the other side never learns of their case)."""
        visible_cases = ChildDeathCase.objects.visible_to(user).values("pk")
        return self.filter(case__in=visible_cases).filter(
            models.Q(notification__case__in=visible_cases) | models.Q(method=LinkCandidate.Method.NHS_NUMBER)
        )

    def proposed(self):
        return self.filter(decision=LinkCandidate.Decision.PROPOSED)


class LinkCandidate(models.Model):
    """A proposal that a notification is about the child of another case, with the score and its reasons.

    Proposed by the platform when a notification arrives without a matching NHS number (or by the
    Splink batch), or when its NHS number matches an open case of another area (never joined
    automatically across areas: that area's panel manager decides); a panel manager confirms or
    rejects it; a confirmed link can be undone.
    """

    class Decision(models.TextChoices):
        PROPOSED = "proposed", "Proposed"
        CONFIRMED = "confirmed", "Confirmed"
        REJECTED = "rejected", "Rejected"
        UNDONE = "undone", "Confirmed, then undone"

    class Method(models.TextChoices):
        SCORE = "score", "Score on arrival"
        SPLINK = "splink", "Splink batch"
        NHS_NUMBER = "nhs_number", "Same NHS number, notified in another area"

    notification = models.ForeignKey(Notification, on_delete=models.PROTECT, related_name="link_candidates")
    case = models.ForeignKey(ChildDeathCase, on_delete=models.PROTECT, related_name="link_candidates")
    # The case the notification was on when the link was confirmed: where undoing the link returns it.
    from_case = models.ForeignKey(ChildDeathCase, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    method = models.CharField(max_length=10, choices=Method.choices, default=Method.SCORE)
    score = models.FloatField(help_text="Match weight: log2 of the likelihood ratio")
    probability = models.FloatField()
    model = models.ForeignKey(
        "child_deaths.LinkageModelVersion",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="The linkage model that scored the pair (empty for proposals made before models were kept)",
    )
    reasons = models.JSONField(
        default=dict, help_text="Each field's comparison level and weight (model.Score.reasons): no identifying values"
    )
    decision = models.CharField(max_length=10, choices=Decision.choices, default=Decision.PROPOSED)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_reason = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = LinkCandidateQuerySet.as_manager()

    class Meta:
        ordering = ["-score", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["notification", "case"], name="one_candidate_per_notification_and_case")
        ]
        # Panel managers' tasks look for the few links still proposed among every link ever decided.
        indexes = [
            models.Index(fields=["case"], condition=models.Q(decision="proposed"), name="link_candidate_proposed")
        ]

    def __str__(self):
        return f"Possible link of notification {self.notification_id} to {self.case}"
