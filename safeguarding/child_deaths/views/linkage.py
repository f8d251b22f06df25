"""The panel manager decides proposed links, and undoes confirmed ones."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from safeguarding.core.forms import add_action_errors

from ..actions.linkage import confirm_link, reject_link, undo_link
from ..forms.linkage import LinkDecisionForm, UndoLinkForm
from ..models import LinkCandidate


def _candidate(request, pk):
    candidates = LinkCandidate.objects.visible_to(request.user).select_related(
        "case", "notification__case", "from_case", "model"
    )
    candidate = get_object_or_404(candidates, pk=pk)
    if not request.user.has_perm("child_deaths.manage_case", candidate.case):
        raise Http404
    return candidate


@login_required
@require_http_methods(["GET", "POST"])
def decide_link(request, pk):
    candidate = _candidate(request, pk)
    form = LinkDecisionForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            if data["decision"] == "confirm":
                source = candidate.notification.case
                confirm_link(request.user, candidate, data["reason"])
                messages.success(
                    request, f"Link confirmed: the notification on {source} is now part of {candidate.case}."
                )
            else:
                reject_link(request.user, candidate, data["reason"])
                messages.success(request, "Proposed link rejected.")
        except PermissionDenied:
            raise Http404 from None
        except ValidationError as error:
            add_action_errors(form, error)
        else:
            return redirect("child_deaths:case", reference=candidate.case.reference)
    return render(request, "child_deaths/link_decision.html", {"candidate": candidate, "form": form})


@login_required
@require_http_methods(["GET", "POST"])
def undo(request, pk):
    candidate = _candidate(request, pk)
    if candidate.decision != LinkCandidate.Decision.CONFIRMED:
        raise Http404
    form = UndoLinkForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            undo_link(request.user, candidate, form.cleaned_data["reason"])
        except PermissionDenied:
            raise Http404 from None
        except ValidationError as error:
            add_action_errors(form, error)
        else:
            messages.success(request, f"Link undone: the notification is back on {candidate.from_case}.")
            return redirect("child_deaths:case", reference=candidate.case.reference)
    return render(request, "child_deaths/link_undo.html", {"candidate": candidate, "form": form})


@login_required
@require_http_methods(["GET", "POST"])
def batch(request):
    """National administrators compare every open notification at once; a long job does it."""
    from safeguarding.jobs.models import JobRun

    from ..actions.linkage_batch import BATCH_JOB, request_batch_linkage
    from ..actions.linkage_models import current_model

    if not request.user.has_perm("child_deaths.run_batch_linkage"):
        raise Http404
    if request.method == "POST":
        run = request_batch_linkage(request.user)
        messages.success(request, "The open notifications are being compared")
        return redirect("jobs:run", pk=run.pk)
    version, _model = current_model()
    runs = JobRun.objects.filter(job=BATCH_JOB).select_related("requested_by")[:5]
    return render(request, "child_deaths/batch_linkage.html", {"runs": runs, "version": version})
