from .documents import (
    VERSION_TRANSITIONS,
    ArrangementsVersion,
    Evidence,
    RelevantAgency,
    Section,
    SignOff,
    VersionStatus,
    VersionStatusChange,
)
from .effectiveness import Engagement, OutcomeMeasure, OutcomeValue, ScrutinyActivity, ScrutinyKind
from .funding import FundingContribution, financial_year_label
from .reports import REPORT_SECTIONS, YearlyReport
from .tracking import TransitionDeadline

__all__ = [
    "REPORT_SECTIONS",
    "VERSION_TRANSITIONS",
    "ArrangementsVersion",
    "Engagement",
    "Evidence",
    "FundingContribution",
    "OutcomeMeasure",
    "OutcomeValue",
    "RelevantAgency",
    "ScrutinyActivity",
    "ScrutinyKind",
    "Section",
    "SignOff",
    "TransitionDeadline",
    "VersionStatus",
    "VersionStatusChange",
    "YearlyReport",
    "financial_year_label",
]
