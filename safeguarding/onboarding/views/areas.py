"""Forming a safeguarding area, its page with partners and history, its lead chief officers' confirmations, changes."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from safeguarding.core import permissions
from safeguarding.core.forms import add_action_errors
from safeguarding.organisations.models import Invitation, OrganisationKind, Role, SafeguardingArea

from ..actions import areas as actions
from ..forms import AreaChangeForm, AreaForm
from ..models import PartnerConfirmation
from ..population import coverage_of
from .common import accept_url_builder, require_perm


@login_required
def area_list(request):
    require_perm(request, "onboarding.list_areas")
    areas = SafeguardingArea.objects.prefetch_related("local_authorities", "child_death_panels").order_by("name")
    if not permissions.is_national_administrator(request.user):
        areas = areas.filter(pk__in=permissions.area_ids_with_role(request.user, {Role.AREA_ADMINISTRATOR}))
    return render(
        request,
        "onboarding/area_list.html",
        {"areas": areas, "may_form": request.user.has_perm("onboarding.form_area")},
    )


@login_required
def new_area(request):
    require_perm(request, "onboarding.form_area")
    form = AreaForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            area = actions.form_area(
                request.user,
                name=data["name"],
                nation=data["nation"],
                local_authorities=data["local_authorities"],
                local_authority_partner=data["local_authority_partner"],
                health_body=data["health_body"],
                police_force=data["police_force"],
                administrator=form.person("administrator"),
                chief_officers={
                    OrganisationKind.LOCAL_AUTHORITY: form.person("local_authority_partner_officer"),
                    OrganisationKind.HEALTH: form.person("health_body_officer"),
                    OrganisationKind.POLICE: form.person("police_force_officer"),
                },
                accept_url_builder=accept_url_builder(request),
            )
        except ValidationError as error:
            add_action_errors(form, error)
        else:
            messages.success(request, f"{area.name} has been formed and its invitations sent")
            return redirect("onboarding:area", slug=area.slug)
    return render(request, "onboarding/area_form.html", {"form": form})


def _area_or_404(request, slug):
    area = get_object_or_404(SafeguardingArea, slug=slug)
    require_perm(request, "onboarding.view_area", area)
    return area


@login_required
def area_detail(request, slug):
    area = _area_or_404(request, slug)
    from safeguarding.child_deaths.models import Panel

    confirmations = list(PartnerConfirmation.objects.filter(area=area).select_related("organisation", "confirmed_by"))
    panels = Panel.objects.filter(areas=area)
    return render(
        request,
        "onboarding/area_detail.html",
        {
            "area": area,
            "authorities": area.local_authorities.select_related("region", "police_force_area"),
            "partners": area.partners.order_by("kind", "name"),
            "confirmations": confirmations,
            "may_confirm": bool(actions.confirmations_for(request.user, area)),
            "changes": area.changes.select_related("made_by"),
            "merged_into": actions.merged_into(area),
            "coverage": coverage_of([area]),
            "panels": panels,
            "waiting": Invitation.objects.administered_by(request.user)
            .open()
            .filter(area=area, role=Role.LEAD_CHIEF_OFFICER)
            .count(),
            "may_change": request.user.has_perm("onboarding.change_area", area),
            "may_import_reports": request.user.has_perm("onboarding.import_reports", area),
            "may_import_incidents": request.user.has_perm("onboarding.import_incidents", area),
        },
    )


@login_required
@require_POST
def confirm_area(request, slug):
    area = _area_or_404(request, slug)
    try:
        confirmation = actions.confirm_area(request.user, area)
    except PermissionDenied:
        raise Http404 from None
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, f"You have confirmed {area.name} for {confirmation.organisation.name}")
    return redirect("onboarding:area", slug=area.slug)


@login_required
def change_area(request, slug):
    area = get_object_or_404(SafeguardingArea, slug=slug)
    require_perm(request, "onboarding.change_area", area)
    form = AreaChangeForm(request.POST if request.method == "POST" else None, area=area)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        kind, when = data["change"], {"effective_on": data.get("effective_on")}
        try:
            if kind == AreaChangeForm.Kind.JOIN:
                actions.add_local_authority(request.user, area, data["local_authority"], **when)
            elif kind == AreaChangeForm.Kind.LEAVE:
                actions.remove_local_authority(request.user, area, data["local_authority"], **when)
            elif kind == AreaChangeForm.Kind.HEALTH:
                actions.change_health_body(request.user, area, data["health_body"], **when)
            else:
                actions.merge_areas(request.user, area, data["absorbed"], **when)
        except ValidationError as error:
            add_action_errors(form, error)
        else:
            messages.success(request, f"The change to {area.name} has been recorded")
            return redirect("onboarding:area", slug=area.slug)
    return render(
        request,
        "onboarding/area_change.html",
        {
            "area": area,
            "form": form,
            "title": "Record a change to the area",
            "caption": area.name,
            "button": "Record the change",
            "back_url": reverse("onboarding:area", args=[area.slug]),
            "back_label": area.name,
        },
    )
