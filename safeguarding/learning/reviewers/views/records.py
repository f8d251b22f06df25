"""National administrators' pages that change the register: a reviewer's entry, accreditation, CPD, employment."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from safeguarding.core.forms import add_action_errors

from .. import actions
from ..forms import AccreditationForm, CpdForm, EmploymentForm, ReviewerForm
from .access import refusals_are_404, require, reviewer_or_404


def _entry_values(data):
    return {
        "specialisms": data["specialisms"],
        "availability": data["availability"] or "",
        "availability_note": data["availability_note"],
        "available_from": data["available_from"],
    }


@refusals_are_404
@require_http_methods(["GET", "POST"])
def add_reviewer(request):
    require(request, "reviewers.manage_register")
    form = ReviewerForm(request.POST or None, adding=True, initial={"availability": "available"})
    if request.method == "POST" and form.is_valid():
        try:
            reviewer = actions.save_reviewer(
                request.user, user=form.cleaned_data["user"], **_entry_values(form.cleaned_data)
            )
        except ValidationError as error:
            add_action_errors(form, error)
        else:
            messages.success(request, f"{reviewer.name} is on the register")
            return redirect("reviewers:reviewer", pk=reviewer.pk)
    return render(request, "reviewers/reviewer_form.html", {"form": form, "reviewer": None})


@refusals_are_404
@require_http_methods(["GET", "POST"])
def edit_reviewer(request, pk):
    reviewer = reviewer_or_404(request, pk, "reviewers.manage_register")
    initial = {
        "version": reviewer.version,
        "specialisms": reviewer.specialisms,
        "availability": reviewer.availability,
        "availability_note": reviewer.availability_note,
        "available_from": reviewer.available_from,
    }
    form = ReviewerForm(request.POST or None, adding=False, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            actions.save_reviewer(
                request.user, reviewer, form.cleaned_data["version"], **_entry_values(form.cleaned_data)
            )
        except ValidationError as error:
            add_action_errors(form, error)
        else:
            messages.success(request, "Saved")
            return redirect("reviewers:reviewer", pk=reviewer.pk)
    return render(request, "reviewers/reviewer_form.html", {"form": form, "reviewer": reviewer})


def _record_page(request, pk, form_class, action, *, title, saved):
    reviewer = reviewer_or_404(request, pk, "reviewers.manage_register")
    form = form_class(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            values = {k: v for k, v in form.cleaned_data.items() if k != "version"}
            action(request.user, reviewer, **values)
        except ValidationError as error:
            add_action_errors(form, error)
        else:
            messages.success(request, saved)
            return redirect("reviewers:reviewer", pk=reviewer.pk)
    return render(request, "reviewers/record_form.html", {"form": form, "reviewer": reviewer, "title": title})


@refusals_are_404
@require_http_methods(["GET", "POST"])
def add_accreditation(request, pk):
    return _record_page(
        request, pk, AccreditationForm, actions.add_accreditation, title="Add an accreditation", saved="Added"
    )


@refusals_are_404
@require_http_methods(["GET", "POST"])
def add_cpd(request, pk):
    return _record_page(
        request, pk, CpdForm, actions.record_cpd, title="Record professional development", saved="Recorded"
    )


@refusals_are_404
@require_http_methods(["GET", "POST"])
def add_employment(request, pk):
    return _record_page(
        request, pk, EmploymentForm, actions.add_employment, title="Add a job to the employment history", saved="Added"
    )


@refusals_are_404
@require_http_methods(["GET", "POST"])
def edit_employment(request, pk, employment_pk):
    reviewer = reviewer_or_404(request, pk, "reviewers.manage_register")
    job = get_object_or_404(reviewer.employments.all(), pk=employment_pk)
    fields = ["organisation", "area", "role_title", "started_on", "ended_on", "version"]
    initial = {field: getattr(job, field) for field in fields}
    form = EmploymentForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        values = dict(form.cleaned_data)
        version = values.pop("version")
        try:
            actions.change_employment(request.user, job, version, **values)
        except ValidationError as error:
            add_action_errors(form, error)
        else:
            messages.success(request, "Saved")
            return redirect("reviewers:reviewer", pk=reviewer.pk)
    context = {"form": form, "reviewer": reviewer, "title": f"Change a job: {job.role_title}"}
    return render(request, "reviewers/record_form.html", context)
