"""A recurrence alert: one theme seen in enough reports from enough areas within the rolling window, and in
more of them than its usual share of earlier reports predicts.

The thresholds in force when the alert was raised are kept on it, with the baseline it was judged against, so
that a later change to the policy table does not rewrite why an alert was raised.
"""

from django.conf import settings
from django.db import models
from django.template.defaultfilters import pluralize


class AlertStatus(models.TextChoices):
    OPEN = "open", "Open"
    DISMISSED = "dismissed", "Dismissed"


class RecurrenceAlert(models.Model):
    theme = models.ForeignKey("repository.Theme", on_delete=models.PROTECT, related_name="recurrence_alerts")
    window_start = models.DateField()
    window_end = models.DateField()
    report_count = models.PositiveIntegerField()
    area_count = models.PositiveIntegerField()
    # The policy thresholds in force when the alert was raised (or last updated while open).
    minimum_reports = models.PositiveIntegerField()
    minimum_areas = models.PositiveIntegerField()
    window_months = models.PositiveIntegerField()
    # The baseline the count was judged against (empty on alerts raised before the rule had one). The theme's
    # usual share is baseline_reports of baseline_total_reports; applied to window_total_reports it gives
    # expected_reports, which is empty when the theme appeared in no earlier report (judged on the floor alone).
    rise_percent = models.PositiveIntegerField(null=True, blank=True)
    baseline_start = models.DateField(null=True, blank=True)
    baseline_end = models.DateField(null=True, blank=True)
    baseline_reports = models.PositiveIntegerField(null=True, blank=True)
    baseline_total_reports = models.PositiveIntegerField(null=True, blank=True)
    window_total_reports = models.PositiveIntegerField(null=True, blank=True)
    expected_reports = models.FloatField(null=True, blank=True)
    raised_on = models.DateField()
    status = models.CharField(max_length=10, choices=AlertStatus.choices, default=AlertStatus.OPEN)
    dismissed_reason = models.TextField(blank=True)
    dismissed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    dismissed_at = models.DateTimeField(null=True, blank=True)
    entries = models.ManyToManyField("repository.RepositoryEntry", related_name="recurrence_alerts")
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-raised_on", "-pk"]
        constraints = [
            # Re-detection updates the open alert of a theme rather than raising a second one.
            models.UniqueConstraint(
                fields=["theme"], condition=models.Q(status="open"), name="one_open_recurrence_alert_per_theme"
            )
        ]

    def __str__(self):
        return (
            f"{self.theme}: {self.report_count} reports from {self.area_count} areas "
            f"({self.window_start:%d %b %Y} to {self.window_end:%d %b %Y})"
        )

    @property
    def is_open(self):
        return self.status == AlertStatus.OPEN

    @property
    def has_baseline(self):
        return self.rise_percent is not None

    @property
    def rise(self):
        """How many times the reports its usual share predicts the theme appeared in (None without a prediction)."""
        if not self.expected_reports:
            return None
        return self.report_count / self.expected_reports

    @property
    def explanation(self):
        """Why the alert was raised, in plain words."""
        seen = (
            f"{self.theme.name} appeared in {self.report_count:,} report{pluralize(self.report_count)} from "
            f"{self.area_count:,} area{pluralize(self.area_count)} in the {self.window_months} "
            f"month{pluralize(self.window_months)} to {self.window_end:%-d %B %Y}"
        )
        floor = (
            f"at least {self.minimum_reports:,} report{pluralize(self.minimum_reports)} from "
            f"{self.minimum_areas:,} area{pluralize(self.minimum_areas)}"
        )
        if not self.has_baseline:
            return f"{seen}. An alert needed {floor}."
        earlier = f"{self.baseline_start:%B %Y} to {self.baseline_end:%B %Y}"
        if not self.baseline_total_reports:
            return (
                f"{seen}. No earlier reports ({earlier}) were there to compare with, so it was judged as a new theme: "
                f"an alert needed {floor}."
            )
        if self.expected_reports is None:
            return (
                f"{seen}. It appeared in none of the {self.baseline_total_reports:,} earlier "
                f"report{pluralize(self.baseline_total_reports)} ({earlier}), so it was judged as a new theme: "
                f"an alert needed {floor}."
            )
        return (
            f"{seen}. Its share of earlier reports ({self.baseline_reports:,} of {self.baseline_total_reports:,}, "
            f"{earlier}) predicts {self.expected_reports:,.0f} of the {self.window_total_reports:,} "
            f"report{pluralize(self.window_total_reports)} in the window: it appeared in {self.rise:.1f} times as "
            f"many. An alert needed at least {self.rise_percent}% of the prediction and {floor}."
        )


class TextSimilarity(models.Model):
    """Two distinct recommendation texts that are near-duplicates, as the last comparison found them.

    Texts are named by the SHA-256 of their normalised wording (lower case, single spaces), so one row
    serves every recommendation written in those words, in any report or edition; `first_text` sorts
    before `second_text`. The rows are replaced as a whole by each comparison (similarity.refresh)."""

    first_text = models.CharField(max_length=64)
    second_text = models.CharField(max_length=64)
    similarity = models.FloatField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["first_text", "second_text"], name="one_similarity_per_text_pair"),
            models.CheckConstraint(
                condition=models.Q(first_text__lt=models.F("second_text")), name="text_pair_in_order"
            ),
        ]

    def __str__(self):
        return f"{self.first_text[:8]}~{self.second_text[:8]} ({self.similarity:.2f})"


class SimilarityComparison(models.Model):
    """One comparison of every current recommendation with every other: when, over what, and what it found.

    The newest row says how fresh the stored similarities are; `last_recommendation` and `recommendations`
    let a page tell how many recommendations have arrived since."""

    computed_at = models.DateTimeField()
    recommendations = models.PositiveIntegerField()
    distinct_texts = models.PositiveIntegerField()
    pairs = models.PositiveIntegerField()
    last_recommendation = models.PositiveBigIntegerField(default=0)
    seconds = models.FloatField()

    class Meta:
        ordering = ["-computed_at", "-pk"]
        get_latest_by = "computed_at"

    def __str__(self):
        return f"{self.distinct_texts} texts compared at {self.computed_at:%Y-%m-%d %H:%M}: {self.pairs} pairs"
