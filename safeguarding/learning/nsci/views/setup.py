"""Setting up an accepted inquiry: terms of reference, methodology and the independent team. The page
offers only reviewers who pass the independence check and lists the others with the reasons."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from safeguarding.core.forms import add_action_errors
from safeguarding.incidents.models import Methodology
from safeguarding.learning.reviewers import independence

from ..actions import setup as actions
from ..forms import SetUpForm
from ..states import InquiryStatus
from .access import inquiry_or_404, national_page


@national_page("nsci.set_up")
@require_http_methods(["GET", "POST"])
def set_up(request, pk):
    inquiry = inquiry_or_404(request, pk, "nsci.set_up")
    if inquiry.status != InquiryStatus.ACCEPTED:
        raise Http404
    eligible, excluded = actions.team_choices(inquiry)
    offered = independence.register().filter(pk__in=[reviewer.pk for reviewer in eligible])
    if request.method == "POST":
        # The fields accept any register entry so that the action names an ineligible one and why.
        form = SetUpForm(request.POST, reviewers=independence.register())
        if form.is_valid():
            data = form.cleaned_data
            try:
                actions.save_set_up(
                    request.user,
                    inquiry,
                    data["version"],
                    terms_of_reference=data["terms_of_reference"],
                    methodology=data["methodology"],
                    methodology_notes=data["methodology_notes"],
                    lead_reviewer=data["lead_reviewer"],
                    members=data["members"],
                )
            except ValidationError as error:
                add_action_errors(form, error)
            else:
                messages.success(request, "Terms of reference agreed and the team appointed: the inquiry is set up")
                return redirect("nsci:inquiry", pk=inquiry.pk)
        form.fields["lead_reviewer"].queryset = form.fields["members"].queryset = offered
    else:
        form = SetUpForm(initial={"version": inquiry.version}, reviewers=offered)
    return render(
        request,
        "nsci/set_up.html",
        {
            "inquiry": inquiry,
            "form": form,
            "excluded": excluded,
            "has_eligible": bool(eligible),
            "methodologies": Methodology.objects.filter(is_active=True),
        },
    )
