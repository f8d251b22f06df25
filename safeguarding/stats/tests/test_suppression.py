"""Disclosure control of published tables, case by case (the properties are in test_suppression_properties)."""

import numpy as np

from safeguarding.stats import recoverable_cells, small_counts_shown, suppress
from safeguarding.stats.secondary_suppression import protect
from safeguarding.stats.table_grid import grid_with_totals


def test_large_counts_and_zeros_are_shown_with_their_totals():
    published = suppress([[0, 12], [7, 30]])
    assert published.counts == ((0, 12, 12), (7, 30, 37), (7, 42, 49))
    assert published.hidden == frozenset()


def test_counts_from_1_to_4_are_hidden_and_cannot_be_worked_back():
    published = suppress([[3, 10, 20], [8, 0, 15], [12, 9, 40]])
    assert published.primary == {(0, 0)}
    assert published.counts[0][0] is None
    assert len(published.secondary) >= 3  # one hidden cell needs a partner in its row and its column
    assert recoverable_cells(published.counts) == frozenset()


def test_a_small_total_is_hidden_too():
    published = suppress([[1, 2], [30, 40]])
    assert {(0, 0), (0, 1), (0, 2)} <= published.primary  # 1, 2 and their row total of 3
    assert small_counts_shown(published.counts, 5) == frozenset()
    assert recoverable_cells(published.counts) == frozenset()


def test_the_partner_is_the_smallest_non_zero_cell_of_the_line():
    published = suppress([[2, 0, 9, 50, 60], [30, 31, 32, 33, 34], [40, 41, 42, 43, 44]])
    assert (0, 1) not in published.hidden  # the zero protects nothing
    assert (0, 2) in published.secondary


def test_threshold_sets_the_smallest_count_shown():
    published = suppress([[1, 2, 3], [20, 20, 20]], threshold=3)
    assert published.primary == {(0, 0), (0, 1)}
    assert published.counts[0][2] == 3 or (0, 2) in published.secondary


def test_derived_values_are_hidden_with_their_counts():
    table = [[3, 10, 20], [8, 0, 15], [12, 9, 40]]
    rates = [[value * 1.5 for value in row] for row in table]
    published = suppress(table, derived={"rate": rates})
    for row, values in enumerate(published.derived["rate"]):
        for column, value in enumerate(values):
            assert (value is None) == ((row, column) in published.hidden)


def test_derived_values_may_include_the_totals():
    table = [[3, 10], [8, 20]]
    with_totals = [[0.1, 0.2, 0.3], [0.4, 0.5, 0.6], [0.7, 0.8, 0.9]]
    published = suppress(table, derived={"proportion": with_totals})
    assert len(published.derived["proportion"]) == 3
    for row, column in published.hidden:
        assert published.derived["proportion"][row][column] is None


def test_numpy_arrays_are_accepted():
    table = np.array([[3, 10, 20], [8, 6, 15]])
    assert suppress(table) == suppress(table.tolist())


def test_two_hidden_blocks_joined_by_one_cell_are_protected():
    """Every line has two hidden cells, yet the joining cell is fixed by adding and subtracting lines."""
    grid = grid_with_totals([[50, 60, 70, 80, 90], [55, 65, 75, 85, 95], [57, 67, 77, 87, 97], [59, 69, 79, 89, 99]])
    blocks = frozenset({(0, 0), (0, 1), (1, 0), (1, 1), (2, 2), (2, 3), (3, 2), (3, 3)})
    joined = blocks | {(1, 2)}
    assert recoverable_cells(_published(grid, joined)) == {(1, 2)}
    protected = protect(grid, joined, threshold=5)
    assert protected > joined
    assert recoverable_cells(_published(grid, protected)) == frozenset()


def test_protecting_a_protected_table_adds_nothing():
    grid = grid_with_totals([[3, 10, 20], [8, 0, 15], [12, 9, 2]])
    once = protect(grid, frozenset({(0, 0), (2, 2)}), threshold=5)
    assert protect(grid, once, threshold=5) == once


def _published(grid, hidden):
    return [
        [None if (row, column) in hidden else value for column, value in enumerate(values)]
        for row, values in enumerate(grid)
    ]
