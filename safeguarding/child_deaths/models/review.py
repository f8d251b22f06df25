"""The child death review meeting, the panel's review, themed meetings and the national record."""

from django.conf import settings
from django.db import models

from safeguarding.core.scoping import AreaScopedQuerySet

from .notifications import CaseChildQuerySet
from .vocabulary import AgeBand, Category, EthnicityGroup, Expectation, Modifiable, PlaceOfDeath, Sex


class ReviewMeeting(models.Model):
    """The child death review meeting of the professionals who knew the child."""

    case = models.OneToOneField("child_deaths.ChildDeathCase", on_delete=models.PROTECT, related_name="review_meeting")
    held_on = models.DateField()
    attendance = models.TextField(help_text="One attendee a line: name, role, agency")
    chronology = models.TextField()
    discussion = models.TextField()
    draft_analysis = models.TextField()
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    version = models.PositiveIntegerField(default=1)

    objects = CaseChildQuerySet.as_manager()

    def __str__(self):
        return f"Review meeting for {self.case}"

    def attendees(self):
        return [line.strip() for line in self.attendance.splitlines() if line.strip()]


class PanelReview(models.Model):
    """The child death overview panel's analysis. Final once the panel agrees it; the case then closes."""

    case = models.OneToOneField("child_deaths.ChildDeathCase", on_delete=models.PROTECT, related_name="panel_review")
    reviewed_on = models.DateField(null=True, blank=True)
    category = models.CharField(max_length=2, choices=Category.choices, blank=True)
    factors_child = models.TextField(blank=True)
    factors_social = models.TextField(blank=True)
    factors_physical = models.TextField(blank=True)
    factors_services = models.TextField(blank=True)
    modifiable = models.CharField(max_length=12, choices=Modifiable.choices, blank=True)
    modifiable_domains = models.JSONField(default=list, blank=True, help_text="Values of Domain")
    abuse_or_neglect_suspected = models.BooleanField(default=False)
    learning_points = models.TextField(blank=True)
    actions = models.TextField(blank=True)
    late_reason = models.TextField(blank=True, help_text="Why the review finished after its six-month target")
    # The serious incident prompt, and the serious incident the panel linked (pillar 2's case, of the area).
    serious_incident_prompted_at = models.DateTimeField(null=True, blank=True)
    serious_incident = models.ForeignKey(
        "incidents.Incident", null=True, blank=True, on_delete=models.PROTECT, related_name="child_death_reviews"
    )
    # The draft notification the panel asked the local authority for, pre-filled from the death: the local
    # authority's submission of it links it as `serious_incident`.
    serious_incident_requested = models.ForeignKey(
        "incidents.Incident", null=True, blank=True, on_delete=models.SET_NULL, related_name="child_death_requests"
    )
    # What was typed when the link was free text and matched no serious incident of the area: kept, shown as
    # plain text, never written again.
    serious_incident_legacy_reference = models.CharField(max_length=40, blank=True)
    final = models.BooleanField(default=False)
    finalised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    version = models.PositiveIntegerField(default=1)

    objects = CaseChildQuerySet.as_manager()

    class Meta:
        # Panel managers' tasks look for the few reviews that called for a serious incident not yet linked.
        indexes = [
            models.Index(
                fields=["case"],
                condition=models.Q(serious_incident_prompted_at__isnull=False, serious_incident__isnull=True),
                name="panel_review_incident_awaited",
            )
        ]

    def __str__(self):
        return f"Panel review of {self.case}"

    @property
    def calls_for_serious_incident(self):
        return self.category == Category.DELIBERATE_INJURY or self.abuse_or_neglect_suspected


class ThemedMeeting(models.Model):
    """A panel gathers cases by theme (all neonatal deaths, all suicides) for one meeting."""

    panel = models.ForeignKey("child_deaths.Panel", on_delete=models.PROTECT, related_name="themed_meetings")
    theme = models.CharField(max_length=200)
    meets_on = models.DateField()
    category = models.CharField(max_length=2, choices=Category.choices, blank=True)
    age_band = models.CharField(max_length=10, choices=AgeBand.choices, blank=True)
    cases = models.ManyToManyField("child_deaths.ChildDeathCase", related_name="themed_meetings", blank=True)
    notes = models.TextField(blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-meets_on", "pk"]

    def __str__(self):
        return f"{self.theme} ({self.panel})"


class NationalRecordQuerySet(AreaScopedQuerySet):
    """Read-only for analysis: national roles see every record, areas their own residents'."""

    def for_analysis(self):
        return self.order_by("year_of_death", "pseudonym")


class NationalRecord(models.Model):
    """The pseudonymised record a closed case sends to the national child mortality database.

    No name, NHS number, date of birth, address or postcode: the pseudonym, the month of death and
    derived facts only. Written once at closure and never edited.
    """

    case = models.OneToOneField("child_deaths.ChildDeathCase", on_delete=models.PROTECT, related_name="national_record")
    area = models.ForeignKey("organisations.SafeguardingArea", on_delete=models.PROTECT, related_name="+")
    panel_name = models.CharField(max_length=200)
    pseudonym = models.CharField(max_length=11)
    year_of_death = models.PositiveSmallIntegerField()
    month_of_death = models.PositiveSmallIntegerField()
    age_band = models.CharField(max_length=10, choices=AgeBand.choices)
    sex = models.CharField(max_length=15, choices=Sex.choices)
    ethnicity_group = models.CharField(max_length=15, choices=EthnicityGroup.choices)
    expectation = models.CharField(max_length=12, choices=Expectation.choices)
    place_of_death = models.CharField(max_length=20, choices=PlaceOfDeath.choices)
    category = models.CharField(max_length=2, choices=Category.choices)
    modifiable = models.CharField(max_length=12, choices=Modifiable.choices)
    modifiable_domains = models.JSONField(default=list)
    review_months = models.PositiveSmallIntegerField(help_text="Whole months from death to the final review")
    ready_at = models.DateTimeField(auto_now_add=True)

    objects = NationalRecordQuerySet.as_manager()

    class Meta:
        ordering = ["-ready_at", "pk"]

    def __str__(self):
        return f"National record {self.pseudonym}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("A national record is written once at closure and never edited")
        super().save(*args, **kwargs)
