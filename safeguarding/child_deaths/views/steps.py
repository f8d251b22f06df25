"""Pages for the steps of a case after notification: each calls one action and shows its errors."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from safeguarding.core.forms import add_action_errors

from ..actions import response as response_actions
from ..actions import review as review_actions
from ..actions import serious_incident as serious_incident_actions
from ..forms.steps import (
    FamilyContactForm,
    MeetingForm,
    PanelReviewForm,
    ResponseForm,
    SeriousIncidentLinkForm,
)
from .common import managed_case, visible_case


def _page(request, case, form, *, title, caption, button, intro="", extra=None):
    context = {"case": case, "form": form, "title": title, "caption": caption, "button": button, "intro": intro}
    context.update(extra or {})
    return render(request, "child_deaths/step_form.html", context)


def _run(form, change):
    """Calls the action; puts its errors on the form. True when the change was stored."""
    try:
        change()
    except PermissionDenied:
        raise Http404 from None
    except ValidationError as error:
        add_action_errors(form, error)
        return False
    return True


def _initial(instance, fields):
    if instance is None:
        return {}
    return {field: getattr(instance, field) for field in fields} | {"version": instance.version}


@login_required
@require_http_methods(["GET", "POST"])
def joint_agency_response(request, reference):
    case = visible_case(request, reference)
    if not request.user.has_perm("child_deaths.record_response", case) or not case.needs_joint_agency_response:
        raise Http404
    existing = getattr(case, "jar", None)
    form = ResponseForm(
        request.POST if request.method == "POST" else None, initial=_initial(existing, response_actions.JAR_FIELDS)
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if _run(form, lambda: response_actions.save_response(request.user, case, data, version=data["version"])):
            messages.success(request, "Joint agency response saved.")
            return redirect("child_deaths:case", reference=case.reference)
    return _page(
        request,
        case,
        form,
        title="Joint agency response",
        caption=case.reference,
        button="Save the response",
        intro="Police, health and children's social care respond together to an unexpected death.",
        extra={"contacts": case.family_contacts.all(), "show_contacts": existing is not None},
    )


@login_required
@require_http_methods(["GET", "POST"])
def family_contact(request, reference):
    case = visible_case(request, reference)
    if not request.user.has_perm("child_deaths.record_response", case):
        raise Http404
    form = FamilyContactForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if _run(form, lambda: response_actions.add_family_contact(request.user, case, **data)):
            messages.success(request, "Contact added to the family's log.")
            return redirect("child_deaths:case", reference=case.reference)
    return _page(
        request,
        case,
        form,
        title="Add a contact with the family",
        caption=case.reference,
        button="Add the contact",
        intro="The log is add-only: entries cannot be changed once added.",
    )


@login_required
@require_http_methods(["GET", "POST"])
def meeting(request, reference):
    case = managed_case(request, reference)
    existing = getattr(case, "review_meeting", None)
    form = MeetingForm(
        request.POST if request.method == "POST" else None, initial=_initial(existing, review_actions.MEETING_FIELDS)
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if _run(form, lambda: review_actions.record_meeting(request.user, case, data, version=data["version"])):
            messages.success(request, "Review meeting recorded.")
            return redirect("child_deaths:case", reference=case.reference)
    return _page(
        request,
        case,
        form,
        title="Child death review meeting",
        caption=case.reference,
        button="Save the meeting",
        intro="The professionals who knew the child meet to share what happened and draft the analysis for the panel.",
    )


@login_required
@require_http_methods(["GET", "POST"])
def panel_review(request, reference):
    case = managed_case(request, reference)
    existing = getattr(case, "panel_review", None)
    if existing is not None and existing.final:
        raise Http404
    form = PanelReviewForm(
        request.POST if request.method == "POST" else None, initial=_initial(existing, review_actions.REVIEW_FIELDS)
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        final = "finalise" in request.POST
        saved = _run(
            form,
            lambda: review_actions.save_review(request.user, case, data, version=data["version"], final=final),
        )
        if saved:
            messages.success(request, "Panel review final: the case is closed." if final else "Panel review saved.")
            return redirect("child_deaths:case", reference=case.reference)
    return render(request, "child_deaths/panel_review.html", {"case": case, "form": form, "review": existing})


@login_required
@require_http_methods(["GET", "POST"])
def serious_incident(request, reference):
    case = managed_case(request, reference)
    review = getattr(case, "panel_review", None)
    if review is None or review.serious_incident_prompted_at is None:
        raise Http404
    incidents = review_actions.linkable_incidents(request.user, case)
    form = SeriousIncidentLinkForm(
        request.POST if request.method == "POST" else None,
        initial={"incident": review.serious_incident_id},
        incidents=incidents,
        case=case,
    )
    if request.method == "POST" and form.is_valid():
        incident = form.cleaned_data["incident"]
        if _run(form, lambda: review_actions.link_serious_incident(request.user, case, incident)):
            messages.success(request, f"Serious incident {incident.reference} linked to this case.")
            return redirect("child_deaths:case", reference=case.reference)
    intro = (
        "The panel recorded category 1 or suspected abuse or neglect, so the local safeguarding partners "
        "must be told of a serious incident: the local authority notifies it. Once it is notified, choose it here "
        "to link the two cases."
    )
    if review.serious_incident_legacy_reference:
        intro += f" Recorded before as text: “{review.serious_incident_legacy_reference}”."
    asking = {
        "case": case,
        "intro": intro,
        "may_start": _may_start_incident(request.user, case),
        # The local authority may be asked for the notification until one is linked or a draft waits.
        "may_ask": review.serious_incident_id is None and not _waiting_draft(review),
        "waiting": _waiting_draft(review),
    }
    if not incidents.exists():
        return render(request, "child_deaths/serious_incident_none.html", asking)
    return _page(
        request,
        case,
        form,
        title="Link the serious incident notification",
        caption=case.reference,
        button="Link the serious incident",
        intro=intro,
        extra={"after_form": "child_deaths/includes/ask_for_serious_incident.html", **asking},
    )


def _waiting_draft(review):
    from safeguarding.incidents.states import IncidentStatus

    requested = review.serious_incident_requested
    return requested if requested is not None and requested.status == IncidentStatus.DRAFT else None


@login_required
@require_http_methods(["POST"])
def request_serious_incident(request, reference):
    """The panel manager asks the local authority for the notification (a draft pre-filled from the death)."""
    case = managed_case(request, reference)
    try:
        incident = serious_incident_actions.request_serious_incident_notification(request.user, case)
    except PermissionDenied:
        raise Http404 from None
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("child_deaths:serious-incident", reference=case.reference)
    messages.success(
        request,
        f"The local authority of {case.area.name} is asked to notify the serious incident: draft notification "
        f"{incident.reference} is filled in from this death. It is linked to this case once they submit it.",
    )
    return redirect("child_deaths:case", reference=case.reference)


def _may_start_incident(user, case):
    return user.has_perm("incidents.start_notification", case.area)
