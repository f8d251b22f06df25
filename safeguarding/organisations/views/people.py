"""The people administrators manage: the list, one person, and changes to their roles and second factor."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch, Q
from django.shortcuts import get_object_or_404, redirect, render
from django_otp import user_has_device

from safeguarding.core.forms import add_action_errors
from safeguarding.core.pagination import paginate, pagination_links

from .. import actions
from ..actions.checks import check_may_manage_person, people_administered_by
from ..forms import PeopleFilterForm, RoleForm
from ..models import Invitation, Membership, SafeguardingArea
from .access import PAGE_SIZE, administrator_required


@administrator_required
def people_list(request):
    administered = Membership.objects.administered_by(request.user)
    people = people_administered_by(request.user)
    form = PeopleFilterForm(request.GET or None, admin=request.user)
    filters = form.filters()
    if filters.get("q"):
        people = people.filter(Q(full_name__icontains=filters["q"]) | Q(email__icontains=filters["q"]))
    if filters.get("role") or filters.get("area"):
        matching = administered
        if filters.get("role"):
            matching = matching.filter(role=filters["role"])
        if filters.get("area"):
            matching = matching.filter(area=filters["area"])
        people = people.filter(pk__in=matching.values("user_id"))
    people = people.order_by("full_name", "email").prefetch_related(
        Prefetch(
            "memberships",
            queryset=administered.select_related("organisation", "area").order_by("role"),
            to_attr="administered_memberships",
        )
    )
    page = paginate(request, people, PAGE_SIZE)
    return render(
        request,
        "organisations/people_list.html",
        {
            "filter_form": form,
            "filtered": bool(filters),
            # Inviting from a list narrowed to one area invites to that area.
            "invite_area": filters.get("area"),
            "page": page,
            "pagination": pagination_links(page, request.GET),
        },
    )


def _person_or_404(request, pk):
    return get_object_or_404(people_administered_by(request.user), pk=pk)


@administrator_required
def person_detail(request, pk):
    person = _person_or_404(request, pk)
    memberships = (
        Membership.objects.administered_by(request.user)
        .filter(user=person)
        .select_related("organisation", "area")
        .order_by("area__name", "role")
    )
    invitations = (
        Invitation.objects.administered_by(request.user)
        .open()
        .filter(email__iexact=person.email)
        .select_related("organisation", "area")
    )
    return render(
        request,
        "organisations/person_detail.html",
        {
            "person": person,
            "memberships": memberships,
            "invitations": invitations,
            "has_second_factor": user_has_device(person),
            "may_reset_two_factor": _may_manage(request.user, person),
        },
    )


def _may_manage(admin, person):
    try:
        check_may_manage_person(admin, person)
    except PermissionDenied:
        return False
    return True


@administrator_required
def grant_role(request, pk):
    person = _person_or_404(request, pk)
    # The areas the person already works in: the organisations there are the likeliest for a new role.
    home_areas = SafeguardingArea.objects.filter(
        pk__in=Membership.objects.administered_by(request.user).filter(user=person).values("area_id")
    )
    form = RoleForm(request.POST if request.method == "POST" else None, admin=request.user, home_areas=home_areas)
    if request.method == "POST" and form.is_valid():
        try:
            membership = actions.grant_membership(
                request.user,
                person,
                form.cleaned_data["organisation"],
                form.cleaned_data["area"],
                form.cleaned_data["role"],
            )
        except ValidationError as error:
            add_action_errors(form, error)
        else:
            messages.success(request, f"{person.full_name} is now {membership.get_role_display().lower()}")
            return redirect("organisations:person", pk=person.pk)
    return render(request, "organisations/grant_role.html", {"person": person, "form": form})


@administrator_required
def end_membership(request, pk, membership_pk):
    person = _person_or_404(request, pk)
    membership = get_object_or_404(
        Membership.objects.administered_by(request.user).select_related("organisation", "area"),
        pk=membership_pk,
        user=person,
    )
    refusal = None
    if request.method == "POST":
        try:
            actions.end_membership(request.user, membership)
        except ValidationError as error:
            refusal = error.messages[0]
        else:
            messages.success(request, f"{person.full_name}'s role as {membership.get_role_display().lower()} has ended")
            if people_administered_by(request.user).filter(pk=person.pk).exists():
                return redirect("organisations:person", pk=person.pk)
            return redirect("organisations:people")
    return render(
        request,
        "organisations/end_membership.html",
        {"person": person, "membership": membership, "refusal": refusal},
    )


@administrator_required
def reset_two_factor(request, pk):
    person = _person_or_404(request, pk)
    if request.method == "POST":
        actions.reset_two_factor(request.user, person)
        messages.success(
            request,
            f"{person.full_name}'s two-factor authentication has been reset. "
            "They will set it up again when they next sign in",
        )
        return redirect("organisations:person", pk=person.pk)
    return render(request, "organisations/reset_two_factor.html", {"person": person})
