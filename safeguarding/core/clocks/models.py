"""The national policy table: every clock's length, and thresholds the national body may change."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models


class ClockUnit(models.TextChoices):
    WORKING_DAYS = "working_days", "working days"
    CALENDAR_DAYS = "calendar_days", "calendar days"
    MONTHS = "months", "months"


class ClockPolicy(models.Model):
    """How long one step of a case may take, e.g. 'rapid inquiry decision within 15 working days'."""

    key = models.SlugField(max_length=80, unique=True, help_text="Stable name the code uses, e.g. incident-notify")
    name = models.CharField(max_length=200)
    starts_from = models.CharField(max_length=200, help_text="What starts the clock, in words")
    amount = models.PositiveSmallIntegerField()
    unit = models.CharField(max_length=15, choices=ClockUnit.choices)
    source = models.CharField(max_length=200, blank=True, help_text="Where the rule comes from")
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["key"]
        verbose_name_plural = "clock policies"

    def __str__(self):
        return f"{self.name}: {self.length}"

    @property
    def length(self):
        """'15 working days', '1 month': the clock's length in words, singular for one."""
        unit = self.get_unit_display()
        if self.amount == 1:
            unit = unit.removesuffix("s")
        return f"{self.amount} {unit}"

    def clean(self):
        if self.amount == 0:
            raise ValidationError({"amount": "The length must be at least 1"})


class PolicySetting(models.Model):
    """A number the national body sets, e.g. the smallest child population a death review panel may cover."""

    key = models.SlugField(max_length=80, unique=True)
    name = models.CharField(max_length=200)
    value = models.PositiveIntegerField()
    description = models.TextField(blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["key"]

    def __str__(self):
        return f"{self.name}: {self.value}"
