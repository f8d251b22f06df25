from .case import ClockPause, Incident, IncidentQuerySet, IncidentStatusChange, PauseDecision
from .learning import Action, ActionStatus, Finding, FindingKind, JourneyStage, Recommendation
from .lli import Involvement, InvolvementResponse, LocalLearningInquiry, Methodology
from .rapid_inquiry import (
    AgencySummaryRequest,
    Decision,
    DecisionSignOff,
    PractitionerEngagement,
    RapidInquiry,
    SafetyAction,
)
from .report import AccountabilityBody, AccountabilityReport, LearningReport, NationalSubmission

__all__ = [
    "AccountabilityBody",
    "AccountabilityReport",
    "Action",
    "ActionStatus",
    "AgencySummaryRequest",
    "ClockPause",
    "Decision",
    "DecisionSignOff",
    "Finding",
    "FindingKind",
    "Incident",
    "IncidentQuerySet",
    "IncidentStatusChange",
    "Involvement",
    "InvolvementResponse",
    "JourneyStage",
    "LearningReport",
    "LocalLearningInquiry",
    "Methodology",
    "NationalSubmission",
    "PauseDecision",
    "PractitionerEngagement",
    "RapidInquiry",
    "Recommendation",
    "SafetyAction",
]
