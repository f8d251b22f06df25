from .cases import CaseStatus, CaseStatusChange, ChildDeathCase
from .linkage import LinkageBlockingKey, LinkageModelParameters, LinkageModelVersion
from .notifications import LinkCandidate, Notification
from .outside import PendingOutsideNotification
from .panels import Panel, panel_for_area
from .reports import AgencyReport
from .response import FamilyContact, JointAgencyResponse
from .review import NationalRecord, PanelReview, ReviewMeeting, ThemedMeeting

__all__ = [
    "AgencyReport",
    "CaseStatus",
    "CaseStatusChange",
    "ChildDeathCase",
    "FamilyContact",
    "JointAgencyResponse",
    "LinkCandidate",
    "LinkageBlockingKey",
    "LinkageModelParameters",
    "LinkageModelVersion",
    "NationalRecord",
    "Notification",
    "Panel",
    "PanelReview",
    "PendingOutsideNotification",
    "ReviewMeeting",
    "ThemedMeeting",
    "panel_for_area",
]
