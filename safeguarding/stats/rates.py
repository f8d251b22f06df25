"""Crude rates per head of population, with confidence limits."""

from .counts import byar_ci, exact_poisson_ci
from .estimate import Estimate
from .validation import require_confidence, require_count, require_positive

# Below this many events Byar's approximation drifts from the exact limits by more than the
# guidance accepts, so the exact method is used; from it upwards, Byar's (PHE's phe_rate does the same).
EXACT_METHOD_BELOW = 10


def rate_with_ci(count, population, per=100_000, confidence=0.95) -> Estimate:
    """Events per ``per`` people, with exact Poisson limits below 10 events and Byar's from 10.

    A zero or missing population raises ValueError: a rate over nobody is not zero, it is undefined.
    """
    observed = require_count(count, "count")
    people = require_positive(population, "population")
    multiplier = require_positive(per, "per")
    level = require_confidence(confidence)
    method = exact_poisson_ci if observed < EXACT_METHOD_BELOW else byar_ci
    limits = method(observed, level)
    scale = multiplier / people
    return Estimate(observed * scale, limits.lower * scale, limits.upper * scale)
