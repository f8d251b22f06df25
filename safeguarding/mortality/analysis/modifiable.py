"""Reviewed deaths with modifiable factors, with Wilson intervals.

The denominator is reviewed deaths where the panel decided (yes or no); "insufficient information
to decide" is counted apart and left out of the proportion, as national reporting does.
"""

from dataclasses import dataclass

from django.db.models import Count, Q

from safeguarding import stats
from safeguarding.child_deaths.models.vocabulary import AgeBand, Category, Modifiable


@dataclass(frozen=True)
class ProportionRow:
    key: str
    label: str
    modifiable: int
    decided: int
    insufficient: int
    proportion: float | None
    lower: float | None
    upper: float | None


def _row(key, label, modifiable, decided, insufficient):
    if decided:
        estimate = stats.wilson_ci(modifiable, decided)
        return ProportionRow(key, label, modifiable, decided, insufficient, *estimate)
    return ProportionRow(key, label, modifiable, decided, insufficient, None, None, None)


def _tally(queryset, field=None):
    reviewed = queryset.filter(reviewed=True).order_by()
    aggregates = {
        "n_modifiable": Count("pk", filter=Q(modifiable=Modifiable.YES)),
        "n_decided": Count("pk", filter=Q(modifiable__in=[Modifiable.YES, Modifiable.NO])),
        "n_insufficient": Count("pk", filter=Q(modifiable=Modifiable.INSUFFICIENT)),
    }
    if field is None:
        return reviewed.aggregate(**aggregates)
    return {row[field]: row for row in reviewed.values(field).annotate(**aggregates)}


def overall(queryset):
    tally = _tally(queryset)
    return _row("all", "All reviewed deaths", tally["n_modifiable"], tally["n_decided"], tally["n_insufficient"])


def by(queryset, dimension):
    """By "category" or "age_band": one row per value, in the vocabulary's order."""
    choices = {"category": Category.choices, "age_band": AgeBand.choices}
    if dimension not in choices:
        raise ValueError(f"dimension must be category or age_band, got {dimension!r}")
    tallies = _tally(queryset, dimension)
    rows = []
    for key, label in choices[dimension]:
        tally = tallies.get(key, {"n_modifiable": 0, "n_decided": 0, "n_insufficient": 0})
        rows.append(_row(key, label, tally["n_modifiable"], tally["n_decided"], tally["n_insufficient"]))
    return rows
