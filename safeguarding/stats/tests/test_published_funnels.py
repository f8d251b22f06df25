"""Funnel-plot control limits reproduce PHEindicatormethods' published test data.

Source: ukhsa-collaboration/PHEindicatormethods, tests/testthat/ (the package's own expected values,
published with its source):

1. testdata_funnel_prop_outputs.csv - proportion funnels (statistic "proportion", multiplier 100)
   around a baseline of 80.642448%: 95% ("2s") and 99.8% ("3s") limits for 100 denominators from
   1 to 110,000, to 6 decimal places. Fifteen rows are checked, spanning the range and both clamps
   (limits cut at 0% and 100%). Tolerance 1e-6 relative.
2. testdata_funnel_rate_outputs.csv - rate funnels (statistic "rate (dsr per 100,000)") around a
   baseline of 116.1720835 per 100,000: 95% and 99.8% limits for 100 event counts from 1 to 1,360,
   to 10 significant figures. From 3 events upwards checked to 1e-6 relative. PHE finds each limit
   by bisection that stops at an absolute step of 1e-7 on the scale v = E'/(1 + E + E'); where the
   expected count E' is tiny (the upper limits at 1 and 2 events) that step is a relative error of
   up to 5e-5 in their figure, so those rows are checked to 1e-4: this package computes the same
   limits exactly from the chi-squared distribution.
"""

import pytest

from safeguarding.stats import funnel_limits_proportion, funnel_limits_rate

PROPORTION_BASELINE_PERCENT = 80.642448

# (denominator, lower 95%, upper 95%, lower 99.8%, upper 99.8%) as percentages
PROPORTION_LIMITS = [
    (1, 3.204264, 100, 0, 100),
    (2, 25.885383, 100, 0, 100),
    (3, 35.933491, 100, 10.150815, 100),
    (4, 41.923356, 100, 19.594903, 100),
    (10, 56.154344, 100, 42.03259, 100),
    (16, 61.282902, 100, 50.118675, 100),
    (18, 62.390093, 98.894803, 51.864359, 100),
    (30, 66.504234, 94.780661, 58.351036, 100),
    (41, 68.548635, 92.73626, 61.574398, 99.710497),
    (45, 69.098645, 92.186251, 62.441586, 98.843309),
    (102, 72.974925, 88.309971, 68.553233, 92.731663),
    (539, 77.306949, 83.977947, 75.38344, 85.901456),
    (3175, 79.268142, 82.016753, 78.47561, 82.809285),
    (20742, 80.10476, 81.180135, 79.794688, 81.490208),
    (110000, 80.408963, 80.875933, 80.274317, 81.010578),
]

RATE_BASELINE = 116.1720835

# (events, lower 95%, upper 95%, lower 99.8%, upper 99.8%) per 100,000
RATE_LIMITS = [
    (3, 39.75195225, 563.3296872, 26.68119061, 1829.161832),
    (5, 49.78092521, 357.7858395, 35.30048174, 785.6132963),
    (10, 63.17010446, 242.2579623, 48.13632908, 392.4043292),
    (28, 80.38043163, 174.8282428, 67.04157073, 225.2554553),
    (99, 95.42133877, 142.9369123, 85.97604186, 161.8129075),
    (337, 104.4080273, 129.6459617, 98.44751602, 138.2866346),
    (1360, 110.158048, 122.6021934, 106.9073359, 126.5084525),
]
RATE_LIMITS_FOUND_BY_COARSE_BISECTION = [
    (1, 20.85059119, 4588.535848, 12.58170943, 116108.569),
    (2, 32.15975314, 959.2695538, 20.69168143, 5117.48863),
]


def _percentages(limits):
    return (limits.lower * 100, limits.upper * 100)


@pytest.mark.parametrize(("denominator", "lower_95", "upper_95", "lower_998", "upper_998"), PROPORTION_LIMITS)
def test_proportion_funnel(denominator, lower_95, upper_95, lower_998, upper_998):
    average = PROPORTION_BASELINE_PERCENT / 100
    assert _percentages(funnel_limits_proportion(average, denominator)) == pytest.approx(
        (lower_95, upper_95), rel=1e-6, abs=1e-12
    )
    assert _percentages(funnel_limits_proportion(average, denominator, 0.998)) == pytest.approx(
        (lower_998, upper_998), rel=1e-6, abs=1e-12
    )


@pytest.mark.parametrize(("events", "lower_95", "upper_95", "lower_998", "upper_998"), RATE_LIMITS)
def test_rate_funnel(events, lower_95, upper_95, lower_998, upper_998):
    assert funnel_limits_rate(RATE_BASELINE, events) == pytest.approx((lower_95, upper_95), rel=1e-6)
    assert funnel_limits_rate(RATE_BASELINE, events, confidence=0.998) == pytest.approx(
        (lower_998, upper_998), rel=1e-6
    )


@pytest.mark.parametrize(
    ("events", "lower_95", "upper_95", "lower_998", "upper_998"), RATE_LIMITS_FOUND_BY_COARSE_BISECTION
)
def test_rate_funnel_at_one_and_two_events(events, lower_95, upper_95, lower_998, upper_998):
    assert funnel_limits_rate(RATE_BASELINE, events) == pytest.approx((lower_95, upper_95), rel=1e-4)
    assert funnel_limits_rate(RATE_BASELINE, events, confidence=0.998) == pytest.approx(
        (lower_998, upper_998), rel=1e-4
    )
