"""After publication: the inquiry assessed against the 18 SCR Quality Markers, recorded against its lead
reviewer through the reviewer register's `assess_quality` (so the reviewer's record shows it)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from safeguarding.core.forms import add_action_errors
from safeguarding.learning.reviewers import actions as reviewer_actions
from safeguarding.learning.reviewers.forms import QualityAssessmentForm
from safeguarding.learning.reviewers.models import InquiryKind, QualityAssessment

from ..models import TeamRole
from ..states import InquiryStatus
from .access import inquiry_or_404, national_page


def quality_key(inquiry):
    return f"nsci:{inquiry.pk}"


@national_page("reviewers.assess_quality")
@require_http_methods(["GET", "POST"])
def assess_quality(request, pk):
    inquiry = inquiry_or_404(request, pk, "nsci.view")
    lead = inquiry.team.filter(role=TeamRole.LEAD).select_related("reviewer__user").first()
    if inquiry.status != InquiryStatus.PUBLISHED or lead is None:
        raise Http404
    reviewer = lead.reviewer
    existing = QualityAssessment.objects.filter(inquiry_kind=InquiryKind.NSCI, inquiry_key=quality_key(inquiry)).first()
    initial = {}
    if existing:
        initial = {**existing.ratings, "overall_comment": existing.overall_comment}
        initial.update({f"{key}_comment": text for key, text in existing.comments.items()})
    form = QualityAssessmentForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        ratings, comments = form.ratings_and_comments()
        try:
            reviewer_actions.assess_quality(
                request.user,
                reviewer=reviewer,
                inquiry_kind=InquiryKind.NSCI,
                inquiry_key=quality_key(inquiry),
                inquiry_label=f"National serious case inquiry {inquiry.reference}: {inquiry.title}",
                ratings=ratings,
                comments=comments,
                overall_comment=form.cleaned_data["overall_comment"],
            )
        except ValidationError as error:
            add_action_errors(form, error)
        else:
            messages.success(request, f"Quality assessment of {inquiry.reference} saved on {reviewer.name}'s record")
            return redirect("nsci:inquiry", pk=inquiry.pk)
    context = {"inquiry": inquiry, "reviewer": reviewer, "form": form, "existing": existing}
    return render(request, "nsci/quality.html", context)
