"""A table of counts with its margins, seen as lines that each add up to their total.

Shared by suppression and by the disclosure check so that both reason about exactly the same
published figures: the inner cells, one total per row, one per column and the grand total.

Coordinates are (row, column) in the grid with margins: the last row holds the column totals, the
last column the row totals, and the bottom-right cell the grand total.
"""

from collections.abc import Iterator, Sequence

from .validation import require_count

Cell = tuple[int, int]
Grid = list[list[int]]


def grid_with_totals(table) -> Grid:
    """The table's counts with a total column and a total row added."""
    rows = _rows_of(table)
    grid = [[require_count(value, "table") for value in row] for row in rows]
    for row in grid:
        row.append(sum(row))
    grid.append([sum(column) for column in zip(*grid, strict=True)])
    return grid


def lines(height: int, width: int) -> Iterator[tuple[list[Cell], Cell]]:
    """Every row and column of the grid as (its cells other than the total, its total cell).

    The margins are lines too: the row of column totals adds up to the grand total, and so does
    the column of row totals.
    """
    last_row, last_column = height - 1, width - 1
    for row in range(height):
        yield [(row, column) for column in range(last_column)], (row, last_column)
    for column in range(width):
        yield [(row, column) for row in range(last_row)], (last_row, column)


def _rows_of(table) -> Sequence[Sequence]:
    if hasattr(table, "tolist"):  # a numpy array
        table = table.tolist()
    if isinstance(table, str | bytes) or not isinstance(table, Sequence) or len(table) == 0:
        raise ValueError("table must be a non-empty list of rows of counts (or a 2-D numpy array)")
    width = None
    for row in table:
        if isinstance(row, str | bytes) or not isinstance(row, Sequence) or len(row) == 0:
            raise ValueError("table must be a list of rows, each a non-empty list of counts")
        if width is not None and len(row) != width:
            raise ValueError("table must be rectangular: every row needs the same number of cells")
        width = len(row)
    return table
