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
from .tracking import TransitionDeadline

__all__ = [
    "VERSION_TRANSITIONS",
    "ArrangementsVersion",
    "Evidence",
    "RelevantAgency",
    "Section",
    "SignOff",
    "TransitionDeadline",
    "VersionStatus",
    "VersionStatusChange",
]
