"""Assessing a proposal against the criteria, then the decision with reasons."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from safeguarding.core.forms import add_action_errors

from ..actions import decision as actions
from ..forms import AssessForm, DecideForm
from ..states import AWAITING_DECISION
from .access import inquiry_or_404, national_page


@national_page("nsci.decide")
@require_http_methods(["GET", "POST"])
def assess(request, pk):
    inquiry = inquiry_or_404(request, pk, "nsci.decide")
    if inquiry.status not in AWAITING_DECISION:
        raise Http404
    which = request.POST.get("form") if request.method == "POST" else None
    assess_form = AssessForm(
        request.POST if which == "assess" else None,
        initial={"version": inquiry.version, **AssessForm.initial_from(actions.suggested_criteria(inquiry))},
    )
    decide_form = DecideForm(request.POST if which == "decide" else None, initial={"version": inquiry.version})
    failed = None
    if which in {"assess", "decide"}:
        form = assess_form if which == "assess" else decide_form
        if form.is_valid():
            data = form.cleaned_data
            try:
                if which == "assess":
                    actions.assess(request.user, inquiry, data["version"], answers=form.answers())
                else:
                    actions.decide(
                        request.user,
                        inquiry,
                        data["version"],
                        decision=data["decision"],
                        reasons=data["decision_reasons"],
                    )
            except ValidationError as error:
                add_action_errors(form, error)
            else:
                if which == "assess":
                    messages.success(request, "Criteria assessment saved: record the decision below")
                    return redirect("nsci:assess", pk=inquiry.pk)
                messages.success(request, f"Decision recorded: {inquiry.status_label.lower()}")
                return redirect("nsci:inquiry", pk=inquiry.pk)
        failed = form
    elif request.method == "POST":
        raise Http404
    return render(
        request,
        "nsci/assess.html",
        {"inquiry": inquiry, "assess_form": assess_form, "decide_form": decide_form, "form": failed},
    )
