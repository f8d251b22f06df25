"""Bad input stops with a ValueError that names the argument at fault."""

import math

import pytest

from safeguarding.stats import (
    byar_ci,
    dsr_with_ci,
    exact_poisson_ci,
    funnel_limits_proportion,
    funnel_limits_rate,
    proportion_with_ci,
    rate_with_ci,
    suppress,
    wilson_ci,
)


@pytest.mark.parametrize("population", [0, None, -5, math.nan])
def test_rate_needs_a_population(population):
    with pytest.raises(ValueError, match="population"):
        rate_with_ci(3, population)


@pytest.mark.parametrize("method", [byar_ci, exact_poisson_ci])
def test_counts_must_not_be_negative(method):
    with pytest.raises(ValueError, match="count must not be negative"):
        method(-1)


@pytest.mark.parametrize("count", [2.5, "3", None, True])
def test_counts_must_be_whole_numbers(count):
    with pytest.raises(ValueError, match="count must be a whole number"):
        rate_with_ci(count, 1000)


def test_proportion_numerator_above_denominator():
    with pytest.raises(ValueError, match=r"numerator \(6\) must not be greater than denominator \(5\)"):
        proportion_with_ci(6, 5)


@pytest.mark.parametrize("denominator", [0, None])
def test_proportion_needs_a_denominator(denominator):
    with pytest.raises(ValueError, match="denominator"):
        wilson_ci(0, denominator)


def test_proportion_numerator_not_negative():
    with pytest.raises(ValueError, match="numerator must not be negative"):
        wilson_ci(-1, 5)


@pytest.mark.parametrize("confidence", [0, 1, 95, 99.8, -0.5, math.nan, "high"])
@pytest.mark.parametrize(
    "call",
    [
        lambda c: byar_ci(5, c),
        lambda c: exact_poisson_ci(5, c),
        lambda c: rate_with_ci(5, 100, confidence=c),
        lambda c: wilson_ci(1, 5, c),
        lambda c: proportion_with_ci(1, 5, c),
        lambda c: dsr_with_ci([10], [100], [1], confidence=c),
        lambda c: funnel_limits_proportion(0.5, 10, c),
        lambda c: funnel_limits_rate(10, 5, confidence=c),
    ],
)
def test_confidence_outside_zero_to_one(call, confidence):
    with pytest.raises(ValueError, match="confidence"):
        call(confidence)


def test_dsr_negative_count():
    with pytest.raises(ValueError, match="counts must not be negative"):
        dsr_with_ci([5, -1], [100, 100], [1, 1])


def test_dsr_zero_population():
    with pytest.raises(ValueError, match="populations must be greater than zero"):
        dsr_with_ci([5, 6], [100, 0], [1, 1])


def test_dsr_lengths_must_match():
    with pytest.raises(ValueError, match="one figure per category"):
        dsr_with_ci([5, 6], [100, 100], [1, 1, 1])


@pytest.mark.parametrize("standard", [[0, 0], [1, -1], [1, None]])
def test_dsr_standard_populations(standard):
    with pytest.raises(ValueError, match="standard_populations"):
        dsr_with_ci([5, 6], [100, 100], standard)


@pytest.mark.parametrize("average", [-0.1, 1.5, None])
def test_funnel_average_proportion_in_range(average):
    with pytest.raises(ValueError, match="average"):
        funnel_limits_proportion(average, 100)


def test_funnel_rate_needs_an_event():
    with pytest.raises(ValueError, match="events must be at least 1"):
        funnel_limits_rate(100, 0)


def test_funnel_rate_needs_a_positive_average():
    with pytest.raises(ValueError, match="average_rate"):
        funnel_limits_rate(0, 5)


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ([], "non-empty"),
        ([[1, 2], [3]], "rectangular"),
        ([[1, -2]], "table must not be negative"),
        ([[1, 2.5]], "table must be a whole number"),
        ("12", "non-empty list of rows"),
    ],
)
def test_suppression_table_shape_and_counts(table, message):
    with pytest.raises(ValueError, match=message):
        suppress(table)


def test_suppression_threshold():
    with pytest.raises(ValueError, match="threshold"):
        suppress([[5]], threshold=0)


def test_derived_table_must_match_the_counts():
    with pytest.raises(ValueError, match="derived table 'rate'"):
        suppress([[5, 6]], derived={"rate": [[1.0]]})
