"""The criteria for a national serious case inquiry (Wood Report paras 170-172).

A national inquiry is for cases that raise issues of national importance: they cross several local
administrations or agencies, involve trafficking, raise complex issues such as consanguinity or
particular medical conditions, are of great gravity, or show the same learning recurring across areas.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Criterion:
    key: str
    label: str
    hint: str


CRITERIA = (
    Criterion(
        "crosses_boundaries",
        "Crosses several local administrations or agencies",
        "The children, families or agencies involved span more than one safeguarding area or agency",
    ),
    Criterion("trafficking", "Trafficking", "Children trafficked into, within or out of the country"),
    Criterion(
        "complex_issues",
        "Complex issues",
        "For example consanguinity or particular medical conditions that local inquiries cannot address",
    ),
    Criterion("gravity", "Great gravity", "The seriousness of the harm calls for a national inquiry"),
    Criterion(
        "recurring",
        "Recurring across areas",
        "The same learning appears in reports from several areas (for example a recurrence alert)",
    ),
)
CRITERION_KEYS = tuple(criterion.key for criterion in CRITERIA)
LABELS = {criterion.key: criterion.label for criterion in CRITERIA}
