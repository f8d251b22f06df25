"""Pages of the notification: start a draft in an area, fill it in (saved as a draft at any point), submit it."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from safeguarding.core.forms import add_action_errors
from safeguarding.organisations.models import SafeguardingArea

from ..actions import notification as actions
from ..forms.notification import NotificationForm
from ..states import IncidentStatus
from .access import case_or_404, refusals_are_404


def _with_identity(user, area, incident=None):
    return user.has_perm("core.view_identity", area) and (incident is None or incident.child_id is None)


@refusals_are_404
@require_http_methods(["GET", "POST"])
def start(request, area_slug):
    area = get_object_or_404(SafeguardingArea, slug=area_slug)
    if not request.user.has_perm("incidents.start_notification", area):
        raise Http404
    with_identity = _with_identity(request.user, area)
    form = NotificationForm(request.POST or None, area=area, with_identity=with_identity)
    if request.method == "POST" and form.is_valid():
        try:
            incident = actions.start_notification(request.user, area, form.case_data(), identity=form.identity())
        except ValidationError as error:
            add_action_errors(form, error)
        else:
            messages.success(request, f"Draft notification {incident.reference} saved")
            return redirect("incidents:notification", pk=incident.pk)
    return render(request, "incidents/notification_form.html", {"form": form, "area": area, "incident": None})


@refusals_are_404
@require_http_methods(["GET", "POST"])
def edit(request, pk):
    incident = case_or_404(request, pk, "incidents.edit_draft")
    if incident.status != IncidentStatus.DRAFT:
        messages.info(request, "This notification has been submitted; it is shown on the case page")
        return redirect("incidents:case", pk=incident.pk)
    with_identity = _with_identity(request.user, incident.area, incident)
    may_submit = request.user.has_perm("incidents.submit_notification", incident)
    form = NotificationForm(
        request.POST or None,
        area=incident.area,
        with_identity=with_identity,
        initial=NotificationForm.initial_from(incident),
    )
    submitting = request.POST.get("action") == "submit"
    if request.method == "POST" and submitting and not may_submit:
        raise Http404
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                # Saved and submitted together: a refused submission leaves the draft as it was.
                actions.save_draft(
                    request.user,
                    incident,
                    form.cleaned_data["version"] or 0,
                    form.case_data(),
                    identity=form.identity(),
                )
                if submitting:
                    actions.submit_notification(request.user, incident, incident.version)
        except ValidationError as error:
            incident.refresh_from_db()
            add_action_errors(form, error)
        else:
            if submitting:
                messages.success(request, f"Notification {incident.reference} submitted")
                return redirect("incidents:case", pk=incident.pk)
            messages.success(request, f"Draft notification {incident.reference} saved")
            return redirect("incidents:notification", pk=incident.pk)
    context = {
        "form": form,
        "area": incident.area,
        "incident": incident,
        "may_submit": may_submit,
        "eligibility": actions.eligibility_of(incident),
        "missing": actions.missing_to_submit(incident),
    }
    return render(request, "incidents/notification_form.html", context)
