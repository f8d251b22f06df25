"""Secondary suppression: hide more cells until no hidden count can be worked back from the totals.

The rules, applied in this order and repeated until none of them changes anything:

1. A line (row or column, margins included) with exactly one hidden cell gives it away by
   subtraction from its total; hide the smallest non-zero visible cell of that line as well.
2. A line whose total is shown gives away the sum of its hidden cells (total minus the cells shown);
   if that sum is below the threshold, hide the smallest non-zero visible cell of the line too, or
   its total when none is left. A sum from 1 to threshold - 1 would publish a small count for the
   group; a sum of 0 tells everyone each hidden cell of the line is 0 (counts are never negative),
   which can then be subtracted from the other lines those cells sit in.
3. Any hidden cell that can still be recovered by combining several lines (it lies on no cycle of
   hidden cells, see hidden_cycles) gets the cheapest set of extra cells that puts it on one.

Rule 3 alone would guarantee that no hidden cell can be recovered; rule 1 is the familiar special
case, kept first because "the next-smallest cell in the same line" is the choice analysts expect.
The guarantee is against exact recovery by adding and subtracting published figures and against
a hidden group adding up to a small count; narrower bounds an attacker might draw from counts being
non-negative across several lines (interval disclosure) are not analysed.

Every pass hides at least one more cell or stops, so the process ends; with everything hidden no
rule applies. The result depends only on the grid and the starting cells, so protecting an already
protected set adds nothing.
"""

from .hidden_cycles import cheapest_cycle_through, unprotected_cells
from .table_grid import Cell, Grid, lines


def protect(grid: Grid, hidden: frozenset[Cell], threshold: int) -> frozenset[Cell]:
    """``hidden`` grown by the rules above until none applies: no hidden cell is then recoverable."""
    hidden = set(hidden)
    while True:
        extra = _line_rule_cell(grid, hidden, threshold)
        if extra is None:
            exposed = unprotected_cells(frozenset(hidden))
            if not exposed:
                return frozenset(hidden)
            hidden |= cheapest_cycle_through(exposed[0], grid, frozenset(hidden))
        else:
            hidden.add(extra)


def _line_rule_cell(grid: Grid, hidden: set[Cell], threshold: int) -> Cell | None:
    """The next cell rules 1 and 2 call for, or None when every line satisfies both."""
    for members, total in lines(len(grid), len(grid[0])):
        line = [*members, total]
        hidden_in_line = [cell for cell in line if cell in hidden]
        if len(hidden_in_line) == 1:
            partner = _smallest_visible_non_zero(grid, line, hidden)
            if partner is not None:
                return partner
            # Only zeros left to hide here: rule 3 finds the cell a cycle through other lines.
        if total not in hidden and hidden_in_line:
            hidden_sum = sum(grid[row][column] for row, column in hidden_in_line)
            if hidden_sum < threshold:
                return _smallest_visible_non_zero(grid, members, hidden) or total
    return None


def _smallest_visible_non_zero(grid: Grid, cells: list[Cell], hidden: set[Cell]) -> Cell | None:
    # Hiding a zero protects nothing: it leaves the hidden sum of the line unchanged.
    candidates = [cell for cell in cells if cell not in hidden and grid[cell[0]][cell[1]] > 0]
    return min(candidates, key=lambda cell: (grid[cell[0]][cell[1]], cell), default=None)
