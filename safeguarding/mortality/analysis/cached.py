"""The dashboard's figures kept in Django's cache per filter set, until the national table changes.

Grouped counts, funnel limits, hazards and their charts over tens of thousands of records are the same for
every analyst who asks for the same filters, so each is computed once per data version and filter set and
shared (the cache is Redis in production, so every web process shares it). The data version is read from the
table itself (how many records, the newest id and the latest change), so a sync or a new release is seen at
once; the day is part of the key because ages and clocks count from today.
"""

from django.db.models import Count, Max
from django.utils import timezone

from safeguarding.core.shared_cache import computed_once

from ..models import MortalityRecord


def data_version():
    return MortalityRecord.objects.aggregate(count=Count("pk"), last=Max("pk"), changed=Max("updated_at"))


def cached(kind, filters, compute):
    """compute() for this kind of figure and filter set, from the cache when the table has not changed."""
    choice = (kind, sorted(filters.as_query().items()), data_version(), timezone.localdate())
    return computed_once("mortality", choice, compute)
