"""The panel manager's list of cases with their clocks, and one case's page."""

from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.shortcuts import render

from safeguarding.core import permissions
from safeguarding.core.pagination import paginate, pagination_links
from safeguarding.incidents.models import Incident

from .. import clocks
from ..forms.filters import CaseFilterForm
from ..models import ChildDeathCase, LinkCandidate, Panel
from ..models.cases import panel_area_ids
from ..models.vocabulary import JarCriterion
from ..populations import panels_below_minimum
from ..transitions import CASE_TRANSITIONS
from .common import today, visible_case

CASES_PER_PAGE = 25


def panels_for(user):
    """The panels whose cases the person can filter by: every panel for national roles."""
    if permissions.national_roles(user):
        return Panel.objects.all()
    area_ids = permissions.area_ids_with_role(user) | panel_area_ids(user)
    return Panel.objects.filter(areas__in=area_ids).distinct()


@login_required
def case_list(request):
    form = CaseFilterForm(request.GET or None, panels=panels_for(request.user))
    cases = form.apply(
        ChildDeathCase.objects.visible_to(request.user).select_related(
            "area", "panel", "child", "panel_review", "merged_into"
        )
    )
    page = paginate(request, cases, CASES_PER_PAGE)
    now = today()
    # The policy rows once for the page, not twice a row.
    policies = clocks.read_policies()
    rows = [
        {
            "case": case,
            "inform": clocks.inform_database_clock(case, now, policies=policies),
            "review": clocks.panel_review_clock(case, now, policies=policies),
            "status_label": CASE_TRANSITIONS.label(case.status),
        }
        for case in page.object_list
    ]
    context = {
        "form": form,
        "page": page,
        "rows": rows,
        "pagination": pagination_links(page, request.GET),
        "may_notify": request.user.has_perm("child_deaths.notify"),
        "small_panels": panels_below_minimum() if request.user.has_perm("child_deaths.view_panel_populations") else [],
    }
    return render(request, "child_deaths/case_list.html", context)


@login_required
def case_detail(request, reference):
    case = visible_case(request, reference)
    user = request.user
    may_manage = user.has_perm("child_deaths.manage_case", case)
    # The place of death's panel and national roles see the case pseudonymised: no route to identity.
    may_see_identity = user.has_perm("child_deaths.view_identity", case)
    now = today()
    policies = clocks.read_policies()  # once for the case's clocks and each agency report's
    # The case's notifications by id rather than through a join: an OR across the join made PostgreSQL read
    # every notification ever made (56 ms at national volume, 1.4 ms this way).
    candidates = LinkCandidate.objects.visible_to(user).filter(
        Q(case=case) | Q(notification__in=case.notifications.values("pk"))
    )
    review = getattr(case, "panel_review", None)
    linked_incident_id = review.serious_incident_id if review is not None else None
    context = {
        "case": case,
        "may_manage": may_manage,
        "may_respond": user.has_perm("child_deaths.record_response", case),
        "may_see_identity": may_see_identity,
        "pseudonymised_view": not may_see_identity,
        "inform_clock": clocks.inform_database_clock(case, now, policies=policies),
        "review_clock": clocks.panel_review_clock(case, now, policies=policies),
        "notifications": case.notifications.select_related("organisation").order_by("received_at"),
        "candidates": candidates.select_related("case", "notification__case", "from_case", "model").order_by("-score"),
        "history": [
            (
                change,
                CASE_TRANSITIONS.label(change.from_state) if change.from_state else "",
                CASE_TRANSITIONS.label(change.to_state),
            )
            for change in case.status_changes.select_related("changed_by")
        ],
        "jar_criteria": [JarCriterion(value).label for value in case.jar_criteria],
        "status_label": CASE_TRANSITIONS.label(case.status),
        "serious_incident_visible": linked_incident_id is not None
        and Incident.objects.visible_to(user).filter(pk=linked_incident_id).exists(),
        "reports": [
            (
                report,
                clocks.agency_report_clock(report, now, policies=policies),
                report.submitted_on is not None and user.has_perm("child_deaths.read_report", report),
            )
            for report in case.agency_reports.select_related("organisation")
        ],
    }
    return render(request, "child_deaths/case_detail.html", context)
