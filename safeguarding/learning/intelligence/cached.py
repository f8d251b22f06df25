"""The intelligence pages' figures kept in Django's cache per selection, until the repository changes.

Counting every coded finding by theme, area and year reads tens of thousands of codes at national volume, and
every national analyst who asks for the same period and region gets the same answer, so each figure is
computed once per repository data version (a new token with every report, edition and coding) and shared
through the cache (Redis in production, so every web process shares it). The day is part of the key because
periods such as "the last 12 months" count back from today.
"""

from django.utils import timezone

from safeguarding.core.shared_cache import computed_once
from safeguarding.learning.repository.search import facet_index


def cached(kind, selection, compute):
    """compute() for this kind of figure and `selection` (a tuple of plain values), from the cache when the
    repository has not changed since it was computed. Computed afresh when the repository has no data version
    yet (nothing may be kept then)."""
    version = facet_index.data_version()
    if version is None:
        return compute()
    return computed_once("intelligence", (kind, selection, version, timezone.localdate()), compute)
