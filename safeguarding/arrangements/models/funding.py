"""What each partner agrees to put into the arrangements each year (paragraph 69's resource framework)."""

from django.conf import settings
from django.db import models

from safeguarding.core.scoping import AreaScopedQuerySet


class FundingContribution(models.Model):
    """One partner's agreed contribution for one financial year, in money and in kind."""

    area = models.ForeignKey("organisations.SafeguardingArea", on_delete=models.PROTECT, related_name="+")
    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField(help_text="The financial year starting in April of this year")
    money = models.DecimalField(max_digits=12, decimal_places=2)
    in_kind = models.DecimalField(max_digits=12, decimal_places=2, default=0, help_text="Estimated value, pounds")
    in_kind_description = models.CharField(max_length=300, blank=True)
    version = models.PositiveIntegerField(default=1)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now=True)

    objects = AreaScopedQuerySet.as_manager()

    class Meta:
        ordering = ["area", "-year", "organisation__name"]
        constraints = [
            models.UniqueConstraint(fields=["area", "organisation", "year"], name="one_contribution_per_partner_year"),
            models.CheckConstraint(condition=models.Q(money__gte=0, in_kind__gte=0), name="contribution_not_negative"),
        ]

    def __str__(self):
        return f"{self.organisation} {self.year_label}: £{self.money}"

    @property
    def year_label(self):
        return financial_year_label(self.year)

    @property
    def total(self):
        return self.money + self.in_kind


def financial_year_label(year):
    return f"April {year} to March {year + 1}"
