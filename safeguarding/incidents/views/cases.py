"""The list of cases, the area dashboard by clock state, one case with its clocks, and its history."""

from django.db.models import Prefetch
from django.shortcuts import render
from django.utils import timezone

from safeguarding.core import permissions
from safeguarding.core.clocks.deadlines import ClockState
from safeguarding.core.clocks.models import ClockPolicy
from safeguarding.core.pagination import paginate, pagination_links
from safeguarding.organisations.models import SafeguardingArea

from .. import clocks, disclosure
from ..models import ClockPause, Incident
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


@refusals_are_404
def dashboard(request):
    """Open cases of the person's areas, grouped by the state of the clock now running."""
    today = timezone.localdate()
    policies = {policy.key: policy for policy in ClockPolicy.objects.filter(key__in=clocks.KEYS)}
    cases = (
        Incident.objects.visible_to(request.user)
        .open()
        .select_related("area", "rapid_inquiry")
        .prefetch_related(Prefetch("pauses", queryset=ClockPause.objects.visible_to(request.user)))
        .order_by("area__name", "submitted_at")
    )
    order = [ClockState.OVERDUE, ClockState.DUE_SOON, ClockState.PAUSED, ClockState.RUNNING]
    groups = {state: [] for state in order}
    for incident in cases:
        current = clocks.current_clock(incident, today=today, policies=policies, pauses=list(incident.pauses.all()))
        if current is not None and current.clock.state in groups:
            groups[current.clock.state].append((incident, current.clock))
    rows = [(ClockState.LABELS[state], ClockState.TAG_CLASSES[state], groups[state]) for state in order]
    return render(
        request,
        "incidents/dashboard.html",
        {"groups": rows, "today": today, "total": sum(len(g) for g in groups.values())},
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
