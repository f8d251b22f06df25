"""The checker that suppression is tested with must itself catch what an attacker could work out."""

from hypothesis import given, settings
from hypothesis import strategies as st

from safeguarding.stats import recoverable_cells, small_counts_shown, small_hidden_sums
from safeguarding.stats.hidden_cycles import unprotected_cells

# A 2 x 2 table with margins; None marks a hidden figure.


def test_a_line_with_one_hidden_cell_gives_it_away():
    published = [[None, 10, 13], [8, 20, 28], [11, 30, 41]]
    assert recoverable_cells(published) == {(0, 0)}


def test_recovery_can_take_several_steps_of_subtraction():
    # Row 0 gives (0, 0); column 0 then gives (1, 0); row 1 then gives (1, 1).
    published = [[None, 10, 13], [None, None, 28], [11, 30, 41]]
    assert recoverable_cells(published) == {(0, 0), (1, 0), (1, 1)}


def test_a_rectangle_of_hidden_cells_is_safe():
    published = [[None, None, 13], [None, None, 28], [11, 30, 41]]
    assert recoverable_cells(published) == frozenset()


def test_nothing_hidden_nothing_recoverable():
    assert recoverable_cells([[1, 2, 3], [4, 5, 9], [5, 7, 12]]) == frozenset()


def test_small_counts_shown_are_listed():
    assert small_counts_shown([[0, 4, 4], [5, 6, 11], [5, 10, 15]], threshold=5) == {(0, 1), (0, 2)}


def test_a_small_sum_of_hidden_cells_is_listed():
    published = [[None, None, 20, 23], [10, 10, 10, 30], [None, None, 30, 53]]
    assert small_hidden_sums(published, threshold=5) == [([(0, 0), (0, 1)], 3)]


@settings(deadline=None)
@given(st.integers(2, 6), st.integers(2, 6), st.data())
def test_the_checker_and_suppressions_cycle_reasoning_agree(height, width, data):
    """Two independent routes to the same answer: linear algebra here, cycles of hidden cells there."""
    cells = [(row, column) for row in range(height) for column in range(width)]
    hidden = frozenset(data.draw(st.lists(st.sampled_from(cells), unique=True)))
    published = [[None if (row, column) in hidden else 7 for column in range(width)] for row in range(height)]
    assert recoverable_cells(published) == frozenset(unprotected_cells(hidden))
