"""The national roles' pages of the annual reports: the list, starting a year, writing, preview, publishing.

Everyone else is answered 404, as the rest of the service answers pages a person may not reach.
"""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from safeguarding.core.forms import add_action_errors
from safeguarding.jobs.models import IN_PROGRESS, JobRun

from .. import actions
from ..forms import SectionsForm, StartForm, VersionForm
from ..models import AnnualReport
from ..presentation import report_context


def national_only(perm):
    def decorator(view):
        @login_required
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if not request.user.has_perm(perm):
                raise Http404
            try:
                return view(request, *args, **kwargs)
            except PermissionDenied:
                raise Http404 from None

        return wrapper

    return decorator


def _years_to_start(reports):
    taken = {report.year for report in reports}
    return [year for year in range(timezone.localdate().year, actions.EARLIEST_YEAR - 1, -1) if year not in taken]


def _draft(year):
    report = get_object_or_404(AnnualReport, year=year)
    if report.is_published:
        raise Http404
    return report


@national_only("national_reports.view")
@require_http_methods(["GET", "POST"])
def report_list(request):
    reports = list(AnnualReport.objects.all())
    can_edit = request.user.has_perm("national_reports.edit")
    form = StartForm(request.POST or None, years=_years_to_start(reports))
    if request.method == "POST":
        if not can_edit:
            raise Http404
        if form.is_valid():
            year = form.cleaned_data["year"]
            try:
                run = actions.request_assembly(request.user, year)
            except ValidationError as error:
                add_action_errors(form, error)
            else:
                messages.success(request, f"The figures of the report for {year} are being assembled")
                return redirect("jobs:run", pk=run.pk)
    running = JobRun.objects.filter(job=actions.ASSEMBLY_JOB, status__in=IN_PROGRESS).order_by("period")
    return render(
        request,
        "national_reports/list.html",
        {"reports": reports, "form": form, "can_edit": can_edit, "running": running},
    )


@national_only("national_reports.edit")
@require_http_methods(["GET", "POST"])
def edit(request, year):
    report = _draft(year)
    which = request.POST.get("form") if request.method == "POST" else None
    initial = {"version": report.version, **{field: getattr(report, field) for field in actions.SECTION_FIELDS}}
    form = SectionsForm(request.POST if which == "save" else None, initial=initial)
    again = VersionForm(request.POST if which == "assemble" else None, initial={"version": report.version})
    if which == "save" and form.is_valid():
        data = form.cleaned_data
        try:
            actions.edit(request.user, report, data["version"], **{f: data[f] for f in actions.SECTION_FIELDS})
        except ValidationError as error:
            add_action_errors(form, error)
        else:
            messages.success(request, "Sections saved")
            return redirect("national_reports:edit", year=year)
    elif which == "assemble" and again.is_valid():
        try:
            run = actions.request_assembly(request.user, year, expected_version=again.cleaned_data["version"])
        except ValidationError as error:
            add_action_errors(again, error)
        else:
            messages.success(request, "The figures are being assembled again from today's data")
            return redirect("jobs:run", pk=run.pk)
    elif request.method == "POST" and which not in {"save", "assemble"}:
        raise Http404
    return render(
        request,
        "national_reports/edit.html",
        {"report": report, "form": again if again.errors else form, "sections_form": form, "again": again},
    )


@national_only("national_reports.view")
def preview(request, year):
    report = get_object_or_404(AnnualReport, year=year)
    context = report_context(report)
    return render(
        request,
        "national_reports/preview.html",
        {**context, "can_publish": request.user.has_perm("national_reports.publish", report)},
    )


@national_only("national_reports.publish")
@require_http_methods(["GET", "POST"])
def publish(request, year):
    report = _draft(year)
    form = VersionForm(request.POST or None, initial={"version": report.version})
    if request.method == "POST" and form.is_valid():
        try:
            actions.publish(request.user, report, form.cleaned_data["version"])
        except ValidationError as error:
            add_action_errors(form, error)
        else:
            messages.success(request, f"The annual report for {year} has been published")
            return redirect("national_reports:published", year=year)
    return render(request, "national_reports/publish.html", {"report": report, "form": form})
