"""Setting up a child death overview panel, its page (population against the minimum, history, deaths), changes."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from safeguarding.child_deaths.models import CaseStatus, ChildDeathCase, Panel
from safeguarding.core import permissions
from safeguarding.core.forms import add_action_errors

from ..actions import panels as actions
from ..forms import PanelChangeForm, PanelForm
from ..models import DeathImport
from ..population import coverage_by_panel, coverage_of
from .common import require_perm


@login_required
def panel_list(request):
    require_perm(request, "onboarding.form_panel")
    panels = list(Panel.objects.prefetch_related("areas"))
    coverage = coverage_by_panel(panels)
    rows = [(panel, coverage[panel.pk]) for panel in panels]
    return render(request, "onboarding/panel_list.html", {"rows": rows})


@login_required
def new_panel(request):
    require_perm(request, "onboarding.form_panel")
    form = PanelForm(request.POST if request.method == "POST" else None)
    preview = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        # "Check the population" shows the panel's children against the minimum before anything is stored.
        preview = coverage_of(data["areas"])
        if "check" not in request.POST:
            try:
                panel = actions.form_panel(
                    request.user, name=data["name"], areas=data["areas"], effective_on=data.get("effective_on")
                )
            except ValidationError as error:
                add_action_errors(form, error)
            else:
                messages.success(request, f"{panel.name} has been set up")
                return redirect("onboarding:panel", slug=panel.slug)
    return render(request, "onboarding/panel_form.html", {"form": form, "preview": preview})


@login_required
def panel_detail(request, slug):
    panel = get_object_or_404(Panel, slug=slug)
    require_perm(request, "onboarding.view_panel", panel)
    # Counts only: deaths of children resident in the panel's areas, through the person's scoped cases.
    cases = ChildDeathCase.objects.visible_to(request.user).filter(area__in=panel.areas.all())
    counts = {
        "notified": cases.exclude(status=CaseStatus.MERGED).count(),
        "reviewed": cases.filter(panel_review__final=True).count(),
        "imported": cases.filter(imported_from__panel=panel).count(),
    }
    # Every year's count in one statement, not one count per year.
    years = list(
        cases.exclude(status=CaseStatus.MERGED)
        .values_list("date_of_death__year")
        .annotate(deaths=Count("pk", distinct=True))
        .order_by("date_of_death__year")
    )
    return render(
        request,
        "onboarding/panel_detail.html",
        {
            "panel": panel,
            "areas": panel.areas.order_by("name"),
            "coverage": coverage_of(panel.areas.all()),
            "changes": panel.changes.select_related("area", "made_by"),
            "counts": counts,
            "years": years,
            "imports": DeathImport.objects.filter(panel=panel).select_related("uploaded_by", "run")[:10],
            "may_change": request.user.has_perm("onboarding.form_panel"),
            "may_import": request.user.has_perm("onboarding.import_deaths", panel),
            "national": bool(permissions.national_roles(request.user)),
        },
    )


@login_required
def change_panel(request, slug):
    panel = get_object_or_404(Panel, slug=slug)
    require_perm(request, "onboarding.form_panel")
    form = PanelChangeForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        action = actions.add_area if data["change"] == "join" else actions.remove_area
        try:
            action(request.user, panel, data["area"], effective_on=data.get("effective_on"))
        except ValidationError as error:
            add_action_errors(form, error)
        else:
            messages.success(request, f"The change to {panel.name} has been recorded")
            return redirect("onboarding:panel", slug=panel.slug)
    return render(
        request,
        "onboarding/panel_change.html",
        {
            "panel": panel,
            "form": form,
            "title": "Record a change to the panel",
            "caption": panel.name,
            "button": "Record the change",
            "back_url": reverse("onboarding:panel", args=[panel.slug]),
            "back_label": panel.name,
        },
    )
