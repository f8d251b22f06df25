"""What search works out once per data version and then only combines: for each facet value, the set of
entries that have it; every entry newest first; and the entries each scope (public, everything) allows.

A set of entries is a bitmap: a Python int with bit n set for the entry with id n. Filtering (AND across
facets, OR within one) is then `&` and `|` of a few ints, and a facet value's count is `(set & value)
.bit_count()`, so counting every facet of a search costs microseconds whatever the number of matching
reports, rather than reading each matching entry's facet rows. At 10,000 entries a set is 1.25 kB and all
of them together (about 120 facet values) about 150 kB.

The sets come from the facet index (EntryFacetValue) in one grouped query, are kept in the shared cache
under the data version, and the newest version's are also held by each process, so a search reads them
from memory. When entries change (facet_index.refresh), the sets of the version before are carried
forward: the changed entries' bits are rewritten from their new facet rows inside the change's own
transaction and the result shared once it commits, so the first search after a report arrives or a
finding is coded does not rebuild them (a build reads every facet row: about 0.1 s at 10,000 reports).
"""

import hashlib
from dataclasses import dataclass, field

import numpy as np
from django.core.cache import cache
from django.db import connection, transaction

from ..models import EntryFacetValue, RepositoryEntry

CACHE_SECONDS = 60 * 60
CARRY_FORWARD_AT_MOST = 1000
# In the cache key: a release that changes what FacetSets holds must not read a pickle an earlier one kept.
LAYOUT = 1
_held = {}  # this process's sets of the newest data version it has seen: {"sets": FacetSets}


def bitmap(ids):
    """The set of these entry ids as a bitmap."""
    ids = np.asarray(ids, dtype=np.int64)
    if not ids.size:
        return 0
    mask = np.zeros(int(ids.max()) + 1, dtype=bool)
    mask[ids] = True
    return int.from_bytes(np.packbits(mask, bitorder="little").tobytes(), "little")


def members(bits, ordered_ids):
    """Those of `ordered_ids` (a numpy array) in the set, in the same order."""
    if not bits or not len(ordered_ids):
        return ordered_ids[:0]
    raw = np.frombuffer(bits.to_bytes((bits.bit_length() + 7) // 8, "little"), dtype=np.uint8)
    mask = np.unpackbits(raw, bitorder="little").astype(bool)
    inside = ordered_ids < mask.size
    keep = np.zeros(len(ordered_ids), dtype=bool)
    keep[inside] = mask[ordered_ids[inside]]
    return ordered_ids[keep]


def id_array(ids):
    return np.asarray(list(ids), dtype=np.int64)


@dataclass
class FacetSets:
    version: str
    # {facet key: {value: bitmap of the entries with it}}
    values: dict
    # Every entry id, newest first (published_on, then id, descending): the order of a date sort.
    newest: np.ndarray
    scopes: dict = field(default_factory=dict, compare=False, repr=False)

    def scope(self, entries):
        """The bitmap of the entries a queryset allows (what the person may see), kept per data version."""
        sql = str(entries.order_by().query)
        key = f"repository:scope:{self.version}:{hashlib.sha256(sql.encode()).hexdigest()}"
        if key not in self.scopes:
            bits = cache.get(key) if self.version else None
            if bits is None:
                bits = bitmap(id_array(entries.order_by().values_list("id", flat=True)))
                if self.version:
                    cache.set(key, bits, CACHE_SECONDS)
            self.scopes[key] = bits
        return self.scopes[key]


def _key(version):
    return f"repository:facet-sets:{LAYOUT}:{version}"


def _grouped_entry_ids():
    """(facet, value, [entry ids]) for every facet value, grouped by the database."""
    table = EntryFacetValue._meta.db_table
    aggregate = "array_agg(entry_id)" if connection.vendor == "postgresql" else "group_concat(entry_id)"
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT facet, value, {aggregate} FROM {table} GROUP BY facet, value")  # noqa: S608 (fixed names)
        for facet, value, ids in cursor.fetchall():
            yield facet, value, (ids if isinstance(ids, list) else [int(i) for i in ids.split(",")])


def _build(version):
    values = {}
    for facet, value, ids in _grouped_entry_ids():
        values.setdefault(facet, {})[value] = bitmap(ids)
    newest = id_array(RepositoryEntry.objects.order_by("-published_on", "-id").values_list("id", flat=True))
    return FacetSets(version=version, values=values, newest=newest)


def carry_forward(previous, version, entry_ids):
    """Called in the transaction that gives the repository `version` (after `previous`) by changing these
    entries: the previous version's sets with those entries' bits rewritten, shared when the change
    commits. Nothing is done when the previous sets are not at hand, or when so many entries changed (an
    import, the demo's seeding) that a build is as cheap: the next search builds them."""
    if len(entry_ids) > CARRY_FORWARD_AT_MOST:
        return
    held = _held.get("sets")
    sets = held if held is not None and held.version == previous else cache.get(_key(previous))
    if sets is None:
        return
    changed = bitmap(id_array(entry_ids))
    values = {}
    for facet, by_value in sets.values.items():
        for value, bits in by_value.items():
            if bits & ~changed:
                values.setdefault(facet, {})[value] = bits & ~changed
    rows = EntryFacetValue.objects.filter(entry_id__in=list(entry_ids)).values_list("facet", "value", "entry_id")
    for facet, value, entry_id in rows:
        by_value = values.setdefault(facet, {})
        by_value[value] = by_value.get(value, 0) | (1 << entry_id)
    newest = id_array(RepositoryEntry.objects.order_by("-published_on", "-id").values_list("id", flat=True))
    forward = FacetSets(version=version, values=values, newest=newest)

    def share():
        cache.set(_key(version), forward, CACHE_SECONDS)
        _held["sets"] = forward

    transaction.on_commit(share)


def load(version):
    """The sets of this data version: from this process, else the shared cache, else built and shared.
    Without a version (no version row) they are built for this search alone."""
    if version is None:
        return _build(None)
    held = _held.get("sets")
    if held is not None and held.version == version:
        return held
    key = _key(version)
    sets = cache.get(key)
    if sets is None:
        sets = _build(version)
        cache.set(key, sets, CACHE_SECONDS)
    sets.scopes = {}
    _held["sets"] = sets
    return sets
