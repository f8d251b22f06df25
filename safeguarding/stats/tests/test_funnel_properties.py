"""Funnel limits surround the average, widen with confidence and narrow as areas grow."""

from hypothesis import given
from hypothesis import strategies as st

from safeguarding.stats import funnel_limits_proportion, funnel_limits_rate

averages = st.floats(min_value=0, max_value=1)
rates = st.floats(min_value=0.01, max_value=100_000)
sizes = st.integers(min_value=1, max_value=10_000_000)


@given(averages, sizes)
def test_proportion_limits_surround_the_average_and_widen(average, denominator):
    narrow = funnel_limits_proportion(average, denominator)
    wide = funnel_limits_proportion(average, denominator, 0.998)
    assert 0 <= wide.lower <= narrow.lower <= average <= narrow.upper <= wide.upper <= 1


@given(averages, sizes)
def test_proportion_funnel_narrows_as_the_denominator_grows(average, denominator):
    small, large = funnel_limits_proportion(average, denominator), funnel_limits_proportion(average, denominator + 1)
    assert large.lower >= small.lower and large.upper <= small.upper


@given(rates, st.integers(min_value=1, max_value=100_000))
def test_rate_limits_surround_the_average_and_widen(average, events):
    narrow = funnel_limits_rate(average, events)
    wide = funnel_limits_rate(average, events, confidence=0.998)
    assert 0 < wide.lower < narrow.lower < average < narrow.upper < wide.upper


@given(rates, st.integers(min_value=1, max_value=100_000))
def test_rate_funnel_narrows_with_more_events(average, events):
    fewer, more = funnel_limits_rate(average, events), funnel_limits_rate(average, events + 1)
    assert more.lower > fewer.lower and more.upper < fewer.upper


@given(rates, st.integers(min_value=1, max_value=10_000), st.sampled_from([1, 1000, 100_000]))
def test_rate_funnel_unit_only_names_the_scale(average, events, per):
    assert funnel_limits_rate(average, events, per=per) == funnel_limits_rate(average, events)
