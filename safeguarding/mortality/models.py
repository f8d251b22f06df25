"""The national analysis table of child deaths and the statistical releases published from it."""

from django.conf import settings
from django.db import models

from safeguarding.child_deaths.models.vocabulary import AgeBand, Category, EthnicityGroup, Modifiable, PlaceOfDeath, Sex
from safeguarding.core.scoping import AreaScopedQuerySet


class MortalityRecordQuerySet(AreaScopedQuerySet):
    """National data: only the national roles see any of it (it has no area to scope by).

    Subclassing AreaScopedQuerySet makes the build's scoped-query check hold views to `visible_to`.
    """

    def visible_to(self, user):
        from safeguarding.core import permissions

        if getattr(user, "is_authenticated", False) and permissions.national_roles(user):
            return self.all()
        return self.none()

    def administered_by(self, user):
        from safeguarding.core import permissions

        return self.all() if permissions.is_national_administrator(user) else self.none()


class Origin(models.TextChoices):
    REVIEW = "review", "Child death review"
    SYNTHETIC = "synthetic", "Synthetic (seed_national)"


class MortalityRecord(models.Model):
    """One notified child death, pseudonymised and reduced to derived facts for national analysis.

    No name, NHS number, date of birth, address or postcode: the pseudonym (one per child, so one
    death per pseudonym), month of death and coded facts. `circumstances` is the notifier's free
    text: national roles only, never shown publicly and never in a release.
    """

    origin = models.CharField(max_length=10, choices=Origin.choices)
    pseudonym = models.CharField(max_length=12, unique=True)
    year_of_death = models.PositiveSmallIntegerField()
    month_of_death = models.PositiveSmallIntegerField()
    financial_year = models.PositiveSmallIntegerField(help_text="The year the financial year starts: 2025 for 2025-26")
    age_band = models.CharField(max_length=10, choices=AgeBand.choices)
    sex = models.CharField(max_length=15, choices=Sex.choices)
    ethnicity_group = models.CharField(max_length=15, choices=EthnicityGroup.choices)
    region_code = models.CharField(max_length=9)
    la_code = models.CharField(max_length=9, help_text="Local authority of normal residence")
    panel = models.CharField(max_length=200, help_text="The child death overview panel that reviews the death")
    place_la_code = models.CharField(max_length=9, blank=True, help_text="Empty when the child died abroad")
    place_type = models.CharField(max_length=20, choices=PlaceOfDeath.choices)
    hospital = models.CharField(max_length=200, blank=True, help_text="Specialist centres only")
    deprivation_quintile = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="1 most deprived to 5 least, of the local authority of residence"
    )
    category = models.CharField(max_length=2, choices=Category.choices, blank=True)
    modifiable = models.CharField(max_length=12, choices=Modifiable.choices, blank=True)
    reviewed = models.BooleanField(default=False)
    days_to_review = models.PositiveIntegerField(null=True, blank=True, help_text="Notification to panel review")
    circumstances = models.TextField(blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = MortalityRecordQuerySet.as_manager()

    class Meta:
        ordering = ["year_of_death", "month_of_death", "pk"]
        indexes = [
            models.Index(fields=["year_of_death", "month_of_death"]),
            models.Index(fields=["financial_year"]),
            models.Index(fields=["region_code"]),
            models.Index(fields=["la_code"]),
        ]

    def __str__(self):
        return f"Death {self.pseudonym} ({self.month_of_death:02d}/{self.year_of_death})"


class Release(models.Model):
    """A published statistical release for one financial year: its files, as published."""

    financial_year = models.PositiveSmallIntegerField(unique=True)
    title = models.CharField(max_length=200)
    html = models.TextField()
    pdf = models.BinaryField()
    tables = models.JSONField(help_text="CSV file name -> CSV text")
    deaths = models.PositiveIntegerField(help_text="Deaths in the year (published rounded to the release's rule)")
    published_at = models.DateTimeField()
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-financial_year"]

    def __str__(self):
        return self.title

    @property
    def label(self):
        return financial_year_label(self.financial_year)


def financial_year_of(year, month):
    """April to March: the financial year (by its first calendar year) a month falls in."""
    return year if month >= 4 else year - 1


def financial_year_label(start):
    return f"{start}-{(start + 1) % 100:02d}"


def parse_financial_year(text):
    """'2025-26' -> 2025; ValueError naming the argument for anything else."""
    parts = str(text).split("-")
    if len(parts) != 2 or not all(part.isdigit() for part in parts) or len(parts[0]) != 4 or len(parts[1]) != 2:
        raise ValueError(f"year must look like 2025-26, got {text!r}")
    start = int(parts[0])
    if (start + 1) % 100 != int(parts[1]):
        raise ValueError(f"year must be two consecutive years like 2025-26, got {text!r}")
    return start
