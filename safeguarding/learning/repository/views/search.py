"""The repository's search pages: public (published material, no sign-in) and national (everything in the
repository, with rapid inquiry summaries and the coding state of findings)."""

from django.contrib.auth.decorators import login_required
from django.db.models import Count, F, Q
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_safe

from safeguarding.core.pagination import pagination_links

from ..models import RepositoryEntry, RepositoryFinding
from ..search import search, selected_filters
from . import presentation


def _coding_state(entry_ids):
    """{entry id: (coded findings, findings)} for the current editions of the entries on the page."""
    rows = (
        RepositoryFinding.objects.filter(entry_id__in=entry_ids, edition=F("entry__edition"))
        .values("entry_id")
        .annotate(total=Count("id"), coded=Count("id", filter=Q(coded_at__isnull=False)))
    )
    return {row["entry_id"]: (row["coded"], row["total"]) for row in rows}


def _results_page(request, entries, *, public, title, url_name):
    results = search(
        request.GET.get("q", ""),
        entries=entries,
        selected=selected_filters(request.GET),
        sort=request.GET.get("sort", "relevance"),
        page=request.GET.get("page"),
    )
    coding = {} if public else _coding_state([hit.entry.id for hit in results.hits])
    facet_groups = presentation.facet_groups(results, public=public)
    return render(
        request,
        "repository/search.html",
        {
            "title": title,
            "search_url": reverse(url_name),
            "results": results,
            "rows": [{"hit": hit, "coding": coding.get(hit.entry.id)} for hit in results.hits],
            "query_text": request.GET.get("q", "")[:500],
            "facet_groups": facet_groups,
            "filtered": any(group["any_selected"] for group in facet_groups),
            "sort_options": presentation.sort_options(results),
            "total_label": presentation.total_label(results, public=public),
            "pagination": pagination_links(results.page, request.GET),
            "public": public,
        },
    )


@require_safe
def public_search(request):
    return _results_page(
        request,
        RepositoryEntry.objects.public(),
        public=True,
        title="National repository of learning",
        url_name="repository:search",
    )


@require_safe
@login_required
def national_search(request):
    if not request.user.has_perm("repository.search_national"):
        raise Http404
    return _results_page(
        request,
        RepositoryEntry.objects.visible_to(request.user),
        public=False,
        title="National repository: all material",
        url_name="repository:national-search",
    )
