"""Agency reports: the panel manager requests them; each agency completes its own."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from safeguarding.core import permissions
from safeguarding.core.forms import add_action_errors
from safeguarding.core.pagination import paginate, pagination_links

from .. import clocks
from ..actions import reports as report_actions
from ..forms.steps import AgencyReportForm, RequestReportForm
from ..models import AgencyReport
from .common import managed_case, today

REPORTS_PER_PAGE = 25


@login_required
@require_http_methods(["GET", "POST"])
def request_report(request, reference):
    case = managed_case(request, reference)
    form = RequestReportForm(request.POST if request.method == "POST" else None, case=case)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            report_actions.request_report(
                request.user, case, organisation=data["organisation"], contexts=data["contexts"]
            )
        except ValidationError as error:
            add_action_errors(form, error)
        else:
            messages.success(request, f"Report requested from {data['organisation']}.")
            return redirect("child_deaths:case", reference=case.reference)
    context = {
        "case": case,
        "form": form,
        "title": "Request an agency report",
        "caption": case.reference,
        "button": "Request the report",
        "intro": "The agency has 15 working days from today to complete its reporting form.",
    }
    return render(request, "child_deaths/step_form.html", context)


def _report(request, pk):
    reports = AgencyReport.objects.visible_to(request.user).select_related("case__area", "organisation")
    return get_object_or_404(reports, pk=pk)


@login_required
@require_http_methods(["GET", "POST"])
def complete_report(request, pk):
    report = _report(request, pk)
    if not request.user.has_perm("child_deaths.complete_report", report):
        raise Http404
    if report.submitted_on is not None:
        answered = [(question, report.answers.get(key, "")) for key, question in report.questions()]
        return render(request, "child_deaths/report_submitted.html", {"report": report, "answered": answered})
    form = AgencyReportForm(
        request.POST if request.method == "POST" else None, report=report, initial={"version": report.version}
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            report_actions.submit_report(request.user, report, data, version=data["version"])
        except PermissionDenied:
            raise Http404 from None
        except ValidationError as error:
            add_action_errors(form, error)
        else:
            messages.success(request, "Report submitted to the child death overview panel.")
            return redirect("child_deaths:agency-reports")
    context = {"report": report, "form": form, "clock": clocks.agency_report_clock(report, today())}
    return render(request, "child_deaths/report_form.html", context)


@login_required
def read_report(request, pk):
    """A submitted report, read-only, for those who may read it (the panel, the agency, the area's
    identity roles); every reading is audited as its answers speak of the child and family."""
    report = _report(request, pk)
    if not request.user.has_perm("child_deaths.read_report", report):
        raise Http404
    report_actions.record_report_read(request.user, report)
    answered = [(question, report.answers.get(key, "")) for key, question in report.questions()]
    context = {"report": report, "answered": answered, "back_to_case": True}
    return render(request, "child_deaths/report_submitted.html", context)


@login_required
@require_POST
def remind(request, pk):
    report = _report(request, pk)
    if not request.user.has_perm("child_deaths.manage_case", report.case):
        raise Http404
    try:
        report_actions.remind(request.user, report)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"Reminder sent to {report.organisation}.")
    return redirect("child_deaths:case", reference=report.case.reference)


@login_required
def agency_reports(request):
    """Reports requested from the person's organisations, for them to complete."""
    organisation_ids = {m.organisation_id for m in permissions.memberships(request.user)}
    reports = (
        AgencyReport.objects.visible_to(request.user)
        .filter(organisation_id__in=organisation_ids)
        .select_related("case__area", "organisation")
        .order_by("submitted_on", "requested_on", "pk")
    )
    page = paginate(request, reports, REPORTS_PER_PAGE)
    now = today()
    policies = clocks.read_policies()
    rows = [(report, clocks.agency_report_clock(report, now, policies=policies)) for report in page.object_list]
    context = {"page": page, "rows": rows, "pagination": pagination_links(page, request.GET)}
    return render(request, "child_deaths/agency_reports.html", context)
