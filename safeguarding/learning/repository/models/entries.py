"""What the national repository holds: published reports (and rapid inquiries' learning summaries), each
with its findings and recommendations, frozen as published. Reports stay: there is no expiry.

Nothing here holds identifiable child data: an incident's report arrives as its redacted published copy,
and the child appears only as an age band.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q

from safeguarding.core import permissions


class EntryKind(models.TextChoices):
    LLI_REPORT = "lli_report", "Local learning inquiry report"
    RAPID_INQUIRY = "rapid_inquiry", "Rapid inquiry learning summary"
    NSCI_REPORT = "nsci_report", "National serious case inquiry report"
    HISTORIC_REVIEW = "historic_review", "Serious case review (before the reforms)"


class EntrySource(models.TextChoices):
    PLATFORM = "platform", "Submitted through the platform"
    IMPORTED = "imported", "Imported from an earlier repository"


class AgeBand(models.TextChoices):
    UNDER_1 = "under_1", "Under 1"
    AGE_1_4 = "1_4", "1 to 4"
    AGE_5_9 = "5_9", "5 to 9"
    AGE_10_15 = "10_15", "10 to 15"
    AGE_16_17 = "16_17", "16 or 17"
    NOT_KNOWN = "not_known", "Not known"

    @classmethod
    def for_age(cls, years):
        if years is None:
            return cls.NOT_KNOWN
        for limit, band in ((1, cls.UNDER_1), (5, cls.AGE_1_4), (10, cls.AGE_5_9), (16, cls.AGE_10_15)):
            if years < limit:
                return band
        return cls.AGE_16_17


class RepositoryQuerySet(models.QuerySet):
    """Published material is public; rapid inquiry summaries are for the national roles only."""

    def public(self):
        return self.filter(is_public=True)

    def visible_to(self, user):
        if getattr(user, "is_authenticated", False) and permissions.national_roles(user):
            return self.all()
        return self.public()


class RepositoryEntry(models.Model):
    # The stable public identifier, used in URLs: NLR-<year added>-<number>.
    reference = models.CharField(max_length=20, unique=True)
    # Where it came from ("incident:42", "rapid-inquiry:42", "nsci:7", "import:<key>"): a second
    # submission from the same source becomes a new edition, never a second entry.
    source_key = models.CharField(max_length=80, unique=True)
    source = models.CharField(max_length=12, choices=EntrySource.choices, default=EntrySource.PLATFORM)
    kind = models.CharField(max_length=20, choices=EntryKind.choices)
    is_public = models.BooleanField(default=True)
    incident = models.ForeignKey(
        "incidents.Incident", null=True, blank=True, on_delete=models.PROTECT, related_name="repository_entries"
    )
    title = models.CharField(max_length=250)
    summary = models.TextField()
    # The published sections in reading order: [{"heading": ..., "text": ...}].
    sections = models.JSONField(default=list)
    # Frozen at publication: the area may later merge or be renamed, the report still says who wrote it.
    area = models.ForeignKey(
        "organisations.SafeguardingArea", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    area_name = models.CharField(max_length=200)
    region = models.ForeignKey(
        "organisations.Region", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    published_on = models.DateField()
    added_on = models.DateField(help_text="When the entry reached the national repository")
    harm = models.CharField(max_length=20, blank=True, help_text="death, serious_harm or other")
    harm_kinds = models.JSONField(default=list, blank=True)
    age_band = models.CharField(max_length=10, choices=AgeBand.choices, default=AgeBand.NOT_KNOWN)
    methodology = models.CharField(max_length=200, blank=True)
    # Kinds of agency involved (OrganisationKind values), for the agencies facet.
    agencies = models.JSONField(default=list, blank=True)
    # Everything searchable, joined once when the entry is written, so both search backends index the same text.
    search_text = models.TextField(blank=True)
    edition = models.PositiveIntegerField(default=1)
    content_hash = models.CharField(max_length=64)
    updated_at = models.DateTimeField(auto_now=True)

    objects = RepositoryQuerySet.as_manager()

    class Meta:
        ordering = ["-published_on", "reference"]
        verbose_name_plural = "repository entries"
        indexes = [models.Index(fields=["published_on"]), models.Index(fields=["added_on"])]

    def __str__(self):
        return f"{self.reference}: {self.title}"

    @property
    def year(self):
        return self.published_on.year

    def current_findings(self):
        return self.findings.filter(edition=self.edition)

    def current_recommendations(self):
        return self.recommendations.filter(edition=self.edition)


class RepositoryEntryEdition(models.Model):
    """An earlier edition, kept whole when a corrected report replaces it (nothing is lost)."""

    entry = models.ForeignKey(RepositoryEntry, on_delete=models.PROTECT, related_name="earlier_editions")
    edition = models.PositiveIntegerField()
    content = models.JSONField()
    content_hash = models.CharField(max_length=64)
    replaced_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["entry", "edition"]
        constraints = [models.UniqueConstraint(fields=["entry", "edition"], name="one_row_per_earlier_edition")]

    def __str__(self):
        return f"Edition {self.edition} of {self.entry.reference}"


class RepositoryFinding(models.Model):
    entry = models.ForeignKey(RepositoryEntry, on_delete=models.PROTECT, related_name="findings")
    edition = models.PositiveIntegerField(default=1)
    position = models.PositiveSmallIntegerField()
    what_happened = models.TextField()
    why = models.TextField(blank=True)
    agencies = models.JSONField(default=list, blank=True)
    themes = models.ManyToManyField("repository.Theme", through="repository.FindingTheme", related_name="findings")
    # Coding: who last coded it and when, and what the platform had suggested at that moment
    # ({theme slug: confidence}), so suggestion accuracy is measured against coders' final codes.
    coded_at = models.DateTimeField(null=True, blank=True)
    coded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    suggestions_at_coding = models.JSONField(default=dict, blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["entry", "edition", "position"]
        constraints = [
            models.UniqueConstraint(fields=["entry", "edition", "position"], name="one_finding_per_position")
        ]

    def __str__(self):
        return f"Finding {self.position} of {self.entry.reference}"

    @property
    def text(self):
        return f"{self.what_happened}\n{self.why}".strip()

    @property
    def is_coded(self):
        return self.coded_at is not None


class RepositoryRecommendation(models.Model):
    entry = models.ForeignKey(RepositoryEntry, on_delete=models.PROTECT, related_name="recommendations")
    edition = models.PositiveIntegerField(default=1)
    position = models.PositiveSmallIntegerField()
    finding = models.ForeignKey(
        RepositoryFinding, null=True, blank=True, on_delete=models.PROTECT, related_name="recommendations"
    )
    text = models.TextField()
    outcome = models.TextField(blank=True)
    addressee = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["entry", "edition", "position"]
        constraints = [
            models.UniqueConstraint(fields=["entry", "edition", "position"], name="one_recommendation_per_position")
        ]

    def __str__(self):
        return f"Recommendation {self.position} of {self.entry.reference}"


# Used by querysets elsewhere: the rows of each entry's current edition.
CURRENT_FINDING = Q(edition=F("entry__edition"))


class EntryFacetValue(models.Model):
    """One value an entry has for one search facet (its year, region, each kind of harm, each theme coded on
    its current findings...), so facet counts and filters are done by the database with an index rather than
    by reading every entry's facts into Python. Rewritten for an entry whenever it or its codes change
    (search/facet_index.py)."""

    entry = models.ForeignKey(RepositoryEntry, on_delete=models.CASCADE, related_name="facet_values")
    facet = models.CharField(max_length=20)
    value = models.CharField(max_length=200)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["entry", "facet", "value"], name="one_row_per_facet_value")]
        indexes = [models.Index(fields=["facet", "value", "entry"], name="repository_facet_lookup")]

    def __str__(self):
        return f"{self.facet}={self.value} on entry {self.entry_id}"


class RepositoryDataVersion(models.Model):
    """One row, given a new random token whenever an entry arrives, a new edition replaces one or a finding's
    codes change (search/facet_index.py), in the same transaction as the change. Search keeps what it works
    out (facet sets, ranked matches, result pages) under this token, so nothing is used after a change; a
    token rather than a counter so that a rolled-back change never brings back a number already used."""

    token = models.CharField(max_length=32)
    changed_at = models.DateTimeField()

    def __str__(self):
        return f"Repository data version {self.token} ({self.changed_at:%Y-%m-%d %H:%M:%S})"
