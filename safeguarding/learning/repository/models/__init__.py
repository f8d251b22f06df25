from .entries import (
    AgeBand,
    EntryKind,
    EntrySource,
    RepositoryEntry,
    RepositoryEntryEdition,
    RepositoryFinding,
    RepositoryRecommendation,
)
from .taxonomy import FindingTheme, Theme, ThemeGroup

__all__ = [
    "AgeBand",
    "EntryKind",
    "EntrySource",
    "FindingTheme",
    "RepositoryEntry",
    "RepositoryEntryEdition",
    "RepositoryFinding",
    "RepositoryRecommendation",
    "Theme",
    "ThemeGroup",
]
