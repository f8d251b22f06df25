"""Control limits for funnel plots (Spiegelhalter 2005), as PHE's calculate_funnel_limits.

A funnel plot compares each area with the average of all areas: an area outside the limits at its
own size differs from the average by more than chance would explain at that confidence.
"""

import math

from scipy.stats import chi2

from .estimate import FunnelLimits
from .validation import require_confidence, require_count, require_positive, require_proportion, two_sided_z


def funnel_limits_proportion(average, denominator, confidence=0.95) -> FunnelLimits:
    """Limits around ``average`` (a proportion, 0-1) for an area with ``denominator`` cases.

        average -/+ z * sqrt(average * (1 - average) / denominator), kept within 0-1

    PHE's library writes this as the root of a quadratic in the count; it simplifies to the
    binomial normal limits above, and reproduces that library's published values.
    """
    centre = require_proportion(average, "average")
    size = require_positive(denominator, "denominator")
    z = two_sided_z(require_confidence(confidence))
    spread = z * math.sqrt(centre * (1 - centre) / size)
    return FunnelLimits(max(0.0, centre - spread), min(1.0, centre + spread))


def funnel_limits_rate(average_rate, events, per=100_000, confidence=0.95) -> FunnelLimits:
    """Limits around ``average_rate`` (per ``per``) for an area that had ``events`` events.

    The x-axis of a rate funnel is the number of events. For E events the expected count E' at which
    E would sit exactly on the limit is an exact Poisson limit of E, so the limits of the rate are
    average_rate * E / upper_limit(E) and average_rate * E / lower_limit(E). Limits come back in the
    same unit as ``average_rate``; ``per`` only names that unit (the ratio E / E' has none), and is
    checked so that a call states its scale. ``events`` must be at least 1: with no events there is
    no point to plot.
    """
    rate = require_positive(average_rate, "average_rate")
    observed = require_count(events, "events")
    if observed < 1:
        raise ValueError("events must be at least 1: a funnel for rates is drawn against the number of events")
    require_positive(per, "per")
    tail = (1 - require_confidence(confidence)) / 2
    expected_high = float(chi2.ppf(1 - tail, 2 * observed + 2)) / 2
    expected_low = float(chi2.ppf(tail, 2 * observed)) / 2
    return FunnelLimits(rate * observed / expected_high, rate * observed / expected_low)
