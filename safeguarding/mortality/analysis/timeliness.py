"""How long panels take from notification to review (the statutory aim: within six months)."""

from collections import defaultdict
from dataclasses import dataclass

import numpy as np

from safeguarding import stats

TARGET_DAYS = 183  # six months


@dataclass(frozen=True)
class TimelinessRow:
    panel: str
    reviewed: int
    median_days: float
    quartile_low: float
    quartile_high: float
    within_target: int
    within_share: float
    within_lower: float
    within_upper: float


def by_panel(queryset):
    days = defaultdict(list)
    rows = (
        queryset.filter(reviewed=True, days_to_review__isnull=False).order_by().values_list("panel", "days_to_review")
    )
    for panel, value in rows.iterator():
        days[panel].append(value)
    result = []
    for panel in sorted(days):
        values = np.asarray(days[panel])
        within = int((values <= TARGET_DAYS).sum())
        share = stats.wilson_ci(within, len(values))
        low, median, high = np.percentile(values, [25, 50, 75])
        result.append(TimelinessRow(panel, len(values), float(median), float(low), float(high), within, *share))
    return result
