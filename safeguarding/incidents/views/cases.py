"""The list of cases, the area dashboard by clock state, one case with its clocks, and its history."""

from django.db.models import Count
from django.shortcuts import render
from django.utils import timezone

from safeguarding.core import permissions
from safeguarding.core.clocks.deadlines import ClockState
from safeguarding.core.clocks.models import ClockPolicy
from safeguarding.core.pagination import paginate, pagination_links
from safeguarding.organisations.models import SafeguardingArea

from .. import clocks, disclosure
from ..models import Incident
from ..models.case import DASHBOARD_CLOCK_STATES, clock_state_filter
from ..states import IncidentStatus
from . import case_context
from .access import PAGE_SIZE, case_or_404, refusals_are_404


def _startable_areas(user):
    areas = SafeguardingArea.objects.filter(
        pk__in=permissions.area_ids_with_role(user, permissions.INCIDENT_STARTER_ROLES)
    )
    return [area for area in areas.order_by("name") if user.has_perm("incidents.start_notification", area)]


@refusals_are_404
def case_list(request):
    cases = Incident.objects.visible_to(request.user).select_related("area", "child")
    status = request.GET.get("status", "")
    if status in IncidentStatus.values:
        cases = cases.filter(status=status)
    if not permissions.area_ids_with_role(request.user):
        # National roles read submitted cases only: a draft is the area's until it is notified.
        cases = cases.exclude(status=IncidentStatus.DRAFT)
    page = paginate(request, cases, PAGE_SIZE)
    return render(
        request,
        "incidents/case_list.html",
        {
            "page": page,
            "pagination": pagination_links(page, request.GET),
            "statuses": IncidentStatus.choices,
            "status": status,
            "startable_areas": _startable_areas(request.user),
        },
    )


def _state_links(counts, chosen):
    """One link per clock state (and "all") with its count, keeping nothing else of the query but the state."""
    links = [("", "All open cases", sum(counts.values()))]
    links += [(state, ClockState.LABELS[state], counts[state]) for state in DASHBOARD_CLOCK_STATES]
    return [
        {"label": label, "count": count, "url": f"?state={state}" if state else "?", "current": state == chosen}
        for state, label, count in links
    ]


@refusals_are_404
def dashboard(request):
    """Open cases of the person's areas by the state of the clock now running, most urgent first, a page
    at a time. The states are found in the database from the clocks stored on each case."""
    today = timezone.localdate()
    cases = Incident.objects.visible_to(request.user).open().exclude(clock_key="")
    counts = cases.aggregate(
        **{state: Count("pk", filter=clock_state_filter(state, today)) for state in DASHBOARD_CLOCK_STATES}
    )
    state = request.GET.get("state", "")
    if state in DASHBOARD_CLOCK_STATES:
        cases = cases.with_clock_state(state, today)
    else:
        state = ""
    count = counts[state] if state else sum(counts.values())
    page = paginate(request, cases.select_related("area").by_urgency(today), PAGE_SIZE, count=count)
    policies = {policy.key: policy for policy in ClockPolicy.objects.filter(key__in=clocks.KEYS)}
    rows = [(incident, clocks.stored_clock(incident, today=today, policies=policies)) for incident in page]
    return render(
        request,
        "incidents/dashboard.html",
        {
            "today": today,
            "total": sum(counts.values()),
            "state": state,
            "state_label": ClockState.LABELS.get(state, ""),
            "state_links": _state_links(counts, state),
            "page": page,
            "rows": rows,
            "pagination": pagination_links(page, request.GET),
        },
    )


@refusals_are_404
def case_detail(request, pk):
    incident = case_or_404(request, pk)
    return render(request, "incidents/case_detail.html", case_context.for_case(request, incident))


@refusals_are_404
def case_history(request, pk):
    incident = case_or_404(request, pk)
    # The reasons given for each change (a rapid inquiry decision's, a publication's) are free text.
    return render(
        request,
        "incidents/case_history.html",
        {
            "incident": incident,
            "changes": incident.status_changes.select_related("changed_by"),
            "free_text": disclosure.reads_free_text(request.user, incident),
            "withheld": disclosure.WITHHELD,
        },
    )
