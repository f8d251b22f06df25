"""The local learning inquiry page: set-up (terms of reference, methodology with its guidance, lead
reviewer from the eligible reviewers, with why others are excluded), involvement of practitioners and
family, and moving on to findings."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from safeguarding.core.forms import add_action_errors

from ..actions import lli as actions
from ..forms.lli import InvolvementForm, SetUpForm
from ..models import Methodology
from ..states import IncidentStatus
from .access import case_or_404, refusals_are_404


@refusals_are_404
@require_http_methods(["GET", "POST"])
def lli(request, pk):
    incident = case_or_404(request, pk, "incidents.run_lli")
    if incident.status != IncidentStatus.LLI:
        raise Http404
    inquiry = incident.lli
    which = request.POST.get("form") if request.method == "POST" else None
    # Only reviewers on the national register who pass the independence check are offered (Wood para 173).
    eligible, excluded = actions.lead_reviewer_choices(incident)
    reviewers = actions.reviewers_of(incident.area).filter(pk__in=[user.pk for user in eligible])
    setup = SetUpForm(
        request.POST if which == "setup" else None,
        reviewers=reviewers,
        initial={
            "version": inquiry.version,
            "terms_of_reference": inquiry.terms_of_reference,
            "methodology": inquiry.methodology_id,
            "lead_reviewer": inquiry.lead_reviewer_id,
        },
    )
    involvement = InvolvementForm(request.POST if which == "involvement" else None)
    failed = None
    if which == "finish":
        try:
            actions.begin_findings(request.user, incident)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("incidents:lli", pk=incident.pk)
        messages.success(request, "The inquiry moves on to its findings and recommendations")
        return redirect("incidents:case", pk=incident.pk)
    if which in {"setup", "involvement"}:
        form = setup if which == "setup" else involvement
        if form.is_valid():
            try:
                if which == "setup":
                    data = form.cleaned_data
                    actions.save_set_up(
                        request.user,
                        inquiry,
                        data["version"],
                        terms_of_reference=data["terms_of_reference"],
                        methodology=data["methodology"],
                        lead_reviewer=data["lead_reviewer"],
                    )
                else:
                    actions.record_involvement(request.user, incident, **form.cleaned_data)
            except ValidationError as error:
                add_action_errors(form, error)
            else:
                messages.success(request, "Saved")
                return redirect("incidents:lli", pk=incident.pk)
        failed = form
    elif request.method == "POST":
        raise Http404
    context = {
        "incident": incident,
        "inquiry": inquiry,
        "setup": setup,
        "involvement": involvement,
        "form": failed,
        "methodologies": Methodology.objects.filter(is_active=True),
        "involvements": incident.involvements.all(),
        "has_reviewers": bool(eligible),
        "excluded_reviewers": excluded,
    }
    return render(request, "incidents/lli.html", context)
