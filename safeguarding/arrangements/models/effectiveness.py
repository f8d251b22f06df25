"""How the partners show their arrangements work (paragraph 75): independent scrutiny with findings
and responses (paragraph 116), outcome measures over time, and engagement with children."""

from django.conf import settings
from django.db import models

from safeguarding.core.scoping import AreaScopedQuerySet


class ScrutinyKind(models.TextChoices):
    THEMATIC_AUDIT = "thematic_audit", "Independent multi-agency audit of a theme"
    CHALLENGE_SESSION = "challenge_session", "Challenge session for agencies' leaders"
    ADVISORY_GROUP = "advisory_group", "Independent advisory group"
    IMPACT_ASSESSMENT = "impact_assessment", "External impact assessment (for example of training)"
    INSPECTION = "inspection", "Inspection (including a joint targeted area inspection)"


class ScrutinyActivity(models.Model):
    area = models.ForeignKey("organisations.SafeguardingArea", on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(max_length=30, choices=ScrutinyKind.choices)
    title = models.CharField(max_length=200)
    carried_out_on = models.DateField()
    carried_out_by = models.CharField(max_length=200, help_text="The independent person or body")
    findings = models.TextField(max_length=6000)
    response = models.TextField(max_length=6000, blank=True)
    responded_on = models.DateField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    objects = AreaScopedQuerySet.as_manager()

    class Meta:
        ordering = ["area", "-carried_out_on", "-pk"]
        verbose_name_plural = "scrutiny activities"

    def __str__(self):
        return self.title


class OutcomeMeasure(models.Model):
    area = models.ForeignKey("organisations.SafeguardingArea", on_delete=models.PROTECT, related_name="+")
    name = models.CharField(max_length=200)
    description = models.TextField(max_length=2000, blank=True)
    unit = models.CharField(max_length=60, help_text="For example: %, days, per 10,000 children")
    higher_is_better = models.BooleanField(default=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    objects = AreaScopedQuerySet.as_manager()

    class Meta:
        ordering = ["area", "name"]
        constraints = [models.UniqueConstraint(fields=["area", "name"], name="unique_outcome_measure_name")]

    def __str__(self):
        return self.name

    def with_unit(self, value):
        """A value as written in prose: "18.9%", "1,250 days", "4.5 per 10,000 children"."""
        number = f"{value:,f}"
        if "." in number:
            number = number.rstrip("0").rstrip(".")
        return f"{number}%" if self.unit.strip() == "%" else f"{number} {self.unit}"


class OutcomeValueQuerySet(AreaScopedQuerySet):
    area_lookup = "measure__area"


class OutcomeValue(models.Model):
    measure = models.ForeignKey(OutcomeMeasure, on_delete=models.CASCADE, related_name="values")
    period_ending = models.DateField()
    value = models.DecimalField(max_digits=12, decimal_places=2)
    note = models.CharField(max_length=300, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    objects = OutcomeValueQuerySet.as_manager()

    class Meta:
        ordering = ["measure", "period_ending"]
        constraints = [models.UniqueConstraint(fields=["measure", "period_ending"], name="one_value_per_period")]

    def __str__(self):
        return f"{self.measure}: {self.value} to {self.period_ending}"


class Engagement(models.Model):
    """Work with children and young people: what was done, who took part, and what changed because of it."""

    area = models.ForeignKey("organisations.SafeguardingArea", on_delete=models.PROTECT, related_name="+")
    held_on = models.DateField()
    activity = models.CharField(max_length=300, help_text="What was done")
    participants = models.CharField(max_length=300, help_text="Who took part, without names")
    what_changed = models.TextField(max_length=4000, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    objects = AreaScopedQuerySet.as_manager()

    class Meta:
        ordering = ["area", "-held_on", "-pk"]

    def __str__(self):
        return self.activity
