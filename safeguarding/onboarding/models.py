"""The history of areas and panels (add-only), a lead chief officer's confirmation of an area, the agency type
of an organisation added here, and the historic records brought in from other systems."""

from django.conf import settings
from django.db import models
from django.utils import timezone


class AddOnlyModel(models.Model):
    """A history row: written once, never edited or deleted."""

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("History is add-only: a recorded change cannot be edited")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError("History is add-only: a recorded change cannot be deleted")


class AreaChange(AddOnlyModel):
    """One change to a safeguarding area: what changed, when it took effect, who recorded it."""

    class Kind(models.TextChoices):
        FORMED = "formed", "Area formed"
        AUTHORITY_JOINED = "authority_joined", "Local authority joined"
        AUTHORITY_LEFT = "authority_left", "Local authority left"
        MERGED_IN = "merged_in", "Another area merged into this one"
        MERGED_INTO = "merged_into", "Merged into another area"
        HEALTH_BODY_CHANGED = "health_body_changed", "Health body changed"
        PARTNER_CONFIRMED = "partner_confirmed", "Statutory partner confirmed the area"

    area = models.ForeignKey("organisations.SafeguardingArea", on_delete=models.PROTECT, related_name="changes")
    kind = models.CharField(max_length=30, choices=Kind.choices)
    effective_on = models.DateField()
    description = models.CharField(max_length=500, help_text="What changed, in words: names of authorities and bodies")
    local_authority = models.ForeignKey(
        "organisations.LocalAuthority", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    organisation = models.ForeignKey(
        "organisations.Organisation", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    other_area = models.ForeignKey(
        "organisations.SafeguardingArea", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    made_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    made_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["effective_on", "made_at", "pk"]

    def __str__(self):
        return f"{self.area}: {self.get_kind_display()} on {self.effective_on}"


class PartnerConfirmation(models.Model):
    """A statutory partner's lead chief officer confirming the area they were named partners of."""

    area = models.ForeignKey("organisations.SafeguardingArea", on_delete=models.PROTECT, related_name="confirmations")
    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.PROTECT, related_name="+")
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    confirmed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["area", "organisation__kind"]
        constraints = [
            models.UniqueConstraint(fields=["area", "organisation"], name="one_confirmation_per_partner"),
            models.CheckConstraint(
                condition=models.Q(confirmed_at__isnull=True) | models.Q(confirmed_by__isnull=False),
                name="confirmation_names_who_confirmed",
            ),
        ]

    def __str__(self):
        state = "confirmed" if self.confirmed_at else "waiting"
        return f"{self.organisation} for {self.area}: {state}"


class PanelChange(AddOnlyModel):
    """One change to a child death overview panel's footprint."""

    class Kind(models.TextChoices):
        FORMED = "formed", "Panel set up"
        AREA_JOINED = "area_joined", "Area joined"
        AREA_LEFT = "area_left", "Area left"

    panel = models.ForeignKey("child_deaths.Panel", on_delete=models.PROTECT, related_name="changes")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    area = models.ForeignKey(
        "organisations.SafeguardingArea", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    effective_on = models.DateField()
    description = models.CharField(max_length=500)
    children = models.PositiveIntegerField(null=True, blank=True, help_text="Children (0-17) covered after the change")
    made_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    made_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["effective_on", "made_at", "pk"]

    def __str__(self):
        return f"{self.panel}: {self.get_kind_display()} on {self.effective_on}"

    @property
    def children_text(self):
        return "" if self.children is None else f"{self.children:,}"


class AgencyType(models.TextChoices):
    """The relevant agencies an area names, each with the official code it carries where there is one."""

    SCHOOL = "school", "School"
    ACADEMY_TRUST = "academy_trust", "Academy trust"
    NHS_TRUST = "nhs_trust", "NHS trust"
    GP_PRACTICE = "gp_practice", "GP practice"
    HOSPICE = "hospice", "Hospice"
    CHARITY = "charity", "Charity"
    PROBATION = "probation", "Probation service"
    YOUTH_JUSTICE = "youth_justice", "Youth justice service"
    OTHER = "other", "Other relevant agency"


class AgencyProfile(models.Model):
    """What kind of relevant agency an organisation is, beyond the organisation's broad kind."""

    organisation = models.OneToOneField(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="agency_profile"
    )
    agency_type = models.CharField(max_length=20, choices=AgencyType.choices)
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    added_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return f"{self.organisation}: {self.get_agency_type_display()}"


class ImportStatus(models.TextChoices):
    CHECKED = "checked", "Checked, not yet imported"
    QUEUED = "queued", "Importing"
    IMPORTED = "imported", "Imported"
    FAILED = "failed", "Failed"


class SealedImportFile(models.Model):
    """One uploaded file of historic records that hold identities: kept sealed (AES-GCM, the identity keys) from
    the dry run until its import job has run, then discarded. Each import adds what the file is for."""

    file_name = models.CharField(max_length=200)
    rows = models.PositiveIntegerField(default=0)
    key_id = models.CharField(max_length=40, blank=True)
    nonce = models.BinaryField(blank=True, default=b"")
    ciphertext = models.BinaryField(blank=True, default=b"")
    status = models.CharField(max_length=10, choices=ImportStatus.choices, default=ImportStatus.CHECKED)
    counts = models.JSONField(default=dict, blank=True)
    run = models.ForeignKey("jobs.JobRun", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        abstract = True
        ordering = ["-uploaded_at", "-pk"]


class DeathImport(SealedImportFile):
    """One uploaded file of historic child deaths for one panel."""

    panel = models.ForeignKey("child_deaths.Panel", on_delete=models.PROTECT, related_name="death_imports")

    class Meta(SealedImportFile.Meta):
        pass

    def __str__(self):
        return f"Import {self.pk} of {self.file_name} for {self.panel}"


class ImportedDeath(models.Model):
    """A case brought in from another system, by its source reference: importing it again finds it here."""

    panel = models.ForeignKey("child_deaths.Panel", on_delete=models.PROTECT, related_name="imported_deaths")
    source_reference = models.CharField(max_length=60)
    case = models.OneToOneField("child_deaths.ChildDeathCase", on_delete=models.PROTECT, related_name="imported_from")
    batch = models.ForeignKey(DeathImport, on_delete=models.PROTECT, related_name="imported")
    imported_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["panel", "source_reference"], name="one_import_per_source_reference")
        ]

    def __str__(self):
        return f"{self.source_reference} as {self.case}"


class IncidentImport(SealedImportFile):
    """One uploaded file of historic serious incident notifications for one safeguarding area."""

    area = models.ForeignKey(
        "organisations.SafeguardingArea", on_delete=models.PROTECT, related_name="incident_imports"
    )

    class Meta(SealedImportFile.Meta):
        pass

    def __str__(self):
        return f"Import {self.pk} of {self.file_name} for {self.area}"


class ImportedIncident(models.Model):
    """A serious incident case brought in from another system, by its source reference within the area."""

    area = models.ForeignKey("organisations.SafeguardingArea", on_delete=models.PROTECT, related_name="+")
    source_reference = models.CharField(max_length=60)
    incident = models.OneToOneField("incidents.Incident", on_delete=models.PROTECT, related_name="imported_from")
    batch = models.ForeignKey(IncidentImport, on_delete=models.PROTECT, related_name="imported")
    imported_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["area", "source_reference"], name="one_incident_import_per_source_reference"
            )
        ]

    def __str__(self):
        return f"{self.source_reference} as {self.incident}"
