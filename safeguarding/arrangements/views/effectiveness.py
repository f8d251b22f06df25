"""Effectiveness: independent scrutiny with findings and responses, outcome measures, engagement."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from safeguarding.core.forms import add_action_errors

from ..actions import effectiveness as actions
from ..forms import EngagementForm, MeasureForm, MeasureValueForm, ScrutinyForm, ScrutinyResponseForm
from ..models import Engagement, OutcomeMeasure, OutcomeValue, ScrutinyActivity
from .common import area_for


def _posted(request):
    return request.POST if request.method == "POST" else None


@login_required
def overview(request, slug):
    area = area_for(request, slug)
    user = request.user
    return render(
        request,
        "arrangements/effectiveness/overview.html",
        {
            "area": area,
            "activities": ScrutinyActivity.objects.visible_to(user).filter(area=area)[:50],
            "measures": OutcomeMeasure.objects.visible_to(user).filter(area=area).prefetch_related("values"),
            "engagements": Engagement.objects.visible_to(user).filter(area=area)[:50],
            "may_edit": user.has_perm("arrangements.edit", area),
        },
    )


def _form_page(request, area, form, *, title, save, success):
    if request.method == "POST" and form.is_valid():
        try:
            save(form.cleaned_data)
        except ValidationError as error:
            add_action_errors(form, error)
        else:
            messages.success(request, success)
            return redirect("arrangements:effectiveness", slug=area.slug)
    return render(request, "arrangements/effectiveness/form.html", {"area": area, "form": form, "title": title})


@login_required
@require_http_methods(["GET", "POST"])
def add_scrutiny(request, slug):
    area = area_for(request, slug, "arrangements.edit")
    return _form_page(
        request,
        area,
        ScrutinyForm(_posted(request)),
        title="Record independent scrutiny",
        save=lambda data: actions.record_scrutiny(request.user, area, **data),
        success="Scrutiny activity recorded.",
    )


@login_required
@require_http_methods(["GET", "POST"])
def scrutiny_detail(request, slug, pk):
    area = area_for(request, slug)
    activity = get_object_or_404(ScrutinyActivity.objects.visible_to(request.user), area=area, pk=pk)
    may_edit = request.user.has_perm("arrangements.edit", area)
    if request.method == "POST" and not may_edit:
        raise Http404
    initial = {"response": activity.response, "responded_on": activity.responded_on, "version": activity.version}
    form = ScrutinyResponseForm(_posted(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            actions.respond_to_scrutiny(
                request.user,
                activity,
                response=form.cleaned_data["response"],
                responded_on=form.cleaned_data["responded_on"],
                expected_version=form.cleaned_data["version"],
            )
        except ValidationError as error:
            add_action_errors(form, error)
        else:
            messages.success(request, "The partners' response is saved.")
            return redirect("arrangements:scrutiny", slug=area.slug, pk=activity.pk)
    return render(
        request,
        "arrangements/effectiveness/scrutiny_detail.html",
        {"area": area, "activity": activity, "form": form, "may_edit": may_edit},
    )


@login_required
@require_http_methods(["GET", "POST"])
def add_measure(request, slug):
    area = area_for(request, slug, "arrangements.edit")
    return _form_page(
        request,
        area,
        MeasureForm(_posted(request)),
        title="Add an outcome measure",
        save=lambda data: actions.add_measure(request.user, area, **data),
        success="Outcome measure added.",
    )


@login_required
@require_http_methods(["GET", "POST"])
def measure_detail(request, slug, pk):
    area = area_for(request, slug)
    measure = get_object_or_404(OutcomeMeasure.objects.visible_to(request.user), area=area, pk=pk)
    may_edit = request.user.has_perm("arrangements.edit", area)
    if request.method == "POST" and not may_edit:
        raise Http404
    form = MeasureValueForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            actions.record_value(request.user, measure, **form.cleaned_data)
        except ValidationError as error:
            add_action_errors(form, error)
        else:
            messages.success(request, f"Value recorded for {measure.name}.")
            return redirect("arrangements:measure", slug=area.slug, pk=measure.pk)
    values = list(OutcomeValue.objects.visible_to(request.user).filter(measure=measure))
    changes = [(values[i], values[i].value - values[i - 1].value if i else None) for i in range(len(values))]
    return render(
        request,
        "arrangements/effectiveness/measure_detail.html",
        {"area": area, "measure": measure, "changes": changes, "form": form, "may_edit": may_edit},
    )


@login_required
@require_http_methods(["GET", "POST"])
def add_engagement(request, slug):
    area = area_for(request, slug, "arrangements.edit")
    return _form_page(
        request,
        area,
        EngagementForm(_posted(request)),
        title="Record engagement with children and young people",
        save=lambda data: actions.record_engagement(request.user, area, **data),
        success="Engagement recorded.",
    )
