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
from .meetings import MeetingAttendance, MeetingKind, ReportRequest, StrategicMeeting
from .reports import REPORT_SECTIONS, YearlyReport
from .tracking import TransitionDeadline

__all__ = [
    "REPORT_SECTIONS",
    "VERSION_TRANSITIONS",
    "ArrangementsVersion",
    "Engagement",
    "Evidence",
    "FundingContribution",
    "MeetingAttendance",
    "MeetingKind",
    "OutcomeMeasure",
    "OutcomeValue",
    "RelevantAgency",
    "ReportRequest",
    "ScrutinyActivity",
    "ScrutinyKind",
    "Section",
    "SignOff",
    "StrategicMeeting",
    "TransitionDeadline",
    "VersionStatus",
    "VersionStatusChange",
    "YearlyReport",
    "financial_year_label",
]
