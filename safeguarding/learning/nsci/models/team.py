"""The independent team of a national inquiry: a lead reviewer and members from the reviewer register.

Every member passed the independence check (reviewers.independence) for the inquiry's areas and agencies
on the day they were appointed; the check's date is kept so that a later reading knows what it covered.
"""

from django.conf import settings
from django.db import models

from .inquiry import NationalInquiry


class TeamRole(models.TextChoices):
    LEAD = "lead", "Lead reviewer"
    MEMBER = "member", "Team member"


class TeamMember(models.Model):
    inquiry = models.ForeignKey(NationalInquiry, on_delete=models.PROTECT, related_name="team")
    reviewer = models.ForeignKey("reviewers.Reviewer", on_delete=models.PROTECT, related_name="nsci_appointments")
    role = models.CharField(max_length=10, choices=TeamRole.choices)
    appointed_on = models.DateField()
    appointed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["role", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["inquiry", "reviewer"], name="nsci_reviewer_once_per_team"),
            models.UniqueConstraint(fields=["inquiry"], condition=models.Q(role="lead"), name="nsci_one_lead_reviewer"),
        ]

    def __str__(self):
        return f"{self.get_role_display()} of {self.inquiry.reference}: {self.reviewer}"
