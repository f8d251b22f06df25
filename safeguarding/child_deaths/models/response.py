"""The joint agency response to an unexpected death: who responded, the home visit, the family's key worker."""

from django.conf import settings
from django.db import models

from .notifications import CaseChildQuerySet


class JointAgencyResponse(models.Model):
    case = models.OneToOneField("child_deaths.ChildDeathCase", on_delete=models.PROTECT, related_name="jar")
    police_lead = models.CharField(max_length=200, help_text="Name and rank of the police officer leading")
    health_lead = models.CharField(max_length=200, help_text="Name and role of the health professional leading")
    social_care_lead = models.CharField(max_length=200, blank=True)
    home_visit_on = models.DateField(null=True, blank=True)
    home_visit_notes = models.TextField(blank=True)
    key_worker_name = models.CharField(max_length=200, blank=True)
    key_worker_contact = models.CharField(max_length=200, blank=True)
    started_on = models.DateField()
    started_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    version = models.PositiveIntegerField(default=1)

    objects = CaseChildQuerySet.as_manager()

    def __str__(self):
        return f"Joint agency response for {self.case}"


class FamilyContact(models.Model):
    """One contact with the family: entries are added, never edited, so the log can be relied on."""

    class Kind(models.TextChoices):
        VISIT = "visit", "Visit"
        TELEPHONE = "telephone", "Telephone call"
        LETTER = "letter", "Letter or email"
        MEETING = "meeting", "Meeting"

    case = models.ForeignKey("child_deaths.ChildDeathCase", on_delete=models.PROTECT, related_name="family_contacts")
    contacted_on = models.DateField()
    kind = models.CharField(max_length=12, choices=Kind.choices)
    made_by = models.CharField(max_length=200, help_text="Who made the contact, and their role")
    summary = models.TextField()
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    objects = CaseChildQuerySet.as_manager()

    class Meta:
        ordering = ["contacted_on", "pk"]

    def __str__(self):
        return f"{self.get_kind_display()} on {self.contacted_on}"
