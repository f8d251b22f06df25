"""The national body's annual report to the Secretary of State (Wood recommendation 24).

Its figures are assembled from the platform's data into a frozen snapshot (`data`), so the report says
what the data said when it was assembled, not what the data says today. The national body writes the
words around them; once published the report changes no more.
"""

from django.conf import settings
from django.db import models


class ReportStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    PUBLISHED = "published", "Published"


# The sections the national body writes, in reading order: (field, heading).
SECTIONS = (
    ("foreword", "Foreword"),
    ("key_messages", "Key messages"),
    ("lessons_for_government", "Lessons for government"),
)


class AnnualReport(models.Model):
    year = models.PositiveSmallIntegerField(unique=True)
    status = models.CharField(max_length=10, choices=ReportStatus.choices, default=ReportStatus.DRAFT)
    foreword = models.TextField(blank=True)
    key_messages = models.TextField(blank=True)
    lessons_for_government = models.TextField(blank=True)
    # The figures as assembled (see assembly.py for the shape); published as they stand.
    data = models.JSONField(default=dict)
    assembled_at = models.DateTimeField()
    published_on = models.DateField(null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    version = models.PositiveIntegerField(default=1)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-year"]

    def __str__(self):
        return f"Annual report {self.year}"

    @property
    def title(self):
        return f"Annual report to the Secretary of State {self.year}"

    @property
    def is_published(self):
        return self.status == ReportStatus.PUBLISHED

    def sections(self):
        """(heading, Markdown) of the written sections, in reading order."""
        return [(heading, getattr(self, field).strip()) for field, heading in SECTIONS]
