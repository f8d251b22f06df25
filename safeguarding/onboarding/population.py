"""Children covered by a set of areas, against the policy minimum a panel should cover (Wood Report para 182)."""

from dataclasses import dataclass

from django.db.models import Count, Max, Sum

from safeguarding.child_deaths.populations import MINIMUM_SETTING
from safeguarding.core.clocks.deadlines import setting
from safeguarding.organisations.models import ChildPopulation, LocalAuthority


@dataclass(frozen=True)
class Coverage:
    children: int
    year: int | None
    minimum: int

    @property
    def below_minimum(self):
        return self.children < self.minimum

    @property
    def shortfall(self):
        return max(self.minimum - self.children, 0)

    @property
    def children_text(self):
        return f"{self.children:,}"

    @property
    def minimum_text(self):
        return f"{self.minimum:,}"

    @property
    def shortfall_text(self):
        return f"{self.shortfall:,}"


def children_in(areas):
    """(children aged 0-17, year) over the areas' local authorities, from the latest year with a figure for all."""
    codes = list(
        LocalAuthority.objects.filter(safeguarding_areas__in=list(areas)).values_list("code", flat=True).distinct()
    )
    if not codes:
        return 0, None
    rows = ChildPopulation.objects.filter(level=ChildPopulation.Level.LOCAL_AUTHORITY, code__in=codes)
    complete = rows.values("year").annotate(n=Count("code")).filter(n=len(codes)).aggregate(latest=Max("year"))
    year = complete["latest"]
    if year is None:
        return 0, None
    return rows.filter(year=year).aggregate(total=Sum("children"))["total"] or 0, year


def coverage_of(areas):
    children, year = children_in(areas)
    return Coverage(children, year, int(setting(MINIMUM_SETTING)))
