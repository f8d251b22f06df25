"""The public page an invitation link opens: the invitee chooses a password (or confirms, if they already
have an account) and is then taken to set up two-factor authentication."""

from django.contrib import messages
from django.contrib.auth import login
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache

from safeguarding.core.forms import add_action_errors

from .. import actions
from ..actions.invitations import check_usable, existing_account, find_invitation
from ..forms import AcceptInvitationForm, NewPasswordForm

_SIGN_IN_BACKEND = "safeguarding.organisations.backends.EmailBackend"


def _unusable(request, error):
    status = 404 if error.code == "unknown" else 410
    return render(request, "organisations/invitation_unusable.html", {"message": error.messages[0]}, status=status)


@never_cache
def accept(request, token):
    invitation = find_invitation(token)
    try:
        check_usable(invitation)
    except ValidationError as error:
        return _unusable(request, error)
    if request.user.is_authenticated and request.user.email.lower() != invitation.email:
        return render(request, "organisations/invitation_other_person.html", {"invitation": invitation})

    has_account = existing_account(invitation) is not None
    form_class = AcceptInvitationForm if has_account else NewPasswordForm
    form = form_class(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            acceptance = actions.accept_invitation(token, form.cleaned_data.get("password"))
        except ValidationError as error:
            if hasattr(error, "error_dict"):
                add_action_errors(form, error)
            else:
                return _unusable(request, error)
        else:
            return _after_acceptance(request, acceptance)
    return render(
        request,
        "organisations/accept_invitation.html",
        {"invitation": invitation, "form": form, "has_account": has_account},
    )


def _after_acceptance(request, acceptance):
    role = acceptance.invitation.get_role_display().lower()
    if acceptance.created_account:
        login(request, acceptance.user, backend=_SIGN_IN_BACKEND)
        return redirect("core:two-factor-set-up")
    messages.success(request, f"You are now {role} for {acceptance.invitation.organisation.name}")
    if request.user.is_authenticated:
        return redirect("core:home")
    return redirect("core:sign-in")
