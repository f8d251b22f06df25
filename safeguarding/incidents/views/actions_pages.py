"""Pages of the actions that answer recommendations: set them, follow them to evidence of impact,
and the list of overdue actions across the person's areas."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from safeguarding.core.forms import add_action_errors
from safeguarding.core.pagination import paginate, pagination_links

from .. import disclosure, evidence
from ..actions import learning as actions
from ..forms.learning import ActionForm, ActionProgressForm
from ..models import Action, Recommendation
from .access import PAGE_SIZE, case_or_404, refusals_are_404


def _following_up(request, pk):
    incident = case_or_404(request, pk, "incidents.manage_actions")
    if incident.status not in actions.ACTION_STATES:
        raise Http404
    return incident


@refusals_are_404
def action_list(request, pk):
    incident = _following_up(request, pk)
    recommendations = incident.recommendations.select_related("addressee").prefetch_related("actions")
    return render(
        request,
        "incidents/actions/list.html",
        {"incident": incident, "recommendations": recommendations, "today": timezone.localdate()},
    )


@refusals_are_404
@require_http_methods(["GET", "POST"])
def add_action(request, pk, recommendation_pk):
    incident = _following_up(request, pk)
    recommendation = get_object_or_404(
        Recommendation.objects.visible_to(request.user).select_related("addressee"),
        pk=recommendation_pk,
        incident=incident,
    )
    form = ActionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            actions.add_action(request.user, recommendation, **form.cleaned_data)
        except ValidationError as error:
            add_action_errors(form, error)
        else:
            messages.success(request, "Action added")
            return redirect("incidents:actions", pk=incident.pk)
    return render(
        request, "incidents/actions/add.html", {"incident": incident, "recommendation": recommendation, "form": form}
    )


@refusals_are_404
@require_http_methods(["GET", "POST"])
def edit_action(request, pk, action_pk):
    incident = _following_up(request, pk)
    action = get_object_or_404(
        Action.objects.visible_to(request.user).select_related("recommendation__addressee"),
        pk=action_pk,
        recommendation__incident=incident,
    )
    form = ActionProgressForm(
        request.POST or None,
        request.FILES or None,
        initial={"version": action.version, "status": action.status, "evidence_of_impact": action.evidence_of_impact},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            actions.update_action(
                request.user,
                action,
                data["version"],
                status=data["status"],
                evidence_of_impact=data["evidence_of_impact"],
                evidence_file=data.get("evidence_file"),
            )
        except ValidationError as error:
            add_action_errors(form, error)
        else:
            messages.success(request, "Progress saved")
            return redirect("incidents:actions", pk=incident.pk)
    return render(
        request,
        "incidents/actions/edit.html",
        {"incident": incident, "action": action, "form": form, "today": timezone.localdate()},
    )


@refusals_are_404
@require_http_methods(["GET"])
def evidence_file(request, pk, action_pk):
    """The action's evidence file, as an attachment, to those who follow the case's actions up (the
    case's scope first: anything outside it answers 404). Every download is audited."""
    incident = case_or_404(request, pk, "incidents.manage_actions")
    action = get_object_or_404(Action.objects.visible_to(request.user), pk=action_pk, recommendation__incident=incident)
    if not evidence.exists(action.evidence_file_path):
        raise Http404
    actions.record_evidence_download(request.user, action)
    response = FileResponse(
        evidence.open_stored(action.evidence_file_path),
        as_attachment=True,
        filename=action.evidence_file_name or "evidence",
        content_type=action.evidence_file_type or "application/octet-stream",
    )
    # Never rendered by the browser as a page, and never kept in a shared cache.
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


@refusals_are_404
def overdue_actions(request):
    today = timezone.localdate()
    overdue = (
        Action.objects.visible_to(request.user)
        .overdue(today)
        .select_related("recommendation__incident__area", "recommendation__addressee")
        .order_by("due_on", "pk")
    )
    page = paginate(request, overdue, PAGE_SIZE)
    # National roles list every area's overdue actions, but an action's wording stays with its area.
    free_text_area_ids = disclosure.free_text_area_ids(request.user)
    return render(
        request,
        "incidents/actions/overdue.html",
        {
            "page": page,
            "pagination": pagination_links(page, request.GET),
            "today": today,
            "free_text_area_ids": free_text_area_ids,
            "withheld": disclosure.WITHHELD
            if any(a.recommendation.incident.area_id not in free_text_area_ids for a in page.object_list)
            else "",
        },
    )
