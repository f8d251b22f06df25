"""Properties every interval must have: it brackets the value, 99.8% is wider than 95%, and the
limits never go down as the count goes up."""

from hypothesis import given
from hypothesis import strategies as st

from safeguarding.stats import (
    byar_ci,
    dsr_with_ci,
    exact_poisson_ci,
    proportion_with_ci,
    rate_with_ci,
    wilson_ci,
)

counts = st.integers(min_value=0, max_value=100_000)
populations = st.integers(min_value=1, max_value=10_000_000)
confidences = st.sampled_from([0.9, 0.95, 0.99, 0.998])
count_methods = st.sampled_from([byar_ci, exact_poisson_ci])


def _brackets(estimate):
    return estimate.lower <= estimate.value <= estimate.upper


@given(count_methods, counts, confidences)
def test_count_limits_bracket_the_count(method, count, confidence):
    assert _brackets(method(count, confidence))


@given(counts, populations, confidences)
def test_rate_limits_bracket_the_rate(count, population, confidence):
    assert _brackets(rate_with_ci(count, population, confidence=confidence))


@given(st.data(), populations, confidences)
def test_proportion_limits_bracket_and_stay_within_0_and_1(data, denominator, confidence):
    numerator = data.draw(st.integers(min_value=0, max_value=denominator))
    estimate = wilson_ci(numerator, denominator, confidence)
    assert 0 <= estimate.lower <= estimate.value <= estimate.upper <= 1


@given(count_methods, st.integers(min_value=1, max_value=100_000))
def test_99_8_percent_is_wider_than_95_percent(method, count):
    narrow, wide = method(count, 0.95), method(count, 0.998)
    assert wide.upper > narrow.upper
    # Byar's lower limit is floored at zero for one or two events at 99.8%.
    assert wide.lower < narrow.lower or wide.lower == 0


@given(counts, populations)
def test_rates_widen_with_confidence(count, population):
    narrow, wide = rate_with_ci(count, population), rate_with_ci(count, population, confidence=0.998)
    assert wide.lower <= narrow.lower and wide.upper > narrow.upper


@given(st.data(), populations)
def test_proportions_widen_with_confidence(data, denominator):
    numerator = data.draw(st.integers(min_value=0, max_value=denominator))
    narrow, wide = proportion_with_ci(numerator, denominator), proportion_with_ci(numerator, denominator, 0.998)
    assert wide.lower <= narrow.lower and wide.upper >= narrow.upper


@given(count_methods, st.integers(min_value=0, max_value=99_999), confidences)
def test_count_limits_rise_with_the_count(method, count, confidence):
    fewer, more = method(count, confidence), method(count + 1, confidence)
    assert more.lower >= fewer.lower and more.upper > fewer.upper


@given(st.integers(min_value=0, max_value=30), populations, confidences)
def test_rate_limits_rise_with_the_count_across_the_switch_to_byar(count, population, confidence):
    fewer, more = (
        rate_with_ci(count, population, confidence=confidence),
        rate_with_ci(count + 1, population, confidence=confidence),
    )
    assert more.lower >= fewer.lower and more.upper > fewer.upper


@given(st.data(), st.integers(min_value=1, max_value=100_000), confidences)
def test_proportion_limits_rise_with_the_numerator(data, denominator, confidence):
    numerator = data.draw(st.integers(min_value=0, max_value=denominator - 1))
    fewer, more = wilson_ci(numerator, denominator, confidence), wilson_ci(numerator + 1, denominator, confidence)
    assert more.lower > fewer.lower and more.upper >= fewer.upper


bands = st.lists(
    st.tuples(st.integers(0, 500), st.integers(1, 100_000), st.integers(0, 10_000)), min_size=1, max_size=19
).filter(lambda rows: sum(row[2] for row in rows) > 0)


@given(bands)
def test_dsr_limits_bracket_and_widen(rows):
    counts, populations, standard = (list(column) for column in zip(*rows, strict=True))
    narrow = dsr_with_ci(counts, populations, standard)
    wide = dsr_with_ci(counts, populations, standard, confidence=0.998)
    if sum(counts) < 10:
        assert narrow == (None, None, None)
        return
    assert narrow.lower <= narrow.value <= narrow.upper
    assert wide.lower <= narrow.lower and wide.upper >= narrow.upper
