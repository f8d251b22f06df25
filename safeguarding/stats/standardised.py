"""Directly standardised rates with Dobson's confidence limits (Dobson et al. 1991), as PHE's phe_dsr."""

import math

from .counts import byar_ci
from .estimate import Estimate
from .validation import require_confidence, require_count, require_positive, require_sequence

# PHE publishes no DSR on fewer events than this: the rate is too unstable and Dobson's limits,
# which lean on Byar's approximation for the total count, are unreliable.
FEWEST_EVENTS_FOR_DSR = 10


def dsr_with_ci(counts, populations, standard_populations, per=100_000, confidence=0.95) -> Estimate:
    """The directly standardised rate per ``per`` with Dobson's limits.

    Each argument lists one figure per standardisation category (age band, sex...), in the same order.

        DSR = sum(w_i * O_i / n_i) / sum(w_i)       w_i: standard population, O_i: events, n_i: population
        var(DSR) = sum((w_i / n_i)^2 * O_i) / sum(w_i)^2
        limit = DSR + sqrt(var(DSR) / O) * (O_limit - O)   O = sum(O_i); O_limit from Byar's method

    Below 10 events in total the value and both limits are ``None`` (undefined), as PHE publishes them.
    """
    events = [require_count(count, "counts") for count in require_sequence(counts, "counts")]
    people = [
        require_positive(population, "populations") for population in require_sequence(populations, "populations")
    ]
    weights = [_standard_weight(weight) for weight in require_sequence(standard_populations, "standard_populations")]
    multiplier = require_positive(per, "per")
    level = require_confidence(confidence)
    if not len(events) == len(people) == len(weights):
        raise ValueError(
            "counts, populations and standard_populations must have one figure per category each, "
            f"got {len(events)}, {len(people)} and {len(weights)}"
        )
    total_weight = sum(weights)
    if total_weight <= 0:
        raise ValueError("standard_populations must not all be zero")

    total_events = sum(events)
    if total_events < FEWEST_EVENTS_FOR_DSR:
        return Estimate(None, None, None)

    rate = sum(w * o / n for w, o, n in zip(weights, events, people, strict=True)) / total_weight
    variance = sum((w / n) ** 2 * o for w, o, n in zip(weights, events, people, strict=True)) / total_weight**2
    count_limits = byar_ci(total_events, level)
    # Dobson's method moves the rate by the same number of standard deviations as the total count moves.
    scale = math.sqrt(variance / total_events)
    lower = rate + scale * (count_limits.lower - total_events)
    upper = rate + scale * (count_limits.upper - total_events)
    return Estimate(rate * multiplier, lower * multiplier, upper * multiplier)


def _standard_weight(weight) -> float:
    if weight is None:
        raise ValueError("standard_populations has a missing figure")
    try:
        number = float(weight)
    except (TypeError, ValueError):
        raise ValueError(f"standard_populations must be numbers, not {weight!r}") from None
    if not math.isfinite(number) or number < 0:
        raise ValueError(f"standard_populations must be zero or more, got {weight!r}")
    return number
