"""The facet index: each entry's facet values as rows (EntryFacetValue), written when the entry is received
or its findings' codes change, and the version that search results are cached under."""

from django.db import transaction
from django.db.models import Count, Max
from django.utils import timezone

from ..models import EntryFacetValue, RepositoryEntry
from .facets import FACETS, facts_of

BATCH = 2000


def refresh(entry_ids):
    """Rewrites the facet rows of these entries and marks them changed (so cached searches are not reused)."""
    entry_ids = list(entry_ids)
    with transaction.atomic():
        for start in range(0, len(entry_ids), BATCH):
            chunk = entry_ids[start : start + BATCH]
            EntryFacetValue.objects.filter(entry_id__in=chunk).delete()
            rows = [
                EntryFacetValue(entry_id=facts["id"], facet=facet.key, value=str(value)[:200])
                for facts in facts_of(RepositoryEntry.objects.filter(pk__in=chunk))
                for facet in FACETS
                for value in dict.fromkeys(facet.values_of(facts))
            ]
            EntryFacetValue.objects.bulk_create(rows, batch_size=BATCH)
            RepositoryEntry.objects.filter(pk__in=chunk).update(updated_at=timezone.now())


def data_version():
    """Read from the data, not kept in the cache, so that a worker with a cache of its own (no shared cache
    configured) never serves a search from before a change another worker made. Changes whenever an entry
    is added or changed, a new edition arrives or a finding's codes change."""
    found = RepositoryEntry.objects.aggregate(entries=Count("id"), last=Max("id"), changed=Max("updated_at"))
    return f"{found['entries']}:{found['last']}:{found['changed'].isoformat() if found['changed'] else ''}"
