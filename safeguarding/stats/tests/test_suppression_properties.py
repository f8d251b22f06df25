"""Properties of suppression on any table: nothing small shown, nothing hidden recoverable, stable."""

from hypothesis import given, settings
from hypothesis import strategies as st

from safeguarding.stats import recoverable_cells, small_counts_shown, small_hidden_sums, suppress
from safeguarding.stats.secondary_suppression import protect
from safeguarding.stats.table_grid import grid_with_totals

# Mostly small counts and zeros, so that tables need plenty of suppression.
cell_counts = st.one_of(st.integers(0, 6), st.integers(0, 200))
tables = st.integers(1, 5).flatmap(
    lambda width: st.lists(st.lists(cell_counts, min_size=width, max_size=width), min_size=1, max_size=5)
)
thresholds = st.sampled_from([3, 5, 10])


@settings(max_examples=200, deadline=None)
@given(tables, thresholds)
def test_no_hidden_count_can_be_recovered_from_the_published_figures(table, threshold):
    assert recoverable_cells(suppress(table, threshold).counts) == frozenset()


@settings(deadline=None)
@given(tables, thresholds)
def test_no_small_count_is_shown_nor_a_small_sum_of_hidden_cells(table, threshold):
    published = suppress(table, threshold).counts
    assert small_counts_shown(published, threshold) == frozenset()
    assert small_hidden_sums(published, threshold) == []


@settings(deadline=None)
@given(tables, thresholds)
def test_shown_figures_are_the_true_counts_and_totals(table, threshold):
    grid = grid_with_totals(table)
    published = suppress(table, threshold)
    for row, values in enumerate(published.counts):
        for column, value in enumerate(values):
            assert value == (None if (row, column) in published.hidden else grid[row][column])
    assert published.primary == {
        (row, column) for row, values in enumerate(grid) for column, value in enumerate(values) if 0 < value < threshold
    }


@settings(deadline=None)
@given(tables, thresholds)
def test_suppression_is_idempotent(table, threshold):
    published = suppress(table, threshold)
    assert protect(grid_with_totals(table), published.hidden, threshold) == published.hidden
    assert suppress(table, threshold) == published


@settings(deadline=None)
@given(tables)
def test_derived_values_follow_their_counts(table):
    proportions = [[value / 1000 for value in row] for row in table]
    published = suppress(table, derived={"proportion": proportions})
    for row, values in enumerate(published.derived["proportion"]):
        for column, value in enumerate(values):
            hidden = (row, column) in published.hidden
            assert value == (None if hidden else proportions[row][column])
