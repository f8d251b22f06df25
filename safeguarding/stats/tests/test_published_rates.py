"""Crude rates and count limits reproduce PHEindicatormethods' published worked examples.

Source: PHEindicatormethods (Public Health England, now ukhsa-collaboration on GitHub), vignette
"Introduction to PHEindicatormethods", v1.0.0, 2018-04-26 (inst/doc/IntroductiontoPHEindicatormethods.html),
section "Execute phe_rate": eight areas' events and populations with phe_rate's output, printed to
7 significant figures:
- ``phe_rate(df, obs, pop)``: rate per 100,000 with 95% limits;
- ``phe_rate(df, obs, pop, confidence = 99.8, multiplier = 100)``: rate per 100 with 99.8% limits.
Seven areas have 10 or more events (Byar's method), one has 8 (exact Poisson method).

byar_ci and exact_poisson_ci are checked against the same published figures turned back into
counts (limit * population / multiplier): a rate's limits are its count's limits over the population.

Tolerance: 1e-6 relative, wider than the 5e-7 that 7-figure printing can introduce.
"""

import pytest

from safeguarding.stats import byar_ci, exact_poisson_ci, rate_with_ci

# (events, population, rate, lower, upper) per 100,000 at 95%
PER_100_000_AT_95 = [
    (68, 174, 39080.46, 30346.142, 49544.53),
    (86, 189, 45502.65, 36395.152, 56196.03),
    (18, 179, 10055.87, 5956.701, 15893.43),
    (29, 107, 27102.80, 18147.416, 38925.56),
    (99, 102, 97058.82, 78882.763, 118166.76),
    (74, 102, 72549.02, 56964.372, 91079.88),
    (8, 155, 5161.29, 2228.279, 10169.80),
    (94, 114, 82456.14, 66631.239, 100906.46),
]

# (events, population, rate, lower, upper) per 100 at 99.8%
PER_100_AT_99_8 = [
    (68, 174, 39.08046, 26.042038, 56.07105),
    (86, 189, 45.50265, 31.822578, 62.81142),
    (18, 179, 10.05587, 4.259916, 19.77478),
    (29, 107, 27.10280, 14.132552, 46.57906),
    (99, 102, 97.05882, 69.665053, 131.16634),
    (74, 102, 72.54902, 49.230487, 102.60273),
    (8, 155, 5.16129, 1.271493, 13.64916),
    (94, 114, 82.45614, 58.634753, 112.28780),
]

RELATIVE = 1e-6


@pytest.mark.parametrize(("events", "population", "rate", "lower", "upper"), PER_100_000_AT_95)
def test_rate_per_100_000_at_95_percent(events, population, rate, lower, upper):
    assert rate_with_ci(events, population) == pytest.approx((rate, lower, upper), rel=RELATIVE)


@pytest.mark.parametrize(("events", "population", "rate", "lower", "upper"), PER_100_AT_99_8)
def test_rate_per_100_at_99_8_percent(events, population, rate, lower, upper):
    assert rate_with_ci(events, population, per=100, confidence=0.998) == pytest.approx(
        (rate, lower, upper), rel=RELATIVE
    )


@pytest.mark.parametrize(
    ("table", "per", "confidence"), [(PER_100_000_AT_95, 100_000, 0.95), (PER_100_AT_99_8, 100, 0.998)]
)
def test_count_limits_behind_the_published_rates(table, per, confidence):
    for events, population, _rate, lower, upper in table:
        method = exact_poisson_ci if events < 10 else byar_ci
        expected = (events, lower * population / per, upper * population / per)
        assert method(events, confidence) == pytest.approx(expected, rel=RELATIVE), events
