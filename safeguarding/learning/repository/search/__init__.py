"""Search of the national repository: one interface over SQLite FTS5 and PostgreSQL full-text search.

    results = search(request.GET.get("q"), entries=RepositoryEntry.objects.public(),
                     selected=selected_filters(request.GET), sort="relevance", page=request.GET.get("page"))

`entries` is what the person may see (the caller scopes it); the search never widens it.

Everything is done by the database or from what is kept per data version (facet_index.data_version, one
row read per search), never by reading each matching report's facts into Python:

- the text match and the ranking are one statement on the entries' own rows (the stored tsvector on
  PostgreSQL, FTS5 on SQLite), giving the ids of every match in order; kept in Django's cache per words;
- filters and facet counts are bitmaps of entry ids per facet value (facet_sets.py) combined with the
  matching ids, so counting every facet costs the same however many reports match;
- a page is a slice of the ordered matching ids: only its 20 entries and their snippets are read;
- the result of each choice of words, filters, sort and page is cached whole.

A change to the repository gives it a new data version, so nothing kept before it is used again.
"""

import hashlib
from dataclasses import dataclass, field

from django.core.cache import cache
from django.core.paginator import Page, Paginator

from . import facet_sets
from .backends import current_backend
from .facet_index import data_version
from .facets import FACETS, selected_filters
from .query import ParsedQuery, parse
from .snippets import as_html, plain

PER_PAGE = 20
SORTS = {"relevance": "Most relevant", "newest": "Newest first", "oldest": "Oldest first"}
CACHE_SECONDS = 60 * 60
# A results page shows the title, facts and a snippet: the long text stays in the database.
_NOT_SHOWN = ("search_text", "sections")

__all__ = ["PER_PAGE", "SORTS", "SearchResults", "parse", "search", "selected_filters"]


@dataclass
class Hit:
    entry: object
    snippet: str


@dataclass
class FacetResult:
    key: str
    label: str
    options: list


@dataclass
class SearchResults:
    query: ParsedQuery
    sort: str
    page: Page
    hits: list = field(default_factory=list)
    facets: list = field(default_factory=list)

    @property
    def total(self):
        return self.page.paginator.count


def _sort(sort, parsed):
    if sort not in SORTS:
        sort = "relevance"
    if sort == "relevance" and not parsed:
        sort = "newest"  # nothing to be relevant to
    return sort


def _key(kind, *choice):
    return f"repository:{kind}:" + hashlib.sha256(repr(choice).encode()).hexdigest()


def _matches(backend, sets, parsed, ranked):
    """Ids of every entry matching the words, by relevance (`ranked`) or in no particular order."""
    key = _key("matches", sets.version, parsed.terms, ranked)
    ids = cache.get(key) if sets.version else None
    if ids is None:
        ids = backend.ranked_ids(parsed, sets.newest) if ranked else backend.matching_ids(parsed)
        if sets.version:
            cache.set(key, ids, CACHE_SECONDS)
    return ids


def _chosen(sets, selected):
    """{facet key: bitmap of the entries having any value chosen in it} (OR within a facet)."""
    chosen = {}
    for key, values in selected.items():
        bits = 0
        for value in values:
            bits |= sets.values.get(key, {}).get(value, 0)
        chosen[key] = bits
    return chosen


def _facets(sets, base, chosen, selected):
    """Each facet's options: counted with every other facet's choices applied but not its own, so the
    alternatives to a choice stay visible with their numbers."""
    results = []
    for facet in FACETS:
        allowed = base
        for key, bits in chosen.items():
            if key != facet.key:
                allowed &= bits
        counts = {value: (allowed & bits).bit_count() for value, bits in sets.values.get(facet.key, {}).items()}
        results.append(FacetResult(facet.key, facet.label, facet.options(counts, selected.get(facet.key, []))))
    return results


def _scope_key(entries):
    return str(entries.order_by().query)


def search(query_text, *, entries, selected=None, sort="relevance", page=1, per_page=PER_PAGE):
    """Ranked entries with snippets and facet counts. Any query text gives results (possibly none), never
    an error: the text is reduced to plain words and phrases first."""
    parsed = parse(query_text)
    selected = selected or {}
    sort = _sort(sort, parsed)
    version = data_version()
    if version is None:  # no version row (a flushed test database): nothing may be kept
        return _search(parsed, entries, selected, sort, page, per_page, version)
    key = _key(
        "search", version, _scope_key(entries), parsed.terms, sorted(selected.items()), sort, str(page), per_page
    )
    found = cache.get(key)
    if found is None:
        found = _search(parsed, entries, selected, sort, page, per_page, version)
        cache.set(key, found, CACHE_SECONDS)
    return found


def _search(parsed, entries, selected, sort, page, per_page, version):
    backend = current_backend()
    sets = facet_sets.load(version)
    base = sets.scope(entries)
    if parsed:
        matching = _matches(backend, sets, parsed, ranked=sort == "relevance")
        base &= facet_sets.bitmap(matching)
    chosen = _chosen(sets, selected)
    kept = base
    for bits in chosen.values():
        kept &= bits
    # A paginator over a range of the same length: what is cached holds the page, not the query behind it.
    paginator = Paginator(range(kept.bit_count()), per_page)
    number = paginator.get_page(page).number
    # Oldest first is exactly newest first reversed (both order by date, then id).
    by_date = sets.newest if sort == "newest" else sets.newest[::-1]
    ordered = matching if sort == "relevance" else by_date
    start = (number - 1) * per_page
    ids = [int(entry_id) for entry_id in facet_sets.members(kept, ordered)[start : start + per_page]]
    by_id = entries.model.objects.defer(*_NOT_SHOWN).select_related("region").in_bulk(ids)
    result_page = Page([by_id[entry_id] for entry_id in ids], number, paginator)
    marked = backend.snippets(ids, parsed) if parsed else {}
    hits = [
        Hit(entry, as_html(marked[entry.id]) if entry.id in marked else plain(entry.summary))
        for entry in result_page.object_list
    ]
    facets = _facets(sets, base, chosen, selected)
    return SearchResults(query=parsed, sort=sort, page=result_page, hits=hits, facets=facets)
