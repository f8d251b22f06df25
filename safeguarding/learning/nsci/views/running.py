"""The running inquiry: starting it, progress notes, the national report, and publication."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from safeguarding.core.forms import add_action_errors

from .. import clocks
from ..actions import report as report_actions
from ..actions import setup as setup_actions
from ..forms import FindingForm, ProgressNoteForm, RecommendationForm, ReopenForm, SummaryForm, VersionForm
from ..states import REPORT_EDITABLE, InquiryStatus
from .access import inquiry_or_404, national_page


def _pk(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _refusal(request, error, pk, to="nsci:inquiry"):
    messages.error(request, " ".join(error.messages))
    return redirect(to, pk=pk)


@national_page("nsci.run")
@require_http_methods(["GET", "POST"])
def progress(request, pk):
    inquiry = inquiry_or_404(request, pk, "nsci.run")
    if inquiry.status not in {InquiryStatus.SET_UP, *REPORT_EDITABLE}:
        raise Http404
    which = request.POST.get("form") if request.method == "POST" else None
    note_form = ProgressNoteForm(request.POST if which == "note" else None, initial={"noted_on": timezone.localdate()})
    if which == "start":
        start = VersionForm(request.POST)
        if not start.is_valid():
            raise Http404
        try:
            setup_actions.start(request.user, inquiry, start.cleaned_data["version"])
        except ValidationError as error:
            return _refusal(request, error, inquiry.pk)
        messages.success(request, "The inquiry has started: its report is due within 12 months of the set-up")
        return redirect("nsci:progress", pk=inquiry.pk)
    if which == "note" and note_form.is_valid():
        try:
            report_actions.add_progress_note(request.user, inquiry, **note_form.cleaned_data)
        except ValidationError as error:
            add_action_errors(note_form, error)
        else:
            messages.success(request, "Progress recorded")
            return redirect("nsci:progress", pk=inquiry.pk)
    elif request.method == "POST" and which != "note":
        raise Http404
    return render(
        request,
        "nsci/progress.html",
        {
            "inquiry": inquiry,
            "form": note_form if which == "note" else None,
            "note_form": note_form,
            "notes": inquiry.progress_notes.select_related("written_by"),
            "clocks": clocks.inquiry_clocks(inquiry),
        },
    )


REPORT_FORMS = {"summary": SummaryForm, "finding": FindingForm, "recommendation": RecommendationForm}


def _save_report_part(request, inquiry, which, form):
    data = form.cleaned_data
    if which == "summary":
        report_actions.save_summary(request.user, inquiry, data["version"], summary=data["report_summary"])
    elif which == "finding":
        report_actions.add_finding(request.user, inquiry, what_happened=data["what_happened"], why=data["why"])
    else:
        report_actions.add_recommendation(request.user, inquiry, text=data["text"], addressee=data["addressee"])


@national_page("nsci.run")
@require_http_methods(["GET", "POST"])
def report(request, pk):
    inquiry = inquiry_or_404(request, pk, "nsci.run")
    if inquiry.status not in REPORT_EDITABLE:
        raise Http404
    which = request.POST.get("form") if request.method == "POST" else None
    forms = {
        name: form_class(
            request.POST if which == name else None,
            initial={"version": inquiry.version, "report_summary": inquiry.report_summary},
        )
        for name, form_class in REPORT_FORMS.items()
    }
    reopen_form = ReopenForm(request.POST if which == "reopen" else None, initial={"version": inquiry.version})
    failed = None
    if which in REPORT_FORMS:
        form = forms[which]
        if form.is_valid():
            try:
                _save_report_part(request, inquiry, which, form)
            except ValidationError as error:
                add_action_errors(form, error)
            else:
                messages.success(request, "Saved")
                return redirect("nsci:report", pk=inquiry.pk)
        failed = form
    elif which in {"remove-finding", "remove-recommendation"}:
        rows = inquiry.findings if which == "remove-finding" else inquiry.recommendations
        row = rows.filter(pk=_pk(request.POST.get("row"))).first()
        if row is None:
            raise Http404
        kind = "finding" if which == "remove-finding" else "recommendation"
        try:
            report_actions.remove_from_report(request.user, inquiry, **{kind: row})
        except ValidationError as error:
            return _refusal(request, error, inquiry.pk, "nsci:report")
        messages.success(request, f"The {kind} was removed from the draft")
        return redirect("nsci:report", pk=inquiry.pk)
    elif which == "drafted":
        done = VersionForm(request.POST)
        if not done.is_valid():
            raise Http404
        try:
            report_actions.mark_drafted(request.user, inquiry, done.cleaned_data["version"])
        except ValidationError as error:
            return _refusal(request, error, inquiry.pk, "nsci:report")
        messages.success(request, "The report is drafted: it can now be published")
        return redirect("nsci:inquiry", pk=inquiry.pk)
    elif which == "reopen":
        if reopen_form.is_valid():
            try:
                report_actions.reopen(
                    request.user,
                    inquiry,
                    reopen_form.cleaned_data["version"],
                    reason=reopen_form.cleaned_data["reason"],
                )
            except ValidationError as error:
                add_action_errors(reopen_form, error)
            else:
                messages.success(request, "The report is back in progress")
                return redirect("nsci:report", pk=inquiry.pk)
        failed = reopen_form
    elif request.method == "POST":
        raise Http404
    return render(
        request,
        "nsci/report.html",
        {
            "inquiry": inquiry,
            "form": failed,
            "summary_form": forms["summary"],
            "finding_form": forms["finding"],
            "recommendation_form": forms["recommendation"],
            "reopen_form": reopen_form,
            "findings": inquiry.findings.all(),
            "recommendations": inquiry.recommendations.all(),
        },
    )


@national_page("nsci.publish")
@require_http_methods(["GET", "POST"])
def publish(request, pk):
    inquiry = inquiry_or_404(request, pk, "nsci.publish")
    if inquiry.status != InquiryStatus.REPORT_DRAFTED:
        raise Http404
    form = VersionForm(request.POST or None, initial={"version": inquiry.version})
    if request.method == "POST":
        if not form.is_valid():
            raise Http404
        try:
            report_actions.publish(request.user, inquiry, form.cleaned_data["version"])
        except ValidationError as error:
            add_action_errors(form, error)
        else:
            messages.success(
                request, f"Published: the report is in the national repository as {inquiry.repository_entry.reference}"
            )
            return redirect("nsci:inquiry", pk=inquiry.pk)
    return render(
        request,
        "nsci/publish.html",
        {
            "inquiry": inquiry,
            "form": form,
            "findings": inquiry.findings.all(),
            "recommendations": inquiry.recommendations.all(),
        },
    )
