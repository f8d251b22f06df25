"""Pages to ask for a pause of the clocks, decide it (national administrators), and end it."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from safeguarding.core.forms import add_action_errors

from ..actions import pauses as actions
from ..forms.pauses import PauseDecisionForm, PauseEndForm, PauseRequestForm
from ..models import ClockPause, PauseDecision
from .access import case_or_404, refusals_are_404


@refusals_are_404
@require_http_methods(["GET", "POST"])
def request_pause(request, pk):
    incident = case_or_404(request, pk, "incidents.request_pause")
    form = PauseRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            actions.request_pause(request.user, incident, **form.cleaned_data)
        except ValidationError as error:
            add_action_errors(form, error)
        else:
            messages.success(request, "Pause requested: the national body will decide on it")
            return redirect("incidents:case", pk=incident.pk)
    return render(
        request,
        "incidents/pause_form.html",
        {"form": form, "incident": incident, "heading": "Ask to pause the clocks", "button": "Ask the national body"},
    )


def _pause_or_404(request, pk, pause_pk, perm):
    incident = case_or_404(request, pk, perm)
    return get_object_or_404(ClockPause.objects.visible_to(request.user).filter(incident=incident), pk=pause_pk)


@refusals_are_404
@require_http_methods(["GET", "POST"])
def decide_pause(request, pk, pause_pk):
    pause = _pause_or_404(request, pk, pause_pk, "incidents.decide_pause")
    if pause.decision != PauseDecision.REQUESTED:
        raise Http404
    form = PauseDecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            actions.decide_pause(
                request.user,
                pause,
                accept=form.cleaned_data["decision"] == "accept",
                reason=form.cleaned_data["decision_reason"],
            )
        except ValidationError as error:
            add_action_errors(form, error)
        else:
            messages.success(request, f"Pause {pause.get_decision_display().lower()}")
            return redirect("incidents:case", pk=pause.incident_id)
    return render(
        request,
        "incidents/pause_form.html",
        {
            "form": form,
            "incident": pause.incident,
            "pause": pause,
            "heading": "Decide on a pause of the clocks",
            "button": "Record the decision",
        },
    )


@refusals_are_404
@require_http_methods(["GET", "POST"])
def end_pause(request, pk, pause_pk):
    pause = _pause_or_404(request, pk, pause_pk, "incidents.request_pause")
    if pause.ended_on is not None or pause.decision == PauseDecision.REFUSED:
        raise Http404
    form = PauseEndForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            actions.end_pause(request.user, pause, ended_on=form.cleaned_data["ended_on"])
        except ValidationError as error:
            add_action_errors(form, error)
        else:
            messages.success(request, "Pause ended: the clocks run again")
            return redirect("incidents:case", pk=pause.incident_id)
    return render(
        request,
        "incidents/pause_form.html",
        {
            "form": form,
            "incident": pause.incident,
            "pause": pause,
            "heading": "End the pause",
            "button": "End the pause",
        },
    )
