"""The rapid inquiry page (for its lead), its start, and the lead chief officers' sign-off."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from safeguarding.core.forms import add_action_errors

from ..actions import rapid_inquiry as actions
from ..forms.rapid_inquiry import (
    DecisionForm,
    EngagementForm,
    SafetyActionForm,
    SignOffForm,
    SummaryReceivedForm,
    SummaryRequestForm,
)
from ..models import AgencySummaryRequest
from ..states import IncidentStatus
from .access import case_or_404, refusals_are_404


@refusals_are_404
@require_http_methods(["GET", "POST"])
def start(request, pk):
    incident = case_or_404(request, pk, "incidents.run_rapid_inquiry")
    if incident.status != IncidentStatus.SUBMITTED:
        raise Http404
    if request.method == "POST":
        actions.start_rapid_inquiry(request.user, incident)
        messages.success(request, "Rapid inquiry started: you lead it")
        return redirect("incidents:rapid-inquiry", pk=incident.pk)
    return render(request, "incidents/rapid_inquiry_start.html", {"incident": incident})


def _forms(incident, data=None, which=None):
    area = incident.area
    inquiry = incident.rapid_inquiry

    def bound(name):
        return data if which == name else None

    return {
        "request": SummaryRequestForm(bound("request"), area=area),
        "received": SummaryReceivedForm(bound("received")),
        "engagement": EngagementForm(bound("engagement"), area=area),
        "safety": SafetyActionForm(bound("safety"), area=area),
        "decision": DecisionForm(
            bound("decision"),
            initial={
                "version": inquiry.version,
                "initial_assessment": inquiry.initial_assessment,
                "decision": inquiry.decision,
                "decision_reasons": inquiry.decision_reasons,
            },
        ),
    }


def _apply(request, incident, which, form):
    data = form.cleaned_data
    if which == "request":
        actions.request_summary(
            request.user,
            incident,
            organisation=data["organisation"],
            due_on=data["due_on"],
            contact_email=data["contact_email"],
        )
        return "Summary requested"
    if which == "received":
        summary_request = get_object_or_404(
            AgencySummaryRequest.objects.visible_to(request.user).filter(incident=incident), pk=data["request_id"]
        )
        actions.record_summary(request.user, summary_request, received_on=data["received_on"], summary=data["summary"])
        return "Summary recorded"
    if which == "engagement":
        actions.log_engagement(
            request.user,
            incident,
            organisation=data["organisation"],
            practitioner_role=data["practitioner_role"],
            engaged_on=data["engaged_on"],
            how=data["how"],
        )
        return "Practitioner engagement recorded"
    if which == "safety":
        actions.record_safety_action(
            request.user,
            incident,
            organisation=data["organisation"],
            description=data["description"],
            taken_on=data["taken_on"],
        )
        return "Safety action recorded"
    cleared = actions.save_decision(
        request.user,
        incident.rapid_inquiry,
        data["version"],
        initial_assessment=data["initial_assessment"],
        decision=data["decision"],
        decision_reasons=data["decision_reasons"],
        national_summary=data["national_summary"],
    )
    if cleared:
        given = "1 sign-off already given was" if cleared == 1 else f"{cleared} sign-offs already given were"
        return f"Decision saved. The {given} cleared: the lead chief officers must sign off again"
    return "Assessment and decision saved"


@refusals_are_404
@require_http_methods(["GET", "POST"])
def rapid_inquiry(request, pk):
    incident = case_or_404(request, pk, "incidents.run_rapid_inquiry")
    if incident.status != IncidentStatus.RAPID_INQUIRY:
        raise Http404
    which = request.POST.get("form") if request.method == "POST" else None
    forms = _forms(incident, request.POST, which)
    failed = None
    if which in forms:
        form = forms[which]
        if form.is_valid():
            try:
                done = _apply(request, incident, which, form)
            except ValidationError as error:
                add_action_errors(form, error)
            else:
                messages.success(request, done)
                return redirect("incidents:rapid-inquiry", pk=incident.pk)
        failed = form
    elif request.method == "POST":
        raise Http404
    context = {
        "incident": incident,
        "inquiry": incident.rapid_inquiry,
        "forms": forms,
        "form": failed,  # the error summary shows the form that failed
        "requests": incident.summary_requests.select_related("organisation"),
        "engagements": incident.engagements.select_related("organisation"),
        "safety_actions": incident.safety_actions.select_related("organisation"),
        "sign_offs": incident.sign_offs.select_related("signed_by", "organisation"),
        "today": timezone.localdate(),
    }
    return render(request, "incidents/rapid_inquiry.html", context)


@refusals_are_404
@require_POST
def remind_summary(request, pk, request_pk):
    incident = case_or_404(request, pk, "incidents.run_rapid_inquiry")
    if incident.status != IncidentStatus.RAPID_INQUIRY:
        raise Http404
    summary_request = get_object_or_404(
        AgencySummaryRequest.objects.visible_to(request.user).filter(incident=incident).select_related("organisation"),
        pk=request_pk,
    )
    try:
        actions.remind_summary(request.user, summary_request)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"Reminder sent to {summary_request.organisation} at {summary_request.contact_email}")
    return redirect("incidents:rapid-inquiry", pk=incident.pk)


@refusals_are_404
@require_http_methods(["GET", "POST"])
def sign_off(request, pk):
    incident = case_or_404(request, pk, "incidents.sign_off_decision")
    if incident.status != IncidentStatus.RAPID_INQUIRY:
        raise Http404
    inquiry = incident.rapid_inquiry
    form = SignOffForm(request.POST or None, initial={"decision_version": inquiry.version})
    if request.method == "POST" and form.is_valid():
        try:
            actions.sign_off_decision(request.user, incident, decision_version=form.cleaned_data["decision_version"])
        except ValidationError as error:
            add_action_errors(form, error)
        else:
            incident.refresh_from_db()
            if incident.status == IncidentStatus.RAPID_INQUIRY:
                messages.success(
                    request, "Signed off. The decision is final once all three partners have signed it off"
                )
            else:
                messages.success(
                    request,
                    "Signed off. All three partners have signed: the case is now "
                    f"{incident.get_status_display().lower()}",
                )
            return redirect("incidents:case", pk=incident.pk)
    return render(
        request,
        "incidents/sign_off.html",
        {
            "incident": incident,
            "inquiry": inquiry,
            "form": form,
            "sign_offs": incident.sign_offs.select_related("signed_by", "organisation"),
        },
    )
