"""An area's strategic meetings and report requests, and the burden on one agency across its areas."""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from safeguarding.core import permissions
from safeguarding.core.forms import add_action_errors
from safeguarding.core.pagination import paginate, pagination_links
from safeguarding.organisations.models import Organisation

from ..actions.meetings import record_meeting, request_report
from ..burden import burden, same_titles_across_areas
from ..forms import BurdenForm, MeetingForm, ReportRequestForm
from ..models import ReportRequest, StrategicMeeting
from .common import area_for

MEETINGS_PER_PAGE = 25


@login_required
def meeting_list(request, slug):
    area = area_for(request, slug)
    meetings = (
        StrategicMeeting.objects.visible_to(request.user).filter(area=area).prefetch_related("attendance__organisation")
    )
    page = paginate(request, meetings, MEETINGS_PER_PAGE)
    return render(
        request,
        "arrangements/meetings/list.html",
        {
            "area": area,
            "page": page,
            "pagination": pagination_links(page, request.GET),
            "requests": ReportRequest.objects.visible_to(request.user)
            .filter(area=area)
            .select_related("organisation")[:50],
            "may_edit": request.user.has_perm("arrangements.edit", area),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def add_meeting(request, slug):
    area = area_for(request, slug, "arrangements.edit")
    form = MeetingForm(request.POST if request.method == "POST" else None, partners=area.partners.order_by("name"))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            record_meeting(
                request.user,
                area,
                title=data["title"],
                kind=data["kind"],
                held_on=data["held_on"],
                hours=data["hours"],
                attendance=form.attendance(),
            )
        except ValidationError as error:
            add_action_errors(form, error)
        else:
            messages.success(request, "Meeting recorded.")
            return redirect("arrangements:meetings", slug=area.slug)
    return render(request, "arrangements/meetings/form.html", {"area": area, "form": form, "title": "Record a meeting"})


@login_required
@require_http_methods(["GET", "POST"])
def add_report_request(request, slug):
    area = area_for(request, slug, "arrangements.edit")
    form = ReportRequestForm(request.POST if request.method == "POST" else None, area=area)
    if request.method == "POST" and form.is_valid():
        try:
            request_report(request.user, area, **form.cleaned_data)
        except ValidationError as error:
            add_action_errors(form, error)
        else:
            messages.success(request, "Report request recorded.")
            return redirect("arrangements:meetings", slug=area.slug)
    return render(
        request,
        "arrangements/meetings/form.html",
        {"area": area, "form": form, "title": "Record a report asked of an agency"},
    )


def _organisations_for(user):
    """The agencies whose burden the person may see: their own; every agency for national roles."""
    if permissions.national_roles(user):
        return Organisation.objects.exclude(kind="national_body")
    return Organisation.objects.filter(pk__in={m.organisation_id for m in permissions.memberships(user)})


@login_required
def agency_burden(request):
    organisations = _organisations_for(request.user)
    if not organisations.exists():
        raise Http404
    today = timezone.localdate()
    submitted = "organisation" in request.GET
    form = BurdenForm(
        request.GET if submitted else None,
        organisations=organisations,
        initial={"organisation": organisations.first(), "start": today - datetime.timedelta(days=365), "end": today},
    )
    rows = totals = repeated = None
    if submitted and form.is_valid():
        choice, start, end = form.cleaned_data["organisation"], form.cleaned_data["start"], form.cleaned_data["end"]
    elif not submitted:
        choice, start, end = organisations.first(), today - datetime.timedelta(days=365), today
    else:
        choice = None
    if choice is not None:
        rows, totals = burden(choice, start, end)
        repeated = same_titles_across_areas(rows)
    return render(
        request,
        "arrangements/meetings/burden.html",
        {"form": form, "rows": rows, "totals": totals, "repeated": repeated, "organisation": choice},
    )
