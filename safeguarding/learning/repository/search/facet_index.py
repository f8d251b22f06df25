"""The facet index: each entry's facet values as rows (EntryFacetValue), written when the entry is received
or its findings' codes change, and the data version that everything search keeps is filed under."""

import contextvars
import uuid
from contextlib import contextmanager

from django.db import transaction
from django.utils import timezone

from ..models import EntryFacetValue, RepositoryDataVersion, RepositoryEntry
from . import facet_sets
from .facets import FACETS, facts_of

BATCH = 2000
# The entries whose refresh waits for the end of a `deferred()` block (None outside one).
_waiting = contextvars.ContextVar("facet_index_waiting", default=None)


@contextmanager
def deferred():
    """Gathers every refresh inside the block into one at its end: a bulk load (the demo's corpus) then writes
    each entry's rows once and makes one new data version, instead of a version and a carry-forward per report
    (two thirds of the demo repository's seeding time at 1,500 reports). Searches inside the block see the
    index as it was before it. Nothing is refreshed if the block raises; an inner block joins the outer one."""
    if _waiting.get() is not None:
        yield
        return
    waiting = set()
    token = _waiting.set(waiting)
    try:
        yield
    finally:
        _waiting.reset(token)
    if waiting:
        refresh(waiting)


def refresh(entry_ids):
    """Rewrites the facet rows of these entries and gives the repository a new data version (so nothing
    search kept from before is used again); inside `deferred()`, at the end of the block."""
    entry_ids = list(entry_ids)
    waiting = _waiting.get()
    if waiting is not None:
        waiting.update(entry_ids)
        return
    with transaction.atomic():
        write_rows(entry_ids)
        # Locked until the change commits: changes take their turn, each knowing the version it follows.
        previous = RepositoryDataVersion.objects.select_for_update().filter(pk=1).values_list("token", flat=True)
        previous = previous.first()
        token = uuid.uuid4().hex
        RepositoryDataVersion.objects.update_or_create(pk=1, defaults={"token": token, "changed_at": timezone.now()})
        if previous:
            facet_sets.carry_forward(previous, token, entry_ids)


def write_rows(entry_ids):
    """The facet rows alone (the migration that made the index fills it this way, before versions existed)."""
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
    """Read from the database (one row by its key), not kept in the cache, so that a worker with a cache of
    its own (no shared cache configured) never serves a search from before a change another worker made.
    None when there is no version row (a test database emptied by a flush): then nothing may be kept."""
    return RepositoryDataVersion.objects.filter(pk=1).values_list("token", flat=True).first()
