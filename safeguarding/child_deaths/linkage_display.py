"""A proposed link's reasons as the panel manager reads them: a table and a waterfall chart (SVG drawn here,
on the server), as Splink draws its waterfall: the starting point, then each detail's weight in turn.

Weights are in bits: +1 doubles the odds that the notifications are about the same child, -1 halves
them. Nothing here is a value of the child's details, only how each detail compared.
"""

import math
from dataclasses import dataclass

from .linkage.model import probability_from_weight

CHART_WIDTH = 300
ROW_HEIGHT = 22
LABEL_WIDTH = 0  # labels are in the table beside the chart


@dataclass(frozen=True)
class Row:
    label: str
    outcome: str
    weight: float  # what this row adds
    frequency_weight: float  # the part of it owed to how common the value is
    start: float
    end: float
    kind: str  # "prior", "up", "down", "none" or "total"


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    kind: str
    title: str


@dataclass(frozen=True)
class Waterfall:
    rows: tuple
    bars: tuple
    zero_x: float
    height: int
    width: int
    show_frequency: bool
    has_prior: bool

    @property
    def total(self):
        return self.rows[-1].end

    @property
    def probability(self):
        return probability_from_weight(self.total)


def _signed(value):
    return f"{value:+.1f}"


def waterfall(reasons, *, show_frequency):
    """The Waterfall of a LinkCandidate's reasons. `show_frequency` says whether the part of each
    weight owed to how common the name or postcode is may be shown (people who may see the identity)."""
    reasons = reasons or {}
    prior = reasons.get("prior_weight")
    rows = []
    running = 0.0
    if prior is not None:
        rows.append(
            Row(
                "Starting point",
                "how often two notifications compared are the same child",
                prior,
                0.0,
                0.0,
                prior,
                "prior",
            )
        )
        running = prior
    for field in reasons.get("fields", []):
        total = (field.get("weight") or 0.0) + (field.get("frequency_weight") or 0.0)
        if math.isinf(total):
            total = math.copysign(99.0, total)
        kind = "none" if abs(total) < 0.05 else ("up" if total > 0 else "down")
        rows.append(
            Row(
                field["label"],
                field["outcome"],
                total,
                field.get("frequency_weight") or 0.0,
                running,
                running + total,
                kind,
            )
        )
        running += total
    rows.append(Row("Total", "match weight", running, 0.0, 0.0, running, "total"))
    low = min(0.0, *(min(row.start, row.end) for row in rows))
    high = max(0.0, *(max(row.start, row.end) for row in rows))
    span = (high - low) or 1.0

    def x(value):
        return round((value - low) / span * (CHART_WIDTH - 2) + 1, 1)

    bars = []
    for index, row in enumerate(rows):
        left, right = sorted((x(row.start), x(row.end)))
        bars.append(
            Bar(
                left,
                index * ROW_HEIGHT + 4,
                max(right - left, 1.0),
                ROW_HEIGHT - 8,
                row.kind,
                f"{row.label}: {_signed(row.weight)}",
            )
        )
    return Waterfall(
        tuple(rows),
        tuple(bars),
        x(0.0),
        len(rows) * ROW_HEIGHT,
        CHART_WIDTH,
        show_frequency,
        prior is not None,
    )
