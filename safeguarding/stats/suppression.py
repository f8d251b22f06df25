"""Statistical disclosure control for published tables of counts.

No published cell may show a count from 1 to threshold - 1 (1 to 4 by default), nor let anyone
work one out from the totals. Zero is shown: it discloses nothing about a person.

Input is the table's inner counts only, as a list of rows (or a 2-D numpy array); the row, column
and grand totals are computed here and published with it, so the totals always add up and the
protection reasons about the figures actually released.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field

from .secondary_suppression import protect
from .table_grid import Cell, grid_with_totals
from .validation import require_count

DEFAULT_THRESHOLD = 5


@dataclass(frozen=True)
class SuppressedTable:
    """A table ready to publish, with ``None`` wherever a figure is hidden.

    ``counts[r][c]`` for the inner cells; ``counts[r][-1]`` is row r's total, ``counts[-1][c]``
    column c's total and ``counts[-1][-1]`` the grand total. ``derived`` holds each parallel table of
    rates or proportions, hidden wherever its count is.
    """

    counts: tuple[tuple[int | None, ...], ...]
    primary: frozenset[Cell]
    secondary: frozenset[Cell]
    threshold: int
    derived: Mapping[str, tuple[tuple[float | None, ...], ...]] = field(default_factory=dict)

    @property
    def hidden(self) -> frozenset[Cell]:
        return self.primary | self.secondary


def suppress(table, threshold=DEFAULT_THRESHOLD, derived: Mapping | None = None) -> SuppressedTable:
    """Hide small counts (primary) and enough others (secondary) that none can be recovered.

    Primary suppression hides every count, totals included, from 1 to ``threshold - 1``. Secondary
    suppression then follows the rules in secondary_suppression. ``derived`` maps a name to a table of
    values computed from the counts (a rate per cell, say), shaped either like ``table`` or like the
    table with its totals; each comes back hidden wherever its count is.
    """
    limit = require_count(threshold, "threshold")
    if limit < 1:
        raise ValueError("threshold must be at least 1")
    grid = grid_with_totals(table)
    primary = frozenset(
        (row, column) for row, values in enumerate(grid) for column, value in enumerate(values) if 0 < value < limit
    )
    hidden = protect(grid, primary, limit)
    counts = tuple(
        tuple(None if (row, column) in hidden else value for column, value in enumerate(values))
        for row, values in enumerate(grid)
    )
    masked = {name: _mask(name, values, grid, hidden) for name, values in (derived or {}).items()}
    return SuppressedTable(counts, primary, hidden - primary, limit, masked)


def _mask(name: str, values, grid, hidden: frozenset[Cell]) -> tuple[tuple[float | None, ...], ...]:
    rows = values.tolist() if hasattr(values, "tolist") else values
    inner_shape = (len(grid) - 1, len(grid[0]) - 1)
    full_shape = (len(grid), len(grid[0]))
    try:
        shape = (len(rows), len(rows[0]))
        rectangular = all(len(row) == shape[1] for row in rows)
    except (TypeError, IndexError):
        rectangular = False
    if not rectangular or shape not in (inner_shape, full_shape):
        raise ValueError(
            f"derived table {name!r} must have the shape of the table {inner_shape} "
            f"or of the table with totals {full_shape}"
        )
    return tuple(
        tuple(None if (row, column) in hidden else value for column, value in enumerate(values_row))
        for row, values_row in enumerate(rows)
    )
