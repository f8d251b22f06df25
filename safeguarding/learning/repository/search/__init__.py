"""Search of the national repository: one interface over SQLite FTS5 and PostgreSQL full-text search.

    results = search(request.GET.get("q"), entries=RepositoryEntry.objects.public(),
                     selected=selected_filters(request.GET), sort="relevance", page=request.GET.get("page"))

`entries` is what the person may see (the caller scopes it); the search never widens it.
"""

from dataclasses import dataclass, field

from django.core.paginator import Page, Paginator

from .backends import current_backend
from .facets import FACETS, facts_of, filter_and_count, selected_filters
from .query import ParsedQuery, parse
from .snippets import as_html, plain

PER_PAGE = 20
SORTS = {"relevance": "Most relevant", "newest": "Newest first", "oldest": "Oldest first"}
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


def _ordered_ids(backend, text_matches, parsed, sort, kept):
    if sort == "relevance":
        allowed = {facts["id"] for facts in kept}
        return [entry_id for entry_id in backend.ranked_ids(text_matches, parsed) if entry_id in allowed]
    newest_first = sort == "newest"
    ordered = sorted(kept, key=lambda facts: (facts["published_on"], facts["id"]), reverse=newest_first)
    return [facts["id"] for facts in ordered]


def search(query_text, *, entries, selected=None, sort="relevance", page=1, per_page=PER_PAGE):
    """Ranked entries with snippets and facet counts. Any query text gives results (possibly none), never
    an error: the text is reduced to plain words and phrases first."""
    backend = current_backend()
    parsed = parse(query_text)
    selected = selected or {}
    sort = _sort(sort, parsed)
    text_matches = backend.matching(entries, parsed) if parsed else entries
    kept, options = filter_and_count(facts_of(text_matches), selected)
    result_page = Paginator(_ordered_ids(backend, text_matches, parsed, sort, kept), per_page).get_page(page)
    by_id = entries.model.objects.defer(*_NOT_SHOWN).in_bulk(list(result_page.object_list))
    result_page.object_list = [by_id[entry_id] for entry_id in result_page.object_list]
    marked = backend.snippets([entry.id for entry in result_page.object_list], parsed) if parsed else {}
    hits = [
        Hit(entry, as_html(marked[entry.id]) if entry.id in marked else plain(entry.summary))
        for entry in result_page.object_list
    ]
    facets = [FacetResult(facet.key, facet.label, options[facet.key]) for facet in FACETS]
    return SearchResults(query=parsed, sort=sort, page=result_page, hits=hits, facets=facets)
