"""The local learning inquiry: terms of reference, methodology, lead reviewer, and who took part."""

from django.conf import settings
from django.db import models

from .case import Incident
from .scoped import ThroughIncidentQuerySet


class Methodology(models.Model):
    """A method of inquiry from the maintained list, with guidance on when it fits (Wood para 164, 172).

    Reference data, not case data: seeded by a migration and maintained by the national body.
    """

    slug = models.SlugField(max_length=60, unique=True)
    name = models.CharField(max_length=200)
    guidance = models.TextField(help_text="When this method fits, and what it asks of the area")
    is_active = models.BooleanField(default=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "name"]
        verbose_name_plural = "methodologies"

    def __str__(self):
        return self.name


class LocalLearningInquiry(models.Model):
    incident = models.OneToOneField(Incident, on_delete=models.PROTECT, related_name="lli")
    terms_of_reference = models.TextField(blank=True)
    methodology = models.ForeignKey(Methodology, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    lead_reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    version = models.PositiveIntegerField(default=1)

    objects = ThroughIncidentQuerySet.as_manager()

    class Meta:
        verbose_name = "local learning inquiry"
        verbose_name_plural = "local learning inquiries"

    def __str__(self):
        return f"Local learning inquiry of {self.incident.reference}"

    @property
    def is_set_up(self):
        return bool(self.terms_of_reference and self.methodology_id and self.lead_reviewer_id)


class InvolvementResponse(models.TextChoices):
    OFFERED = "offered", "Offered"
    ACCEPTED = "accepted", "Accepted"
    DECLINED = "declined", "Declined"


class Involvement(models.Model):
    """A practitioner or family member invited to take part, by role or relationship, not by name."""

    class Kind(models.TextChoices):
        PRACTITIONER = "practitioner", "Practitioner"
        FAMILY = "family", "Family member"

    incident = models.ForeignKey(Incident, on_delete=models.PROTECT, related_name="involvements")
    kind = models.CharField(max_length=15, choices=Kind.choices)
    who = models.CharField(max_length=200, help_text="Role or relationship to the child, never a name")
    response = models.CharField(max_length=10, choices=InvolvementResponse.choices)
    offered_on = models.DateField()
    responded_on = models.DateField(null=True, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    objects = ThroughIncidentQuerySet.as_manager()

    class Meta:
        ordering = ["kind", "offered_on", "pk"]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.who}"
