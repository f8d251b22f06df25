"""Continuing professional development against the yearly requirement (Wood recommendation 28).

A reviewer year is the calendar year; the hours required come from the policy setting
`reviewer-cpd-hours-per-year`, so the national body can change them without code.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Sum

from safeguarding.core.clocks.deadlines import setting

CPD_HOURS_KEY = "reviewer-cpd-hours-per-year"


@dataclass(frozen=True)
class Compliance:
    year: int
    hours: Decimal
    required: Decimal

    @property
    def shortfall(self):
        return max(self.required - self.hours, Decimal(0))

    @property
    def compliant(self):
        return self.hours >= self.required


def required_hours():
    return Decimal(str(setting(CPD_HOURS_KEY)))


def compliance(reviewer, year, *, required=None):
    """Hours recorded in `year`, the hours required, the shortfall and whether the reviewer is compliant."""
    if required is None:
        required = required_hours()
    records = getattr(reviewer, "_prefetched_objects_cache", {}).get("cpd_records")
    if records is not None:
        hours = sum((r.hours for r in records if r.completed_on.year == year), Decimal(0))
    else:
        hours = reviewer.cpd_records.filter(completed_on__year=year).aggregate(total=Sum("hours"))["total"]
    return Compliance(year=year, hours=Decimal(hours or 0), required=Decimal(required))
