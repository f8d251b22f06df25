"""Pages of the learning report: writing it, reading it (HTML and PDF), redacting named details,
publishing it, submitting it to the national body, and recording accountability reporting.

People of the area read the draft as written; national roles read only the published, redacted copy.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.views.decorators.http import require_http_methods

from safeguarding.core import permissions
from safeguarding.core.forms import add_action_errors

from .. import redaction
from ..actions import report as actions
from ..forms.report import AccountabilityForm, PublishForm, RedactionForm, ReportForm, ReturnToFindingsForm
from ..states import PUBLISHED_STATES, IncidentStatus
from .access import case_or_404, refusals_are_404

S = IncidentStatus


def _case_in(request, pk, perm, states):
    incident = case_or_404(request, pk, perm)
    if incident.status not in states:
        raise Http404
    return incident


def _report_of(incident):
    # A missing one-to-one row raises a subclass of AttributeError, so getattr gives None.
    return getattr(incident, "report", None)


@refusals_are_404
@require_http_methods(["GET", "POST"])
def edit(request, pk):
    incident = _case_in(request, pk, "incidents.write_report", {S.FINDINGS, S.REPORT_DRAFTED})
    report = _report_of(incident)
    which = request.POST.get("form") if request.method == "POST" else None
    initial = {"version": report.version, **actions.sections_of(report)} if report else {}
    form = ReportForm(request.POST if which == "save" else None, initial=initial)
    back = ReturnToFindingsForm(request.POST if which == "return" else None)
    failed = None
    if which == "save" and form.is_valid():
        data = form.cleaned_data
        sections = {field: data[field] for field in actions.SECTION_FIELDS}
        try:
            saved = actions.save_report(request.user, incident, data["version"], **sections)
        except ValidationError as error:
            add_action_errors(form, error)
        else:
            cleared = not saved.published_sections and report is not None and bool(report.published_sections)
            messages.success(
                request, "Report saved" + (". The redactions were cleared: confirm them again" if cleared else "")
            )
            return redirect("incidents:report-edit", pk=incident.pk)
    elif which == "complete":
        try:
            actions.complete_report(request.user, incident)
        except ValidationError as error:
            # The report as saved, bound, so that each missing section is named on its own field.
            form = ReportForm(initial)
            form.is_valid()
            add_action_errors(form, error)
        else:
            messages.success(
                request, "The report is complete: the inquiry has ended and the publication clock has started"
            )
            return redirect("incidents:case", pk=incident.pk)
    elif which == "return" and back.is_valid():
        try:
            actions.return_to_findings(request.user, incident, reason=back.cleaned_data["reason"])
        except ValidationError as error:
            add_action_errors(back, error)
        else:
            messages.success(request, "The case is back at findings and recommendations")
            return redirect("incidents:findings", pk=incident.pk)
    elif request.method == "POST" and which not in {"save", "return"}:
        raise Http404
    if form.errors:
        failed = form
    elif back.errors:
        failed = back
    return render(
        request,
        "incidents/report/edit.html",
        {"incident": incident, "report": report, "form": failed or form, "report_form": form, "back": back},
    )


def _readable(request, pk, *, preview=False):
    """The case and the text to show: the published copy once there is one, else (for people of the
    area only) the draft as written, or with `preview` the redacted copy exactly as it will be published."""
    incident = case_or_404(request, pk)
    report = _report_of(incident)
    if report is None:
        raise Http404
    published = incident.status in PUBLISHED_STATES and bool(report.published_sections)
    if not published and incident.area_id not in permissions.area_ids_with_role(request.user):
        raise Http404
    if preview and (published or not report.published_sections):
        raise Http404
    texts = report.published_sections if published or preview else actions.texts_of(report)
    findings = [
        (finding, texts.get(f"finding_{n}_what_happened", ""), texts.get(f"finding_{n}_why", ""))
        for n, finding in enumerate(incident.findings.prefetch_related("agencies"), start=1)
    ]
    recommendations = [
        (rec, texts.get(f"recommendation_{n}_change", ""), texts.get(f"recommendation_{n}_outcome", ""))
        for n, rec in enumerate(incident.recommendations.select_related("addressee"), start=1)
    ]
    return {
        "incident": incident,
        "report": report,
        "published": published,
        "preview": preview,
        "title": texts.get("title", ""),
        "sections": [(heading, texts.get(field, "")) for field, heading in redaction.SECTIONS if field != "title"],
        "findings": findings,
        "recommendations": recommendations,
    }


@refusals_are_404
def read(request, pk):
    return render(request, "incidents/report/read.html", _readable(request, pk))


@refusals_are_404
def preview(request, pk):
    """The redacted copy before publication: what the lead chief officers publish, word for word."""
    return render(request, "incidents/report/read.html", _readable(request, pk, preview=True))


@refusals_are_404
def pdf(request, pk):
    from weasyprint import HTML  # imported here: it loads Pango, which most requests never need

    context = _readable(request, pk)
    html = render_to_string("incidents/report/pdf.html", context, request=request)
    response = HttpResponse(
        HTML(string=html, base_url=request.build_absolute_uri("/")).write_pdf(), content_type="application/pdf"
    )
    kind = "published" if context["published"] else "draft"
    response["Content-Disposition"] = f'inline; filename="{context["incident"].reference}-report-{kind}.pdf"'
    return response


@refusals_are_404
@require_http_methods(["GET", "POST"])
def redact(request, pk):
    incident = _case_in(request, pk, "incidents.write_report", {S.REPORT_DRAFTED})
    report = incident.report
    candidates = actions.redaction_candidates(request.user, report)
    initial = {
        "version": report.version,
        "redactions": [c.term for c in candidates if c.from_identity]
        if not report.published_sections
        else report.redactions.splitlines(),
    }
    form = RedactionForm(request.POST or None, candidates=candidates, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            actions.confirm_redactions(
                request.user, report, data["version"], redactions=data["redactions"], extra_terms=data["extra_terms"]
            )
        except ValidationError as error:
            add_action_errors(form, error)
        else:
            messages.success(request, "Redactions confirmed: the published copy is ready for the lead chief officers")
            return redirect("incidents:report", pk=incident.pk)
    selected = set(form["redactions"].value() or [])
    return render(
        request,
        "incidents/report/redaction.html",
        {"incident": incident, "report": report, "form": form, "candidates": candidates, "selected": selected},
    )


@refusals_are_404
@require_http_methods(["GET", "POST"])
def publish(request, pk):
    incident = _case_in(request, pk, "incidents.publish_report", {S.REPORT_DRAFTED})
    report = incident.report
    form = PublishForm(request.POST or None, initial={"version": report.version})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            actions.publish(
                request.user, incident, data["version"], decision=data["decision"], published_on=data["published_on"]
            )
        except ValidationError as error:
            add_action_errors(form, error)
        else:
            messages.success(request, f"Published on {incident.published_on:%-d %B %Y}")
            return redirect("incidents:case", pk=incident.pk)
    return render(request, "incidents/report/publish.html", {"incident": incident, "report": report, "form": form})


@refusals_are_404
@require_http_methods(["GET", "POST"])
def submit_national(request, pk):
    incident = _case_in(request, pk, "incidents.publish_report", {S.PUBLISHED})
    if request.method == "POST":
        try:
            actions.submit_to_national_body(request.user, incident)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("incidents:case", pk=incident.pk)
        messages.success(request, "The published report and its findings have been submitted to the national body")
        return redirect("incidents:case", pk=incident.pk)
    return render(request, "incidents/report/submit_national.html", {"incident": incident})


@refusals_are_404
@require_http_methods(["GET", "POST"])
def accountability(request, pk):
    incident = _case_in(request, pk, "incidents.manage_actions", PUBLISHED_STATES)
    form = AccountabilityForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            actions.record_accountability(request.user, incident, **form.cleaned_data)
        except ValidationError as error:
            add_action_errors(form, error)
        else:
            messages.success(request, "Reporting recorded")
            return redirect("incidents:accountability", pk=incident.pk)
    return render(
        request,
        "incidents/report/accountability.html",
        {"incident": incident, "form": form, "rows": incident.accountability_reports.select_related("recorded_by")},
    )
