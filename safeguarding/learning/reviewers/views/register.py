"""The register list (filters, CPD compliance, pagination) and a reviewer's page."""

from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from safeguarding.core.pagination import paginate, pagination_links
from safeguarding.incidents.models import Incident

from .. import cpd, independence, queries
from ..models import Availability, Specialism
from .access import PAGE_SIZE, refusals_are_404, require, reviewer_or_404


@refusals_are_404
@require_GET
def register(request):
    require(request, "reviewers.view_register")
    filters = {
        "specialism": request.GET.get("specialism", ""),
        "availability": request.GET.get("availability", ""),
        "status": request.GET.get("status", ""),
    }
    # Unknown values (an edited link) are ignored rather than answered with an error page.
    if filters["specialism"] not in Specialism.values:
        filters["specialism"] = ""
    if filters["availability"] not in Availability.values:
        filters["availability"] = ""
    if filters["status"] not in queries.ACCREDITATION_STATUSES:
        filters["status"] = ""
    page = paginate(request, queries.register_rows(**filters), PAGE_SIZE)
    context = {
        "page": page,
        "pagination": pagination_links(page, request.GET),
        "filters": filters,
        "filtered": any(filters.values()),
        "specialisms": Specialism.choices,
        "availabilities": Availability.choices,
        "statuses": queries.ACCREDITATION_STATUSES.items(),
        "required_hours": cpd.required_hours(),
        "year": timezone.localdate().year,
        "can_manage": request.user.has_perm("reviewers.manage_register"),
    }
    return render(request, "reviewers/register.html", context)


@refusals_are_404
@require_GET
def reviewer_page(request, pk):
    reviewer = reviewer_or_404(request, pk, "reviewers.view_reviewer")
    today = timezone.localdate()
    assessments = list(reviewer.quality_assessments.select_related("assessed_by"))
    can_assess = request.user.has_perm("reviewers.assess_quality", reviewer)
    completed = queries.completed_inquiries(Incident.objects.visible_to(request.user), reviewer) if can_assess else []
    context = {
        "reviewer": reviewer,
        "today": today,
        "current_accreditation": reviewer.current_accreditation(today),
        "accreditations": reviewer.accreditations.all(),
        "cpd_this_year": cpd.compliance(reviewer, today.year),
        "cpd_last_year": cpd.compliance(reviewer, today.year - 1),
        "cpd_records": reviewer.cpd_records.all()[:20],
        "employments": reviewer.employments.select_related("organisation", "area"),
        "general_reasons": independence.check(reviewer, on=today),
        "assessments": assessments,
        "marker_counts": queries.marker_counts(assessments) if assessments else [],
        "completed_count": len(completed),
        "can_manage": request.user.has_perm("reviewers.manage_register"),
        "can_assess": can_assess,
    }
    return render(request, "reviewers/reviewer.html", context)
