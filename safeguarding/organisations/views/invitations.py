"""Inviting people, the list of invitations sent, and revoking one."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from safeguarding.core.forms import add_action_errors
from safeguarding.core.pagination import paginate, pagination_links

from .. import actions
from ..forms import InviteForm
from ..models import Invitation
from .access import PAGE_SIZE, administrator_required


@administrator_required
def invite(request):
    # `?area=` (a link from an area's pages) chooses the area and lists its organisations first.
    initial = {"area": request.GET["area"]} if request.GET.get("area", "").isdigit() else {}
    form = InviteForm(request.POST if request.method == "POST" else None, admin=request.user, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            invitation = actions.invite_person(
                request.user,
                email=data["email"],
                full_name=data["full_name"],
                organisation=data["organisation"],
                area=data["area"],
                role=data["role"],
                # The code after `#`: browsers never send a fragment, so no access log can record it.
                accept_url_builder=lambda token: f"{request.build_absolute_uri(reverse('invitations:start'))}#{token}",
            )
        except ValidationError as error:
            add_action_errors(form, error)
        else:
            messages.success(request, f"Invitation sent to {invitation.email}")
            return redirect("organisations:invitations")
    return render(request, "organisations/invite.html", {"form": form})


@administrator_required
def invitation_list(request):
    invitations = Invitation.objects.administered_by(request.user).select_related("organisation", "area", "invited_by")
    page = paginate(request, invitations, PAGE_SIZE)
    return render(
        request,
        "organisations/invitation_list.html",
        {"page": page, "pagination": pagination_links(page, request.GET)},
    )


@administrator_required
def revoke_invitation(request, pk):
    invitation = get_object_or_404(
        Invitation.objects.administered_by(request.user).select_related("organisation", "area"), pk=pk
    )
    refusal = None
    if request.method == "POST":
        try:
            actions.revoke_invitation(request.user, invitation)
        except ValidationError as error:
            refusal = error.messages[0]
        else:
            messages.success(request, f"The invitation to {invitation.email} has been revoked")
            return redirect("organisations:invitations")
    return render(request, "organisations/revoke_invitation.html", {"invitation": invitation, "refusal": refusal})
