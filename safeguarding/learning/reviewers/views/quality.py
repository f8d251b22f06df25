"""Assessing a reviewer's completed local learning inquiry against the 18 SCR Quality Markers."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from safeguarding.core.forms import add_action_errors
from safeguarding.core.pagination import paginate, pagination_links
from safeguarding.incidents.models import Incident

from .. import actions, queries
from ..forms import QualityAssessmentForm
from ..models import InquiryKind, QualityAssessment
from ..quality_markers import RATINGS
from .access import PAGE_SIZE, refusals_are_404, reviewer_or_404


def _key(incident):
    return f"incident:{incident.pk}"


@refusals_are_404
@require_GET
def inquiries(request, pk):
    """The reviewer's completed inquiries, each to assess (or reassess)."""
    reviewer = reviewer_or_404(request, pk, "reviewers.assess_quality")
    completed = queries.completed_inquiries(Incident.objects.visible_to(request.user), reviewer)
    page = paginate(request, completed, PAGE_SIZE)
    assessed = set(
        QualityAssessment.objects.filter(
            inquiry_kind=InquiryKind.LLI, inquiry_key__in=[_key(i) for i in page.object_list]
        ).values_list("inquiry_key", flat=True)
    )
    rows = [(incident, _key(incident) in assessed) for incident in page.object_list]
    context = {"reviewer": reviewer, "page": page, "rows": rows, "pagination": pagination_links(page, request.GET)}
    return render(request, "reviewers/inquiries.html", context)


@refusals_are_404
@require_http_methods(["GET", "POST"])
def assess(request, pk, incident_pk):
    reviewer = reviewer_or_404(request, pk, "reviewers.assess_quality")
    incident = queries.completed_inquiries(Incident.objects.visible_to(request.user), reviewer).filter(pk=incident_pk)
    incident = incident.first()
    if incident is None:
        raise Http404
    existing = QualityAssessment.objects.filter(inquiry_kind=InquiryKind.LLI, inquiry_key=_key(incident)).first()
    initial = {}
    if existing:
        initial = {**existing.ratings, "overall_comment": existing.overall_comment}
        initial.update({f"{key}_comment": text for key, text in existing.comments.items()})
    form = QualityAssessmentForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        ratings, comments = form.ratings_and_comments()
        try:
            actions.assess_quality(
                request.user,
                reviewer=reviewer,
                inquiry_kind=InquiryKind.LLI,
                inquiry_key=_key(incident),
                inquiry_label=f"Local learning inquiry {incident.reference} ({incident.area.name})",
                ratings=ratings,
                comments=comments,
                incident=incident,
                overall_comment=form.cleaned_data["overall_comment"],
            )
        except ValidationError as error:
            add_action_errors(form, error)
        else:
            messages.success(request, f"Quality assessment of {incident.reference} saved")
            return redirect("reviewers:reviewer", pk=reviewer.pk)
    context = {"reviewer": reviewer, "incident": incident, "form": form, "existing": existing, "ratings": RATINGS}
    return render(request, "reviewers/assess.html", context)
