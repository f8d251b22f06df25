"""The requester's side: ask an agency's contact for a return by secure link; each link's state; resend; cancel."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from safeguarding.child_deaths.models import AgencyReport, Notification
from safeguarding.core import audit
from safeguarding.core.forms import add_action_errors
from safeguarding.core.pagination import paginate, pagination_links
from safeguarding.incidents import evidence
from safeguarding.incidents.models import AgencySummaryRequest

from . import actions
from .forms import RequestInformationForm, RequestReturnForm
from .models import ReturnKind, ReturnRequest

PER_PAGE = 25


def _back_url(target):
    if target.kind in {ReturnKind.AGENCY_REPORT, ReturnKind.MORE_INFORMATION}:
        return reverse("child_deaths:case", args=[target.case.reference])
    return reverse("incidents:rapid-inquiry", args=[target.case.pk])


def _request_return(request, obj, form_class=RequestReturnForm, initial=None):
    if not actions.may_manage(request.user, obj):
        raise Http404
    target = actions.target_of(obj)
    form = form_class(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            actions.request_return(request.user, obj, **form.cleaned_data)
        except PermissionDenied:
            raise Http404 from None
        except ValidationError as error:
            add_action_errors(form, error)
        else:
            messages.success(request, f"Secure link sent to {form.cleaned_data['contact_email'].strip().lower()}.")
            return redirect("returns:list")
    context = {"form": form, "target": target, "back_url": _back_url(target)}
    return render(request, "returns/request.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def request_for_report(request, pk):
    reports = AgencyReport.objects.visible_to(request.user).select_related("case__area", "organisation")
    return _request_return(request, get_object_or_404(reports, pk=pk))


@login_required
@require_http_methods(["GET", "POST"])
def request_for_summary(request, pk):
    summaries = AgencySummaryRequest.objects.visible_to(request.user).select_related("incident__area", "organisation")
    return _request_return(request, get_object_or_404(summaries, pk=pk))


@login_required
@require_http_methods(["GET", "POST"])
def request_for_information(request, pk):
    """The panel manager asks the notifier of a death notified from outside for more, by the same route."""
    notifications = Notification.objects.visible_to(request.user).select_related("case__area")
    notification = get_object_or_404(notifications, pk=pk, received_from_outside=True)
    email = next((part.strip() for part in notification.notifier_contact.split(",") if "@" in part), "")
    initial = {"contact_name": notification.notifier_name, "contact_email": email}
    return _request_return(request, notification, RequestInformationForm, initial)


def _managed_requests(user):
    rows = (
        ReturnRequest.objects.visible_to(user)
        .select_related(
            "organisation",
            "agency_report__case__area",
            "agency_report__organisation",
            "summary_request__incident__area",
            "summary_request__organisation",
            "notification__case__area",
        )
        .prefetch_related("files")
        .order_by("-created_at", "-pk")
    )
    return [row for row in rows if actions.may_manage(user, row)]


@login_required
def request_list(request):
    """The links the person may manage: each one's state, with resend and cancel."""
    page = paginate(request, _managed_requests(request.user), PER_PAGE)
    today = timezone.localdate()
    for row in page.object_list:
        row.state_label = row.display_state(today)
    context = {"page": page, "pagination": pagination_links(page, request.GET)}
    return render(request, "returns/request_list.html", context)


def _managed(request, pk):
    row = get_object_or_404(ReturnRequest.objects.visible_to(request.user), pk=pk)
    if not actions.may_manage(request.user, row):
        raise Http404
    return row


@login_required
@require_POST
def resend(request, pk):
    row = _managed(request, pk)
    try:
        actions.resend(request.user, row)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"A new link was sent to {row.contact_email}. The earlier link no longer works.")
    return redirect("returns:list")


@login_required
@require_POST
def cancel(request, pk):
    row = _managed(request, pk)
    try:
        actions.cancel(request.user, row)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"The link sent to {row.contact_email} has been cancelled: it no longer works.")
    return redirect("returns:list")


@login_required
def download(request, pk, file_pk):
    """A file an agency's contact attached, to the people who asked for the return (as its answers)."""
    row = _managed(request, pk)
    stored = get_object_or_404(row.files, pk=file_pk)
    if not evidence.exists(stored.path):
        raise Http404
    target = actions.target_of(row.target)
    audit.record(
        request.user,
        "return.file_downloaded",
        target.case,
        {"return_request": row.pk, "file": stored.pk},
        area=row.area,
    )
    return FileResponse(
        evidence.open_stored(stored.path),
        as_attachment=True,
        filename=stored.original_name,
        content_type=stored.content_type,
    )
