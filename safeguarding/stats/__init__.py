"""Statistical methods for published figures: pure Python with numpy/scipy, no Django.

Counts, rates, proportions and directly standardised rates with confidence limits; funnel-plot
control limits; and disclosure control for tables. Every estimate is an ``Estimate(value, lower,
upper)``; ``confidence`` is a fraction (0.95 by default, 0.998 for funnel plots' outer limits). Bad
input raises ValueError naming the argument. The methods follow the public-health technical
guidance used in England and reproduce PHEindicatormethods' published results (see the tests).
"""

from .counts import byar_ci, exact_poisson_ci
from .disclosure_check import recoverable_cells, small_counts_shown, small_hidden_sums
from .estimate import Estimate, FunnelLimits
from .funnels import funnel_limits_proportion, funnel_limits_rate
from .proportions import proportion_with_ci, wilson_ci
from .rates import rate_with_ci
from .standardised import dsr_with_ci
from .suppression import SuppressedTable, suppress

__all__ = [
    "Estimate",
    "FunnelLimits",
    "SuppressedTable",
    "byar_ci",
    "dsr_with_ci",
    "exact_poisson_ci",
    "funnel_limits_proportion",
    "funnel_limits_rate",
    "proportion_with_ci",
    "rate_with_ci",
    "recoverable_cells",
    "small_counts_shown",
    "small_hidden_sums",
    "suppress",
    "wilson_ci",
]
