"""An area's arrangements document: numbered versions, each with its sections, evidence,
relevant agencies and the lead chief officers' sign-offs."""

from django.conf import settings
from django.db import models

from safeguarding.core.scoping import AreaScopedQuerySet
from safeguarding.core.state_machine import StateMachine, StatusChangeBase
from safeguarding.organisations.models import OrganisationKind

from ..sections import definition


class VersionStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    PUBLISHED = "published", "Published"
    SUPERSEDED = "superseded", "Superseded"


# The one transitions table of a version. A published version is never edited again: changes
# start a new draft, and publishing that draft supersedes the version before it.
VERSION_TRANSITIONS = StateMachine(
    {
        (VersionStatus.DRAFT, VersionStatus.PUBLISHED),
        (VersionStatus.PUBLISHED, VersionStatus.SUPERSEDED),
    },
    labels=dict(VersionStatus.choices),
)


class ArrangementsVersionQuerySet(AreaScopedQuerySet):
    pass


class ArrangementsVersion(models.Model):
    """One version of an area's arrangements. Version 1 is the first draft; each later draft
    starts as a copy of the version before it."""

    area = models.ForeignKey("organisations.SafeguardingArea", on_delete=models.PROTECT, related_name="+")
    number = models.PositiveIntegerField()
    status = models.CharField(max_length=20, choices=VersionStatus.choices, default=VersionStatus.DRAFT)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    published_at = models.DateTimeField(null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    superseded_at = models.DateTimeField(null=True, blank=True)

    objects = ArrangementsVersionQuerySet.as_manager()

    class Meta:
        ordering = ["area", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["area", "number"], name="unique_arrangements_version_number"),
            # One draft at a time per area: two drafts would be two competing documents.
            models.UniqueConstraint(
                fields=["area"], condition=models.Q(status="draft"), name="one_arrangements_draft_per_area"
            ),
            models.UniqueConstraint(
                fields=["area"], condition=models.Q(status="published"), name="one_published_arrangements_per_area"
            ),
        ]

    def __str__(self):
        return f"{self.area} arrangements, version {self.number}"

    @property
    def is_draft(self):
        return self.status == VersionStatus.DRAFT

    @property
    def is_public(self):
        return self.status in {VersionStatus.PUBLISHED, VersionStatus.SUPERSEDED}


class VersionStatusChange(StatusChangeBase):
    case = models.ForeignKey(ArrangementsVersion, related_name="status_changes", on_delete=models.PROTECT)


class SectionQuerySet(AreaScopedQuerySet):
    area_lookup = "document__area"


class Section(models.Model):
    """One section of a version: its Markdown body, edited with a version check."""

    document = models.ForeignKey(ArrangementsVersion, on_delete=models.CASCADE, related_name="sections")
    key = models.SlugField(max_length=60)
    position = models.PositiveSmallIntegerField()
    title = models.CharField(max_length=200)
    body = models.TextField(blank=True)
    version = models.PositiveIntegerField(default=1)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    objects = SectionQuerySet.as_manager()

    class Meta:
        ordering = ["document", "position"]
        constraints = [models.UniqueConstraint(fields=["document", "key"], name="unique_section_per_version")]

    def __str__(self):
        return self.title

    @property
    def definition(self):
        return definition(self.key)


class EvidenceQuerySet(AreaScopedQuerySet):
    area_lookup = "section__document__area"


class Evidence(models.Model):
    """A link to something that backs a section up: a policy, an audit report, a dataset."""

    section = models.ForeignKey(Section, on_delete=models.CASCADE, related_name="evidence")
    title = models.CharField(max_length=200)
    url = models.URLField(max_length=500)
    added_at = models.DateTimeField(auto_now_add=True)
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    objects = EvidenceQuerySet.as_manager()

    class Meta:
        ordering = ["section", "added_at", "pk"]
        verbose_name_plural = "evidence"

    def __str__(self):
        return self.title


class RelevantAgencyQuerySet(AreaScopedQuerySet):
    area_lookup = "document__area"


class RelevantAgency(models.Model):
    """An agency the partners name in their arrangements (Wood recommendation 3), with its role."""

    document = models.ForeignKey(ArrangementsVersion, on_delete=models.CASCADE, related_name="relevant_agencies")
    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.PROTECT, related_name="+")
    role = models.TextField(max_length=1000)

    objects = RelevantAgencyQuerySet.as_manager()

    class Meta:
        ordering = ["document", "organisation__name"]
        verbose_name_plural = "relevant agencies"
        constraints = [
            models.UniqueConstraint(fields=["document", "organisation"], name="unique_relevant_agency_per_version")
        ]

    def __str__(self):
        return f"{self.organisation}: {self.role[:60]}"


class SignOffQuerySet(AreaScopedQuerySet):
    area_lookup = "document__area"

    def standing(self):
        return self.filter(cleared_at__isnull=True)


class SignOff(models.Model):
    """A lead chief officer confirms a version for their agency. An edit afterwards clears it (the
    row stays, with when and why it was cleared), so the document signed is the document published."""

    PARTNER_KINDS = [
        (OrganisationKind.LOCAL_AUTHORITY, "Local authority"),
        (OrganisationKind.HEALTH, "Health"),
        (OrganisationKind.POLICE, "Police"),
    ]

    document = models.ForeignKey(ArrangementsVersion, on_delete=models.PROTECT, related_name="sign_offs")
    partner_kind = models.CharField(max_length=20, choices=PARTNER_KINDS)
    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.PROTECT, related_name="+")
    signed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    signed_at = models.DateTimeField(auto_now_add=True)
    cleared_at = models.DateTimeField(null=True, blank=True)
    cleared_because = models.CharField(max_length=200, blank=True)

    objects = SignOffQuerySet.as_manager()

    class Meta:
        ordering = ["document", "signed_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["document", "partner_kind"],
                condition=models.Q(cleared_at__isnull=True),
                name="one_standing_sign_off_per_partner",
            )
        ]

    def __str__(self):
        return f"{self.get_partner_kind_display()} sign-off of {self.document}"
