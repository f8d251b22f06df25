"""The analyst dashboard: national roles only (everyone else gets 404, so its existence is not shown)."""

import csv

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render

from safeguarding.core.audit_search.export import neutralise_formula

from .. import tables
from ..analysis import breakdowns
from ..analysis.cached import cached
from ..analysis.filters import Filters
from ..analysis.hazards import emerging_hazards
from ..forms import FilterForm
from ..geography import region_names
from ..models import MortalityRecord

PAGES = {
    "overview": "Overview",
    "geography": "Where children lived",
    "trends": "Trends",
    "modifiable": "Modifiable factors",
    "funnels": "Funnel plots",
    "places": "Place of death",
    "timeliness": "Review timeliness",
}


def _selection(request):
    if not request.user.has_perm("mortality.view_analysis"):
        raise Http404
    records = MortalityRecord.objects.visible_to(request.user)
    form = FilterForm(request.GET or None, years=breakdowns.years_of(records), regions=region_names())
    filters = form.filters() if request.GET else Filters()
    return records, filters.apply(records), filters, form


def _context(page, form, filters, **extra):
    return {
        "pages": PAGES,
        "current": page,
        "form": form,
        "query": "&".join(f"{key}={value}" for key, value in filters.as_query().items()),
        **extra,
    }


@login_required
def page(request, page="overview"):
    if page not in PAGES:
        raise Http404
    records, selected, filters, form = _selection(request)
    # Every analyst asking for the same filters sees the same figures: computed once per data version.
    headline = cached("headline", filters, lambda: breakdowns.overall(selected, filters)) if records.exists() else None
    found = []
    if headline and headline.deaths:
        found = cached(page, filters, lambda: tables.tables_for(page, selected, filters))
    context = _context(
        page,
        form,
        filters,
        title=PAGES[page],
        headline=headline,
        has_records=headline is not None,
        tables=found,
    )
    return render(request, "mortality/page.html", context)


@login_required
def hazards(request):
    records, selected, filters, form = _selection(request)
    found = cached("hazards", filters, lambda: emerging_hazards(selected))
    return render(
        request,
        "mortality/hazards.html",
        _context("hazards", form, filters, title="Emerging hazards", hazards=found, has_records=records.exists()),
    )


@login_required
def table_csv(request, table):
    _, selected, filters, _ = _selection(request)
    try:
        built = tables.table(table, selected, filters)
    except ValueError:
        raise Http404 from None
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="child-mortality-{built.slug}.csv"'
    response["Cache-Control"] = "no-store"
    writer = csv.writer(response)
    writer.writerow([title for title, _ in built.columns])
    for row in built.rows:
        writer.writerow([neutralise_formula(cell) for cell in row])
    return response
