"""Proportions with Wilson score intervals (Wilson 1927; Newcombe 1998), as PHE's phe_proportion."""

import math

from .estimate import Estimate
from .validation import require_confidence, require_count, require_positive, two_sided_z


def wilson_ci(numerator, denominator, confidence=0.95) -> Estimate:
    """The proportion numerator / denominator with its Wilson score limits (on the 0-1 scale).

    limits = (2x + z^2 -/+ z sqrt(z^2 + 4x(1 - x/n))) / (2(n + z^2))

    Unlike the textbook normal approximation these never leave 0-1 and stay sensible at 0 and n.
    """
    successes, trials = _checked_counts(numerator, denominator)
    z = two_sided_z(require_confidence(confidence))
    centre = 2 * successes + z * z
    spread = z * math.sqrt(z * z + 4 * successes * (1 - successes / trials))
    scale = 2 * (trials + z * z)
    # At x = 0 and x = n the formula gives exactly 0 and 1 in exact arithmetic; floating point can
    # leave them a hair inside, which would put the limit on the wrong side of the value.
    lower = 0.0 if successes == 0 else (centre - spread) / scale
    upper = 1.0 if successes == trials else (centre + spread) / scale
    return Estimate(successes / trials, lower, upper)


def proportion_with_ci(numerator, denominator, confidence=0.95, per=1) -> Estimate:
    """A proportion as published: Wilson limits, expressed per ``per`` (1 for a fraction, 100 for a percentage)."""
    multiplier = require_positive(per, "per")
    estimate = wilson_ci(numerator, denominator, confidence)
    return Estimate(estimate.value * multiplier, estimate.lower * multiplier, estimate.upper * multiplier)


def _checked_counts(numerator, denominator) -> tuple[int, int]:
    successes = require_count(numerator, "numerator")
    if denominator is None:
        raise ValueError("denominator is missing")
    trials = require_count(denominator, "denominator")
    require_positive(trials, "denominator")
    if successes > trials:
        raise ValueError(f"numerator ({successes}) must not be greater than denominator ({trials})")
    return successes, trials
