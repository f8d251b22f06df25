"""Confidence limits for a count of events, treated as a Poisson variable.

Two methods, as in the public-health technical guidance used in England (Fingertips / PHE, "Rates";
Breslow and Day 1987): the exact limits from the chi-squared distribution, and Byar's approximation
to them, which is within a fraction of a percent from 10 events upwards.
"""

from scipy.stats import chi2

from .estimate import Estimate
from .validation import require_confidence, require_count, two_sided_z


def exact_poisson_ci(count, confidence=0.95) -> Estimate:
    """The count with its exact Poisson limits, from the chi-squared distribution.

    lower = chi2(alpha / 2, 2 * count) / 2 (zero for no events);
    upper = chi2(1 - alpha / 2, 2 * count + 2) / 2.
    """
    observed = require_count(count, "count")
    level = require_confidence(confidence)
    tail = (1 - level) / 2
    lower = 0.0 if observed == 0 else float(chi2.ppf(tail, 2 * observed)) / 2
    upper = float(chi2.ppf(1 - tail, 2 * observed + 2)) / 2
    return Estimate(float(observed), lower, upper)


def byar_ci(count, confidence=0.95) -> Estimate:
    """The count with Byar's approximate Poisson limits.

    lower = O * (1 - 1/(9 O) - z / (3 sqrt O))^3
    upper = (O + 1) * (1 - 1/(9 (O + 1)) + z / (3 sqrt(O + 1)))^3

    The lower limit is floored at zero: for no events the formula divides by zero, and for one or two
    events at 99.8% the cube goes negative (PHE's library returns NA there). Below 10 events prefer
    exact_poisson_ci, as rate_with_ci does.
    """
    observed = require_count(count, "count")
    z = two_sided_z(require_confidence(confidence))
    shifted = observed + 1
    upper = shifted * (1 - 1 / (9 * shifted) + z / (3 * shifted**0.5)) ** 3
    return Estimate(float(observed), _byar_lower(observed, z), upper)


def _byar_lower(observed: int, z: float) -> float:
    if observed == 0:
        return 0.0
    return max(0.0, observed * (1 - 1 / (9 * observed) - z / (3 * observed**0.5)) ** 3)
