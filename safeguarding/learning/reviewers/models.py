"""The national register of accredited reviewers (Wood recommendations 22 and 28, para 173).

A reviewer is a person who signs in: their name comes from their user account. Accreditation, continuing
professional development and declared employment are kept as dated rows so that the independence check and
CPD compliance can be worked out for any date.
"""

from django.conf import settings
from django.db import models


class Specialism(models.TextChoices):
    INFANTS = "infants", "Infants and pre-birth"
    ADOLESCENTS = "adolescents", "Adolescents and extra-familial harm"
    EXPLOITATION = "exploitation", "Exploitation (sexual and criminal)"
    DISABILITY = "disability", "Disability"
    NEGLECT = "neglect", "Neglect"
    DOMESTIC_ABUSE = "domestic_abuse", "Domestic abuse"
    MENTAL_HEALTH = "mental_health", "Mental health"
    SUBSTANCE_MISUSE = "substance_misuse", "Parental substance misuse"
    ONLINE_HARM = "online_harm", "Online harm"
    HEALTH_PRACTICE = "health_practice", "Health practice"
    POLICING = "policing", "Policing"
    EDUCATION = "education", "Education"
    SOCIAL_WORK = "social_work", "Social work practice"
    SYSTEMS_METHODOLOGY = "systems_methodology", "Learning together and systems methodology"


class Availability(models.TextChoices):
    AVAILABLE = "available", "Available"
    LIMITED = "limited", "Limited availability"
    NOT_AVAILABLE = "not_available", "Not available"


class Reviewer(models.Model):
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="reviewer_record")
    specialisms = models.JSONField(default=list, blank=True, help_text="Values of Specialism")
    availability = models.CharField(max_length=20, choices=Availability.choices, default=Availability.AVAILABLE)
    availability_note = models.CharField(max_length=500, blank=True)
    available_from = models.DateField(
        null=True, blank=True, help_text="When a reviewer who is not available now expects to be available again"
    )
    added_on = models.DateField()
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["user__full_name", "user__email"]

    def __str__(self):
        return str(self.user)

    @property
    def name(self):
        return self.user.full_name or self.user.email

    def specialism_labels(self):
        labels = dict(Specialism.choices)
        return [labels.get(value, value) for value in self.specialisms]

    def current_accreditation(self, on):
        """The highest-standing accreditation in force on `on`, or None."""
        current = [a for a in self.accreditations.all() if a.accredited_on <= on <= a.expires_on]
        return max(current, key=lambda a: (AccreditationLevel.rank(a.level), a.expires_on), default=None)

    def latest_accreditation(self):
        return max(self.accreditations.all(), key=lambda a: a.expires_on, default=None)


class AccreditationLevel(models.TextChoices):
    ASSOCIATE = "associate", "Associate reviewer"
    ACCREDITED = "accredited", "Accredited reviewer"
    LEAD = "lead", "Lead reviewer"

    @classmethod
    def rank(cls, value):
        return [cls.ASSOCIATE, cls.ACCREDITED, cls.LEAD].index(value) if value in cls.values else -1


class Accreditation(models.Model):
    reviewer = models.ForeignKey(Reviewer, on_delete=models.CASCADE, related_name="accreditations")
    level = models.CharField(max_length=20, choices=AccreditationLevel.choices)
    awarding_body = models.CharField(max_length=200)
    accredited_on = models.DateField()
    expires_on = models.DateField()
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-expires_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(expires_on__gt=models.F("accredited_on")), name="accreditation_expires_after_award"
            )
        ]

    def __str__(self):
        return f"{self.get_level_display()} ({self.accredited_on} to {self.expires_on})"

    def is_current(self, on):
        return self.accredited_on <= on <= self.expires_on


class CpdRecord(models.Model):
    """Continuing professional development: one activity, its date and hours."""

    reviewer = models.ForeignKey(Reviewer, on_delete=models.CASCADE, related_name="cpd_records")
    completed_on = models.DateField()
    hours = models.DecimalField(max_digits=5, decimal_places=1)
    activity = models.CharField(max_length=300)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-completed_on", "-pk"]
        constraints = [
            models.CheckConstraint(condition=models.Q(hours__gt=0, hours__lte=100), name="cpd_hours_between_0_and_100")
        ]

    def __str__(self):
        return f"{self.activity} ({self.hours} hours, {self.completed_on})"


class Employment(models.Model):
    """A declared job: the organisation and/or the safeguarding area worked for, and when."""

    reviewer = models.ForeignKey(Reviewer, on_delete=models.CASCADE, related_name="employments")
    organisation = models.ForeignKey(
        "organisations.Organisation", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    area = models.ForeignKey(
        "organisations.SafeguardingArea", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    role_title = models.CharField(max_length=200)
    started_on = models.DateField()
    ended_on = models.DateField(null=True, blank=True, help_text="Empty while the employment is current")
    version = models.PositiveIntegerField(default=1)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-started_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(organisation__isnull=False) | models.Q(area__isnull=False),
                name="employment_names_organisation_or_area",
            ),
            models.CheckConstraint(
                condition=models.Q(ended_on__isnull=True) | models.Q(ended_on__gte=models.F("started_on")),
                name="employment_ends_after_start",
            ),
        ]

    def __str__(self):
        return f"{self.role_title}, {self.employer}"

    @property
    def employer(self):
        if self.organisation_id and self.area_id:
            return f"{self.organisation.name} ({self.area.name})"
        return self.organisation.name if self.organisation_id else self.area.name

    @property
    def is_current(self):
        return self.ended_on is None


class InquiryKind(models.TextChoices):
    LLI = "lli", "Local learning inquiry"
    NSCI = "nsci", "National serious case inquiry"


class QualityAssessment(models.Model):
    """An inquiry assessed against the 18 SCR Quality Markers, recorded against its lead reviewer."""

    reviewer = models.ForeignKey(Reviewer, on_delete=models.PROTECT, related_name="quality_assessments")
    inquiry_kind = models.CharField(max_length=10, choices=InquiryKind.choices)
    inquiry_key = models.CharField(max_length=50, help_text='e.g. "incident:42" or "nsci:7"')
    inquiry_label = models.CharField(max_length=300)
    incident = models.ForeignKey(
        "incidents.Incident", null=True, blank=True, on_delete=models.PROTECT, related_name="quality_assessments"
    )
    assessed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    assessed_on = models.DateField()
    ratings = models.JSONField(help_text='{marker key: "met" | "partly_met" | "not_met"}')
    comments = models.JSONField(default=dict, blank=True, help_text="{marker key: comment}")
    overall_comment = models.TextField(blank=True)

    class Meta:
        ordering = ["-assessed_on", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["inquiry_kind", "inquiry_key"], name="one_quality_assessment_per_inquiry")
        ]

    def __str__(self):
        return f"Quality assessment of {self.inquiry_label}"
