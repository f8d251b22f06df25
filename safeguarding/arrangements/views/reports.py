"""The yearly report: start (assembled from the platform's data), edit, publish."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from safeguarding.core.forms import add_action_errors

from ..actions import reports as actions
from ..forms import ReportForm, StartReportForm
from ..models import REPORT_SECTIONS, YearlyReport
from .common import area_for


@login_required
@require_http_methods(["GET", "POST"])
def report_list(request, slug):
    area = area_for(request, slug)
    may_edit = request.user.has_perm("arrangements.edit", area)
    if request.method == "POST" and not may_edit:
        raise Http404
    today = timezone.localdate()
    last_year = today.year - 1 if today.month >= 4 else today.year - 2
    form = StartReportForm(request.POST if request.method == "POST" else None, initial={"year": last_year})
    if request.method == "POST" and form.is_valid():
        try:
            report = actions.start_report(request.user, area, form.cleaned_data["year"])
        except ValidationError as error:
            add_action_errors(form, error)
        else:
            messages.success(request, f"Draft report for {report.year_label} assembled from the platform's records.")
            return redirect("arrangements:report", slug=area.slug, year=report.year)
    reports = YearlyReport.objects.visible_to(request.user).filter(area=area)
    return render(
        request,
        "arrangements/reports/list.html",
        {"area": area, "reports": reports, "form": form, "may_edit": may_edit},
    )


def _report(request, area, year):
    return get_object_or_404(YearlyReport.objects.visible_to(request.user), area=area, year=year)


@login_required
def report_detail(request, slug, year):
    area = area_for(request, slug)
    report = _report(request, area, year)
    return render(
        request,
        "arrangements/reports/detail.html",
        {
            "area": area,
            "report": report,
            "may_edit": report.is_draft and request.user.has_perm("arrangements.edit", area),
            "may_publish": report.is_draft and request.user.has_perm("arrangements.publish", area),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def edit(request, slug, year):
    area = area_for(request, slug, "arrangements.edit")
    report = _report(request, area, year)
    if not report.is_draft:
        raise Http404
    initial = {field: getattr(report, field) for field, _ in REPORT_SECTIONS}
    form = ReportForm(
        request.POST if request.method == "POST" else None, initial={**initial, "version": report.version}
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        version = data.pop("version")
        try:
            actions.edit_report(request.user, report, expected_version=version, **data)
        except ValidationError as error:
            add_action_errors(form, error)
        else:
            messages.success(request, "Report saved.")
            return redirect("arrangements:report", slug=area.slug, year=report.year)
    return render(request, "arrangements/reports/edit.html", {"area": area, "report": report, "form": form})


@login_required
@require_http_methods(["POST"])
def publish(request, slug, year):
    area = area_for(request, slug, "arrangements.publish")
    report = _report(request, area, year)
    try:
        actions.publish_report(request.user, report)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"The report for {report.year_label} is published. Anyone can now read it.")
    return redirect("arrangements:report", slug=area.slug, year=report.year)
