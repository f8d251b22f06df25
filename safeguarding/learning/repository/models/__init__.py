from .classifiers import TrainedClassifier
from .entries import (
    AgeBand,
    EntryFacetValue,
    EntryKind,
    EntrySource,
    RepositoryDataVersion,
    RepositoryEntry,
    RepositoryEntryEdition,
    RepositoryFinding,
    RepositoryRecommendation,
)
from .taxonomy import FindingTheme, Theme, ThemeGroup

__all__ = [
    "AgeBand",
    "EntryFacetValue",
    "EntryKind",
    "EntrySource",
    "FindingTheme",
    "RepositoryDataVersion",
    "RepositoryEntry",
    "RepositoryEntryEdition",
    "RepositoryFinding",
    "RepositoryRecommendation",
    "Theme",
    "ThemeGroup",
    "TrainedClassifier",
]
