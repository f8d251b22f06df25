from django.db import models


class OrganisationKind(models.TextChoices):
    LOCAL_AUTHORITY = "local_authority", "Local authority"
    HEALTH = "health", "Health body (ICB or NHS trust)"
    POLICE = "police", "Police force"
    SCHOOL = "school", "School or academy trust"
    PROBATION = "probation", "Probation"
    YOUTH_JUSTICE = "youth_justice", "Youth justice"
    CAFCASS = "cafcass", "Cafcass"
    VOLUNTARY = "voluntary", "Voluntary or community organisation"
    CORONER = "coroner", "Coroner"
    NATIONAL_BODY = "national_body", "National body"
    OTHER = "other", "Other"


# The three statutory safeguarding partners of an area (Wood recommendation 1).
STATUTORY_PARTNER_KINDS = (OrganisationKind.LOCAL_AUTHORITY, OrganisationKind.HEALTH, OrganisationKind.POLICE)


class Organisation(models.Model):
    """An agency that takes part in safeguarding: a statutory partner, a relevant agency or a national body."""

    kind = models.CharField(max_length=20, choices=OrganisationKind.choices)
    name = models.CharField(max_length=200)
    code = models.CharField(
        max_length=20, blank=True, help_text="Official code where one exists: ONS (LA, ICB, police force) or ODS"
    )
    local_authority = models.OneToOneField(
        "organisations.LocalAuthority", null=True, blank=True, on_delete=models.PROTECT, related_name="organisation"
    )
    police_force_area = models.OneToOneField(
        "organisations.PoliceForceArea", null=True, blank=True, on_delete=models.PROTECT, related_name="organisation"
    )
    integrated_care_board = models.OneToOneField(
        "organisations.IntegratedCareBoard",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="organisation",
    )
    is_active = models.BooleanField(default=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "code"], condition=~models.Q(code=""), name="unique_organisation_code_per_kind"
            )
        ]

    def __str__(self):
        return self.name

    @property
    def is_statutory_partner(self):
        return self.kind in STATUTORY_PARTNER_KINDS
