"""Proportions with Wilson score limits reproduce published worked examples.

1. PHEindicatormethods vignette "Introduction to PHEindicatormethods", v1.0.0, 2018-04-26
   (ukhsa-collaboration/PHEindicatormethods, inst/doc/IntroductiontoPHEindicatormethods.html),
   section "Execute phe_proportion": eight proportions printed to 7 significant figures with their
   95% limits (``phe_proportion(df, obs, pop)``), 99.8% limits (``confidence=99.8``) and as
   percentages (``percentage=TRUE``). Tolerance 1e-6 relative.
2. Newcombe RG. Two-sided confidence intervals for the single proportion: comparison of seven
   methods. Statistics in Medicine 1998;17:857-872, Table II, method 3 (Wilson score, no continuity
   correction): 81/263, 15/148, 0/20 and 1/29 at 95%; also Altman et al., Statistics with
   Confidence, 2nd edn, 2000, pp 46-48. Published to 4 decimal places, so checked to half a unit
   in the 4th decimal (absolute 5e-5): the 1e-6 relative standard needs more published digits.
"""

import pytest

from safeguarding.stats import proportion_with_ci, wilson_ci

# (numerator, denominator, proportion, lower 95%, upper 95%, lower 99.8%, upper 99.8%)
PHE_VIGNETTE = [
    (68, 174, 0.3908046, 0.32141284, 0.46491370, 0.28504658, 0.5079248),
    (86, 189, 0.4550265, 0.38563304, 0.52621164, 0.34795803, 0.5664210),
    (18, 179, 0.1005587, 0.06455836, 0.15334331, 0.05014823, 0.1914304),
    (29, 107, 0.2710280, 0.19583556, 0.36209159, 0.16118061, 0.4183973),
    (99, 102, 0.9705882, 0.91706943, 0.98994755, 0.86653064, 0.9940736),
    (74, 102, 0.7254902, 0.63189437, 0.80271793, 0.57419464, 0.8381782),
    (8, 155, 0.0516129, 0.02638210, 0.09853151, 0.01832319, 0.1369464),
    (94, 114, 0.8245614, 0.74449994, 0.88346241, 0.69079867, 0.9081514),
]

# The vignette's percentage table at 95%, printed separately.
PHE_VIGNETTE_PERCENTAGES = [
    (68, 174, 39.08046, 32.141284, 46.491370),
    (86, 189, 45.50265, 38.563304, 52.621164),
    (18, 179, 10.05587, 6.455836, 15.334331),
    (29, 107, 27.10280, 19.583556, 36.209159),
    (99, 102, 97.05882, 91.706943, 98.994755),
    (74, 102, 72.54902, 63.189437, 80.271793),
    (8, 155, 5.16129, 2.638210, 9.853151),
    (94, 114, 82.45614, 74.449994, 88.346241),
]

# (numerator, denominator, lower, upper) at 95%, Newcombe (1998) Table II.
NEWCOMBE_1998 = [
    (81, 263, 0.2553, 0.3662),
    (15, 148, 0.0624, 0.1605),
    (0, 20, 0.0000, 0.1611),
    (1, 29, 0.0061, 0.1718),
]


@pytest.mark.parametrize(("numerator", "denominator", "value", "lower", "upper", "_l998", "_u998"), PHE_VIGNETTE)
def test_wilson_at_95_percent(numerator, denominator, value, lower, upper, _l998, _u998):
    assert wilson_ci(numerator, denominator) == pytest.approx((value, lower, upper), rel=1e-6)


@pytest.mark.parametrize(("numerator", "denominator", "value", "_l95", "_u95", "lower", "upper"), PHE_VIGNETTE)
def test_wilson_at_99_8_percent(numerator, denominator, value, _l95, _u95, lower, upper):
    assert wilson_ci(numerator, denominator, 0.998) == pytest.approx((value, lower, upper), rel=1e-6)


@pytest.mark.parametrize(("numerator", "denominator", "value", "lower", "upper"), PHE_VIGNETTE_PERCENTAGES)
def test_proportion_as_a_percentage(numerator, denominator, value, lower, upper):
    assert proportion_with_ci(numerator, denominator, per=100) == pytest.approx((value, lower, upper), rel=1e-6)


@pytest.mark.parametrize(("numerator", "denominator", "lower", "upper"), NEWCOMBE_1998)
def test_newcombe_1998_score_intervals(numerator, denominator, lower, upper):
    estimate = wilson_ci(numerator, denominator)
    assert (estimate.lower, estimate.upper) == pytest.approx((lower, upper), abs=5e-5)
