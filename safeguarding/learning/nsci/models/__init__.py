from .inquiry import InquirySource, NationalInquiry, NationalInquiryStatusChange, ProgressNote
from .report import NationalFinding, NationalRecommendation
from .team import TeamMember, TeamRole

__all__ = [
    "InquirySource",
    "NationalFinding",
    "NationalInquiry",
    "NationalInquiryStatusChange",
    "NationalRecommendation",
    "ProgressNote",
    "TeamMember",
    "TeamRole",
]
