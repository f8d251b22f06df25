"""The audit search page and its CSV export, for national administrators and area administrators.

Looking at the page writes no audit event: each page, filter and next-page click would add one,
flooding the trail with searches of the trail. Only an export is recorded (see export.py), because
it takes the events away from the service.
"""

import json
import re

from django.contrib.auth.decorators import login_required
from django.http import Http404, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from safeguarding.core import permissions
from safeguarding.core.pagination import paginate_capped, pagination_links
from safeguarding.organisations.models import SafeguardingArea
from safeguarding.organisations.models.people import Role

from . import export
from .forms import AuditSearchForm
from .queries import areas_visible_to, events_visible_to, search

PAGE_SIZE = 50
# Pages go no further than this many events, and the count says "more than" past it: counting every event
# that matches a wide search would read millions of rows to write one number.
COUNT_CAP = 10_000
SUMMARY_LENGTH = 80
_ROLE_LABELS = dict(Role.choices)
# After punctuation, or every 12 characters of an unbroken run (request ids, hashes).
_BREAK_AFTER = re.compile(r"[^.@_:/-]{1,12}[.@_:/-]*|[.@_:/-]+")


def _require_permission(user):
    # 404 rather than 403: the page's existence is not for people who cannot use it.
    if not user.has_perm("core.search_audit"):
        raise Http404


def _areas_to_choose_from(user):
    """The areas the person may narrow to, or None when the choice would not narrow anything."""
    if permissions.is_national_administrator(user):
        return SafeguardingArea.objects.all()
    area_ids = permissions.area_ids_with_role(user, {Role.AREA_ADMINISTRATOR})
    return SafeguardingArea.objects.filter(pk__in=area_ids) if len(area_ids) > 1 else None


def _search_form(request):
    return AuditSearchForm(
        request.GET, event_areas=areas_visible_to(request.user), areas=_areas_to_choose_from(request.user)
    )


def _query_without_page(request):
    query = request.GET.copy()
    query.pop("page", None)
    return query


def _summary(data):
    text = ", ".join(f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in sorted(data.items()))
    return text if len(text) <= SUMMARY_LENGTH else text[: SUMMARY_LENGTH - 1] + "…"


def _breakable(text):
    """`text` in pieces that the template joins with <wbr>, so that emails, verbs and ids without
    spaces can wrap inside a narrow table cell; copied from the page, the text is unchanged."""
    return _BREAK_AFTER.findall(text)


def _for_display(events):
    for event in events:
        event.actor_parts = _breakable(event.actor_label)
        event.verb_parts = _breakable(event.verb)
        event.target_type_parts = _breakable(event.target_type)
        event.request_id_parts = _breakable(event.request_id)
        event.role_label = _ROLE_LABELS.get(event.role, event.role)
        event.summary = _summary(event.data) if isinstance(event.data, dict) else str(event.data)
    return events


@login_required
def search_page(request):
    _require_permission(request.user)
    events = events_visible_to(request.user)
    form = _search_form(request)
    context = {"form": form}
    if form.is_valid():
        results = search(events, form.cleaned_data).select_related("organisation", "area")
        page = paginate_capped(request, results, PAGE_SIZE, COUNT_CAP)
        query = _query_without_page(request)
        context |= {
            "searched": True,
            "page": page,
            "count": f"more than {COUNT_CAP:,}" if page.paginator.more_than_cap else f"{page.paginator.count:,}",
            "count_cap": COUNT_CAP,
            "events": _for_display(list(page.object_list)),
            "pagination": pagination_links(page, query),
            "export_url": f"{reverse('audit:export')}?{query.urlencode()}",
        }
    return render(request, "audit/search.html", context)


@login_required
def export_csv(request):
    _require_permission(request.user)
    events = events_visible_to(request.user)
    form = _search_form(request)
    if not form.is_valid():
        # The search page shows the same form with its errors.
        return redirect(f"{reverse('audit:search')}?{_query_without_page(request).urlencode()}")
    export.record_export(request.user, form.filters_for_the_record(), area=form.cleaned_data.get("area"))
    response = StreamingHttpResponse(
        export.csv_lines(search(events, form.cleaned_data)), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{export.filename()}"'
    response["Cache-Control"] = "no-store"
    return response
