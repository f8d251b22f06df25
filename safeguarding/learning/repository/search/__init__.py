"""Search of the national repository: one interface over SQLite FTS5 and PostgreSQL full-text search.

    results = search(request.GET.get("q"), entries=RepositoryEntry.objects.public(),
                     selected=selected_filters(request.GET), sort="relevance", page=request.GET.get("page"))

`entries` is what the person may see (the caller scopes it); the search never widens it. Filters, facet
counts, ordering and paging are done by the database (the facet index, facet_index.py), so a page costs
the same whatever the number of matching reports; the result of each choice of words, filters, sort and
page is cached (Django's cache) under the repository's data version, so any change is seen at once.
"""

import hashlib
from dataclasses import dataclass, field

from django.core.cache import cache
from django.core.paginator import Page, Paginator
from django.db.models import Count

from ..models import EntryFacetValue
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


def _filtered(entries, selected, except_key=None):
    """The entries every choice allows (AND across facets, OR within one), leaving out `except_key`'s."""
    for key, values in selected.items():
        if key != except_key:
            chosen = EntryFacetValue.objects.filter(facet=key, value__in=values).values("entry_id")
            entries = entries.filter(id__in=chosen)
    return entries


def _counts(entries, facet=None):
    """{facet key: {value: entries}} over `entries`, for one facet or all of them, in one grouped query."""
    rows = EntryFacetValue.objects.filter(entry_id__in=entries.order_by().values("id"))
    if facet:
        rows = rows.filter(facet=facet)
    counts = {}
    for row in rows.values("facet", "value").annotate(entries=Count("id")).order_by():
        counts.setdefault(row["facet"], {})[row["value"]] = row["entries"]
    return counts


def _facets(text_matches, kept, selected):
    """Each facet's options: counted with every other facet's choices applied but not its own, so the
    alternatives to a choice stay visible with their numbers."""
    counts = _counts(kept)
    for key in selected:
        counts[key] = _counts(_filtered(text_matches, selected, except_key=key), facet=key).get(key, {})
    return [
        FacetResult(facet.key, facet.label, facet.options(counts.get(facet.key, {}), selected.get(facet.key, [])))
        for facet in FACETS
    ]


def _ordered(backend, kept, parsed, sort):
    """Ids of the kept entries in order, as a queryset the paginator slices (or a list on SQLite by relevance)."""
    if sort == "relevance":
        return backend.ranked(kept, parsed)
    newest_first = sort == "newest"
    order = ("-published_on", "-id") if newest_first else ("published_on", "id")
    return kept.order_by(*order).values_list("id", flat=True)


def _cache_key(entries, parsed, selected, sort, page, per_page):
    scope = str(entries.query)
    choice = (data_version(), scope, parsed.terms, sorted(selected.items()), sort, str(page), per_page)
    return "repository:search:" + hashlib.sha256(repr(choice).encode()).hexdigest()


def search(query_text, *, entries, selected=None, sort="relevance", page=1, per_page=PER_PAGE):
    """Ranked entries with snippets and facet counts. Any query text gives results (possibly none), never
    an error: the text is reduced to plain words and phrases first."""
    parsed = parse(query_text)
    selected = selected or {}
    sort = _sort(sort, parsed)
    key = _cache_key(entries, parsed, selected, sort, page, per_page)
    found = cache.get(key)
    if found is None:
        found = _search(parsed, entries, selected, sort, page, per_page)
        cache.set(key, found, CACHE_SECONDS)
    return found


def _search(parsed, entries, selected, sort, page, per_page):
    backend = current_backend()
    text_matches = backend.matching(entries, parsed) if parsed else entries
    kept = _filtered(text_matches, selected)
    lazy_page = Paginator(_ordered(backend, kept, parsed, sort), per_page).get_page(page)
    ids = list(lazy_page.object_list)
    by_id = entries.model.objects.defer(*_NOT_SHOWN).select_related("region").in_bulk(ids)
    # A paginator over a range of the same length: what is cached holds the page, not the query behind it.
    paginator = Paginator(range(lazy_page.paginator.count), per_page)
    result_page = Page([by_id[entry_id] for entry_id in ids], lazy_page.number, paginator)
    marked = backend.snippets(ids, parsed) if parsed else {}
    hits = [
        Hit(entry, as_html(marked[entry.id]) if entry.id in marked else plain(entry.summary))
        for entry in result_page.object_list
    ]
    facets = _facets(text_matches, kept, selected)
    return SearchResults(query=parsed, sort=sort, page=result_page, hits=hits, facets=facets)
