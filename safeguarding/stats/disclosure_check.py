"""An independent check of a published table: can anyone work out a hidden count?

Deliberately shares no reasoning with secondary_suppression (which thinks in cycles of hidden
cells): this takes the published figures as an attacker would and asks linear algebra which hidden
cells the row and column totals pin down. It finds everything that subtracting along rows and
columns, repeated as often as you like, could find, and more (any combination of lines).
"""

import numpy as np
from scipy.linalg import null_space

from .table_grid import Cell, lines

# The line equations have coefficients 0, 1 and -1, so anything this small is rounding.
TOLERANCE = 1e-9


def recoverable_cells(published) -> frozenset[Cell]:
    """Hidden cells (``None``) of a grid with margins whose value the shown figures determine.

    ``published`` is the grid as released: inner cells, a total column, a total row, with ``None``
    where a figure is hidden. A hidden cell is determined exactly when its unit vector lies in the
    span of the line equations (each line: its cells minus its total = 0) restricted to hidden cells,
    that is when it is orthogonal to their null space.
    """
    height, width = len(published), len(published[0])
    hidden = sorted((row, column) for row in range(height) for column in range(width) if published[row][column] is None)
    if not hidden:
        return frozenset()
    position = {cell: index for index, cell in enumerate(hidden)}
    equations = []
    for members, total in lines(height, width):
        equation = np.zeros(len(hidden))
        for cell in members:
            if cell in position:
                equation[position[cell]] = 1
        if total in position:
            equation[position[total]] = -1
        if equation.any():
            equations.append(equation)
    # A hidden cell is pinned down exactly when every table consistent with the published figures
    # agrees on it: when no direction in the null space of the line equations moves it.
    free_directions = null_space(np.array(equations))
    movable = np.linalg.norm(free_directions, axis=1) > TOLERANCE
    return frozenset(cell for cell, index in position.items() if not movable[index])


def small_counts_shown(published, threshold: int) -> frozenset[Cell]:
    """Shown cells holding a count from 1 to threshold - 1."""
    return frozenset(
        (row, column)
        for row, values in enumerate(published)
        for column, value in enumerate(values)
        if value is not None and 0 < value < threshold
    )


def small_hidden_sums(published, threshold: int) -> list[tuple[list[Cell], int]]:
    """Lines whose shown total gives away a small sum (0 to threshold - 1) for their hidden cells."""
    height, width = len(published), len(published[0])
    found = []
    for members, total in lines(height, width):
        hidden = [cell for cell in members if published[cell[0]][cell[1]] is None]
        total_value = published[total[0]][total[1]]
        if hidden and total_value is not None:
            hidden_sum = total_value - sum(
                published[row][column] for row, column in members if (row, column) not in hidden
            )
            if hidden_sum < threshold:
                found.append((hidden, hidden_sum))
    return found
