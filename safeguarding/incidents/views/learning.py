"""Pages of the findings and recommendations: the list with each recommendation's quality flags, and
a page to add or change each finding and recommendation. After a recommendation is saved its page
shows the flags again, so the writer sees them while the wording is fresh."""

import json

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from safeguarding.core.forms import add_action_errors

from .. import quality
from ..actions import learning as actions
from ..forms.learning import FindingForm, RecommendationForm
from ..models import Finding, Recommendation
from ..states import IncidentStatus
from .access import case_or_404, refusals_are_404


def _writing(request, pk):
    incident = case_or_404(request, pk, "incidents.write_findings")
    if incident.status != IncidentStatus.FINDINGS:
        raise Http404
    return incident


@refusals_are_404
def findings(request, pk):
    incident = _writing(request, pk)
    return render(
        request,
        "incidents/learning/findings.html",
        {
            "incident": incident,
            "findings": incident.findings.prefetch_related("agencies"),
            "recommendations": incident.recommendations.select_related("addressee", "finding"),
            "may_write_report": request.user.has_perm("incidents.write_report", incident),
        },
    )


def _finding_values(form):
    data = form.cleaned_data
    return {
        "what_happened": data["what_happened"],
        "why": data["why"],
        "journey_stage": data["journey_stage"],
        "kind": data["kind"],
        "agencies": list(data["agencies"]),
    }


@refusals_are_404
@require_http_methods(["GET", "POST"])
def finding(request, pk, finding_pk=None):
    incident = _writing(request, pk)
    existing = None
    if finding_pk is not None:
        existing = get_object_or_404(Finding.objects.visible_to(request.user), pk=finding_pk, incident=incident)
    initial = {}
    if existing is not None:
        initial = {
            "version": existing.version,
            "what_happened": existing.what_happened,
            "why": existing.why,
            "journey_stage": existing.journey_stage,
            "kind": existing.kind,
            "agencies": list(existing.agencies.all()),
        }
    form = FindingForm(request.POST or None, area=incident.area, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            if existing is None:
                actions.add_finding(request.user, incident, **_finding_values(form))
            else:
                actions.edit_finding(request.user, existing, form.cleaned_data["version"], **_finding_values(form))
        except ValidationError as error:
            add_action_errors(form, error)
        else:
            messages.success(request, "Finding saved")
            return redirect("incidents:findings", pk=incident.pk)
    return render(
        request, "incidents/learning/finding_form.html", {"incident": incident, "form": form, "finding": existing}
    )


def _recommendation_values(form):
    data = form.cleaned_data
    return {name: data[name] for name in ("finding", "addressee", "change", "outcome", "due_on")}


@refusals_are_404
@require_http_methods(["GET", "POST"])
def recommendation(request, pk, recommendation_pk=None):
    incident = _writing(request, pk)
    existing = None
    if recommendation_pk is not None:
        existing = get_object_or_404(
            Recommendation.objects.visible_to(request.user), pk=recommendation_pk, incident=incident
        )
    initial = {}
    if existing is not None:
        initial = {
            "version": existing.version,
            "finding": existing.finding_id,
            "addressee": existing.addressee_id,
            "change": existing.change,
            "outcome": existing.outcome,
            "due_on": existing.due_on,
        }
    form = RecommendationForm(
        request.POST or None, area=incident.area, findings=incident.findings.all(), initial=initial
    )
    if request.method == "POST" and form.is_valid():
        try:
            if existing is None:
                saved = actions.add_recommendation(request.user, incident, **_recommendation_values(form))
            else:
                saved = actions.edit_recommendation(
                    request.user, existing, form.cleaned_data["version"], **_recommendation_values(form)
                )
        except ValidationError as error:
            add_action_errors(form, error)
        else:
            flags = saved.quality_flags
            if flags:
                messages.warning(request, "Recommendation saved. The quality check has advice: see below")
            else:
                messages.success(request, "Recommendation saved. The quality check found nothing to improve")
            return redirect("incidents:edit-recommendation", pk=incident.pk, recommendation_pk=saved.pk)
    return render(
        request,
        "incidents/learning/recommendation_form.html",
        {
            "incident": incident,
            "form": form,
            "recommendation": existing,
            # The check's own rules, for the script that flags as the writer types.
            "vague_phrases": json.dumps([{"pattern": p, "why": why} for p, why in quality.VAGUE_PHRASES]),
        },
    )
