"""The partners' yearly report: assembled from the platform's records, edited, then published."""

from django.conf import settings
from django.db import models

from safeguarding.core.scoping import AreaScopedQuerySet

from .funding import financial_year_label

# The report's sections, in order: (field, heading). Each holds Markdown.
REPORT_SECTIONS = (
    ("introduction", "Introduction"),
    ("arrangements_text", "Our arrangements"),
    ("funding_text", "Funding"),
    ("scrutiny_text", "Independent scrutiny and what we did about it"),
    ("outcomes_text", "Outcomes for children"),
    ("engagement_text", "What children and young people told us"),
    ("learning_text", "Serious incidents and child deaths"),
)
REPORT_SECTION_MAX = 12000


class YearlyReport(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        PUBLISHED = "published", "Published"

    area = models.ForeignKey("organisations.SafeguardingArea", on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField(help_text="The financial year starting in April of this year")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.DRAFT)
    introduction = models.TextField(blank=True)
    arrangements_text = models.TextField(blank=True)
    funding_text = models.TextField(blank=True)
    scrutiny_text = models.TextField(blank=True)
    outcomes_text = models.TextField(blank=True)
    engagement_text = models.TextField(blank=True)
    learning_text = models.TextField(blank=True)
    version = models.PositiveIntegerField(default=1)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    published_at = models.DateTimeField(null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    objects = AreaScopedQuerySet.as_manager()

    class Meta:
        ordering = ["area", "-year"]
        constraints = [models.UniqueConstraint(fields=["area", "year"], name="one_yearly_report_per_area_year")]

    def __str__(self):
        return f"{self.area} yearly report {self.year_label}"

    @property
    def year_label(self):
        return financial_year_label(self.year)

    @property
    def is_draft(self):
        return self.status == self.Status.DRAFT

    def sections(self):
        return [(field, heading, getattr(self, field)) for field, heading in REPORT_SECTIONS]
