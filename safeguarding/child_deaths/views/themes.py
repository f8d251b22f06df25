"""Themed meetings of a panel, and the panel population warnings for national administrators."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.template.defaultfilters import pluralize
from django.views.decorators.http import require_http_methods

from safeguarding.core import permissions
from safeguarding.core.forms import add_action_errors
from safeguarding.core.pagination import paginate, pagination_links
from safeguarding.organisations.models import Role

from ..actions.themes import create_themed_meeting
from ..forms.themes import ThemedMeetingForm
from ..models import ChildDeathCase, Panel, ThemedMeeting
from ..models.cases import panel_area_ids
from ..populations import panel_populations

MEETINGS_PER_PAGE = 25


def _panels_seen_by(user):
    if permissions.national_roles(user):
        return Panel.objects.all()
    return Panel.objects.filter(areas__in=panel_area_ids(user)).distinct()


def _panels_managed_by(user):
    areas = permissions.area_ids_with_role(user, {Role.PANEL_MANAGER})
    return Panel.objects.filter(areas__in=areas).distinct()


@login_required
def themed_meetings(request):
    meetings = ThemedMeeting.objects.filter(panel__in=_panels_seen_by(request.user)).select_related("panel")
    page = paginate(request, meetings, MEETINGS_PER_PAGE)
    context = {
        "page": page,
        "pagination": pagination_links(page, request.GET),
        "may_arrange": _panels_managed_by(request.user).exists()
        and permissions.has_verified_second_factor(request.user),
    }
    return render(request, "child_deaths/themed_meetings.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def new_themed_meeting(request):
    panels = _panels_managed_by(request.user)
    if not panels.exists():
        raise Http404
    form = ThemedMeetingForm(request.POST if request.method == "POST" else None, panels=panels)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        panel = data.pop("panel")
        try:
            meeting = create_themed_meeting(request.user, panel, **data)
        except PermissionDenied:
            raise Http404 from None
        except ValidationError as error:
            add_action_errors(form, error)
        else:
            gathered = meeting.cases.count()
            messages.success(request, f"Themed meeting arranged with {gathered} case{pluralize(gathered)} gathered.")
            return redirect("child_deaths:themed-meeting", pk=meeting.pk)
    return render(request, "child_deaths/themed_meeting_new.html", {"form": form})


@login_required
def themed_meeting(request, pk):
    meeting = get_object_or_404(
        ThemedMeeting.objects.filter(panel__in=_panels_seen_by(request.user)).select_related("panel"), pk=pk
    )
    cases = ChildDeathCase.objects.visible_to(request.user).filter(themed_meetings=meeting).select_related("child")
    return render(request, "child_deaths/themed_meeting.html", {"meeting": meeting, "cases": cases})


@login_required
def panel_population_warnings(request):
    if not request.user.has_perm("child_deaths.view_panel_populations"):
        raise Http404
    rows = panel_populations()
    context = {
        "rows": rows,
        "below": [row for row in rows if row.below_minimum],
        "minimum": rows[0].minimum if rows else None,
    }
    return render(request, "child_deaths/panel_populations.html", context)
