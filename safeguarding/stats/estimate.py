"""The shapes every statistic in this package comes back in."""

from typing import NamedTuple


class Estimate(NamedTuple):
    """A statistic with the lower and upper limits of its confidence interval.

    Fields are ``None`` only where a method says the statistic is undefined (a directly standardised
    rate on fewer than 10 events); ``None`` rather than NaN so that a missing figure fails loudly in
    arithmetic instead of quietly turning every total it touches into NaN.
    """

    value: float | None
    lower: float | None
    upper: float | None


class FunnelLimits(NamedTuple):
    """Control limits of a funnel plot at one point along its x-axis."""

    lower: float
    upper: float
