"""The common, high-level category scheme (Wood Annex I): two levels of themes, kept as data.

The scheme itself lives in `taxonomy_data.py` and is loaded by a data migration, so that a change to a
definition is a reviewed change with its own migration, and every database holds the same codes.
"""

from django.conf import settings
from django.db import models


class ThemeGroup(models.Model):
    """The first level: child and family circumstances, practice, or the system."""

    slug = models.SlugField(max_length=40, unique=True)
    name = models.CharField(max_length=120)
    definition = models.TextField()
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "name"]

    def __str__(self):
        return self.name


class Theme(models.Model):
    """The second level: the code a national analyst gives a finding."""

    group = models.ForeignKey(ThemeGroup, on_delete=models.PROTECT, related_name="themes")
    slug = models.SlugField(max_length=60, unique=True)
    name = models.CharField(max_length=160)
    definition = models.TextField()
    # One example a line: what a finding with this code typically says.
    examples = models.TextField(blank=True)
    # One word or phrase a line: the keyword baseline of the coding suggestions uses them.
    keywords = models.TextField(blank=True)
    position = models.PositiveSmallIntegerField(default=0)
    is_active = models.BooleanField(default=True)

    class Meta:
        ordering = ["group__position", "position", "name"]

    def __str__(self):
        return self.name

    @property
    def example_list(self):
        return [line.strip() for line in self.examples.splitlines() if line.strip()]

    @property
    def keyword_list(self):
        return [line.strip().lower() for line in self.keywords.splitlines() if line.strip()]


class FindingTheme(models.Model):
    """One code given to one finding by a national analyst (or by an import of already-coded material)."""

    finding = models.ForeignKey("repository.RepositoryFinding", on_delete=models.CASCADE, related_name="codes")
    theme = models.ForeignKey(Theme, on_delete=models.PROTECT, related_name="codes")
    # Whether the platform had suggested this code when the coder accepted it.
    was_suggested = models.BooleanField(default=False)
    coded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    coded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["finding", "theme"], name="one_code_per_theme_per_finding")]

    def __str__(self):
        return f"{self.theme} on finding {self.finding_id}"
