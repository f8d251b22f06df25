"""Funnel plots comparing panels and local authorities with England, at 95% and 99.8%.

Rates: each unit's deaths per 100,000 children against its population; the limits for a unit are
those of safeguarding.stats.funnel_limits_rate at its own number of deaths (PHE's method, which puts
events on the x-axis; the chart draws population, and the curve is evaluated at the deaths a unit
of that size would have at the national rate). A unit with no deaths is tested directly: it is
below the lower limit when seeing none at all is less likely than the tail (exp(-expected)).
Proportions: share of reviewed deaths with modifiable factors against reviews decided.
"""

import math
from dataclasses import dataclass

from safeguarding import stats

from .breakdowns import PER
from .modifiable import ProportionRow

LEVELS = (0.95, 0.998)


@dataclass(frozen=True)
class FunnelPoint:
    key: str
    label: str
    x: float  # population, or reviews decided
    y: float  # rate per 100,000, or proportion
    events: int
    inner: tuple[float, float]
    outer: tuple[float, float]

    @property
    def outside(self):
        """'above 99.8%', 'above 95%', 'below …' or '' (within the 95% limits)."""
        if self.y > self.outer[1]:
            return "above 99.8%"
        if self.y < self.outer[0]:
            return "below 99.8%"
        if self.y > self.inner[1]:
            return "above 95%"
        if self.y < self.inner[0]:
            return "below 95%"
        return ""


@dataclass(frozen=True)
class Funnel:
    average: float
    points: list
    curve: list  # (x, inner lower, inner upper, outer lower, outer upper)

    @property
    def outliers(self):
        return [point for point in self.points if point.outside]


def _rate_limits(average, events, expected, confidence):
    if events >= 1:
        return tuple(stats.funnel_limits_rate(average, events, per=PER, confidence=confidence))
    tail = (1 - confidence) / 2
    # No deaths: only "too few" can be tested; the rate 0 is below the limit when P(0) < tail.
    return (average if math.exp(-expected) < tail else 0.0, math.inf)


def rate_funnel(rows):
    """From breakdowns.RateRow rows (panels or local authorities) with populations."""
    usable = [row for row in rows if row.population]
    if not usable or not sum(row.deaths for row in usable):
        return None
    average = PER * sum(row.deaths for row in usable) / sum(row.population for row in usable)
    points = []
    for row in usable:
        expected = average * row.population / PER
        inner = _rate_limits(average, row.deaths, expected, LEVELS[0])
        outer = _rate_limits(average, row.deaths, expected, LEVELS[1])
        points.append(FunnelPoint(str(row.key), row.label, row.population, row.rate, row.deaths, inner, outer))
    low, high = min(point.x for point in points), max(point.x for point in points)
    curve = []
    for size in _grid(low, high):
        events = max(1, round(average * size / PER))
        inner = stats.funnel_limits_rate(average, events, per=PER, confidence=LEVELS[0])
        outer = stats.funnel_limits_rate(average, events, per=PER, confidence=LEVELS[1])
        curve.append((size, *inner, *outer))
    return Funnel(average, points, curve)


def proportion_funnel(rows: list[ProportionRow]):
    usable = [row for row in rows if row.decided]
    if not usable:
        return None
    average = sum(row.modifiable for row in usable) / sum(row.decided for row in usable)
    points = []
    for row in usable:
        inner = tuple(stats.funnel_limits_proportion(average, row.decided, LEVELS[0]))
        outer = tuple(stats.funnel_limits_proportion(average, row.decided, LEVELS[1]))
        points.append(FunnelPoint(row.key, row.label, row.decided, row.proportion, row.modifiable, inner, outer))
    low, high = min(point.x for point in points), max(point.x for point in points)
    curve = [
        (
            size,
            *stats.funnel_limits_proportion(average, size, LEVELS[0]),
            *stats.funnel_limits_proportion(average, size, LEVELS[1]),
        )
        for size in _grid(low, high)
    ]
    return Funnel(average, points, curve)


def _grid(low, high, steps=40):
    if high <= low:
        return [low]
    return [low * (high / low) ** (step / steps) for step in range(steps + 1)]


def modifiable_by_unit(queryset, field):
    """ProportionRow per panel or local authority (field "panel" or "la_code")."""
    from django.db.models import Count, Q

    from safeguarding.child_deaths.models.vocabulary import Modifiable

    from ..geography import authority_names
    from .modifiable import _row

    names = authority_names() if field == "la_code" else {}
    rows = (
        queryset.filter(reviewed=True)
        .order_by()
        .values(field)
        .annotate(
            n_modifiable=Count("pk", filter=Q(modifiable=Modifiable.YES)),
            n_decided=Count("pk", filter=Q(modifiable__in=[Modifiable.YES, Modifiable.NO])),
            n_insufficient=Count("pk", filter=Q(modifiable=Modifiable.INSUFFICIENT)),
        )
    )
    return sorted(
        (
            _row(
                row[field],
                names.get(row[field], row[field]),
                row["n_modifiable"],
                row["n_decided"],
                row["n_insufficient"],
            )
            for row in rows
        ),
        key=lambda row: row.label,
    )
