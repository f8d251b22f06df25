"""Checks of arguments, each raising ValueError that names the argument at fault.

Published statistics are built from these functions, so bad input must stop the build with a
message an analyst can act on, never come out as a plausible-looking number.
"""

import math
import operator
from collections.abc import Sequence

from scipy.stats import norm


def require_count(value, name: str) -> int:
    """A whole number of events, zero or more."""
    if isinstance(value, bool):
        raise ValueError(f"{name} must be a whole number of events, not {value!r}")
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    try:
        count = operator.index(value)
    except TypeError:
        raise ValueError(f"{name} must be a whole number of events, not {value!r}") from None
    if count < 0:
        raise ValueError(f"{name} must not be negative, got {count}")
    return count


def require_positive(value, name: str) -> float:
    """A finite number above zero: a population, a denominator, a multiplier."""
    if value is None:
        raise ValueError(f"{name} is missing")
    number = _finite_number(value, name)
    if number <= 0:
        raise ValueError(f"{name} must be greater than zero, got {value!r}")
    return number


def require_confidence(confidence) -> float:
    """A confidence level strictly between 0 and 1 (0.95, 0.998), never a percentage."""
    level = _finite_number(confidence, "confidence")
    if not 0 < level < 1:
        raise ValueError(f"confidence must be between 0 and 1 exclusive (e.g. 0.95 or 0.998), got {confidence!r}")
    return level


def require_proportion(value, name: str) -> float:
    """A number from 0 to 1 inclusive."""
    number = _finite_number(value, name)
    if not 0 <= number <= 1:
        raise ValueError(f"{name} must be between 0 and 1, got {value!r}")
    return number


def require_sequence(values, name: str) -> Sequence:
    """A non-empty ordered collection (list, tuple, numpy array)."""
    if isinstance(values, str | bytes) or not hasattr(values, "__len__") or not hasattr(values, "__getitem__"):
        raise ValueError(f"{name} must be a list of numbers, got {type(values).__name__}")
    if len(values) == 0:
        raise ValueError(f"{name} must not be empty")
    return values


def two_sided_z(confidence: float) -> float:
    """The standard normal quantile leaving (1 - confidence) / 2 in each tail."""
    return float(norm.ppf(1 - (1 - confidence) / 2))


def _finite_number(value, name: str) -> float:
    if isinstance(value, bool):
        raise ValueError(f"{name} must be a number, not {value!r}")
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be a number, not {value!r}") from None
    if not math.isfinite(number):
        raise ValueError(f"{name} must be a finite number, got {value!r}")
    return number
