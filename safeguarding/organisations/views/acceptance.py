"""The public pages an invitation opens.

The email's link is `/invitations/#<code>`: the code travels in the fragment, which browsers never send,
so no server, proxy or access log ever sees it. The landing page takes the code in a form (a small script
fills it in from the fragment; without JavaScript the invitee pastes it from the email) and POSTs it;
from then on the session holds the code's hash, and the acceptance page has no secret in its address.

Someone new chooses a password and goes on to set up two-factor authentication. Someone who already has
an account signs in first, with their password and two-factor code, and only then accepts.
"""

from django.contrib import messages
from django.contrib.auth import login
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from safeguarding.core.forms import add_action_errors

from .. import actions
from ..actions.invitations import check_usable, existing_account, find_invitation, find_invitation_by_hash
from ..forms import AcceptInvitationForm, InvitationCodeForm, NewPasswordForm

_SIGN_IN_BACKEND = "safeguarding.organisations.backends.EmailBackend"
# The hash of the invitation code the invitee entered: never the code itself.
SESSION_KEY = "invitation_token_hash"


def _unusable(request, error):
    status = 404 if error.code == "unknown" else 410
    return render(request, "organisations/invitation_unusable.html", {"message": error.messages[0]}, status=status)


@never_cache
@require_http_methods(["GET", "POST"])
def start(request):
    form = InvitationCodeForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        invitation = find_invitation(form.cleaned_data["code"])
        try:
            check_usable(invitation)
        except ValidationError as error:
            if error.code != "unknown":
                return _unusable(request, error)
            form.add_error("code", error.messages[0])
        else:
            request.session[SESSION_KEY] = invitation.token_hash
            return redirect("invitations:accept")
    return render(request, "organisations/invitation_start.html", {"form": form})


def _signed_in_fully(user):
    return user.is_authenticated and user.is_verified()


def _sign_in_url(request):
    """Where an account holder proves who they are, coming back here afterwards."""
    target = "core:two-factor-verify" if request.user.is_authenticated else "core:sign-in"
    return f"{reverse(target)}?{urlencode({'next': reverse('invitations:accept')})}"


@never_cache
@require_http_methods(["GET", "POST"])
def accept(request):
    token_hash = request.session.get(SESSION_KEY)
    if not token_hash:
        return redirect("invitations:start")
    invitation = find_invitation_by_hash(token_hash)
    try:
        check_usable(invitation)
    except ValidationError as error:
        request.session.pop(SESSION_KEY, None)
        return _unusable(request, error)
    if request.user.is_authenticated and request.user.email.lower() != invitation.email:
        return render(request, "organisations/invitation_other_person.html", {"invitation": invitation})

    has_account = existing_account(invitation) is not None
    context = {"invitation": invitation, "has_account": has_account}
    if has_account and not _signed_in_fully(request.user):
        # Nothing is granted on this path: the link alone must not give a role to an existing account.
        if request.user.is_authenticated:
            return redirect(_sign_in_url(request))
        return render(
            request, "organisations/accept_invitation.html", {**context, "sign_in_url": _sign_in_url(request)}
        )
    form_class = AcceptInvitationForm if has_account else NewPasswordForm
    form = form_class(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            acceptance = actions.accept_invitation(
                token_hash, form.cleaned_data.get("password"), user=request.user if has_account else None
            )
        except ValidationError as error:
            if hasattr(error, "error_dict"):
                add_action_errors(form, error)
            else:
                return _unusable(request, error)
        else:
            request.session.pop(SESSION_KEY, None)
            return _after_acceptance(request, acceptance)
    return render(request, "organisations/accept_invitation.html", {**context, "form": form})


def _after_acceptance(request, acceptance):
    role = acceptance.invitation.get_role_display().lower()
    if acceptance.created_account:
        login(request, acceptance.user, backend=_SIGN_IN_BACKEND)
        return redirect("core:two-factor-set-up")
    messages.success(request, f"You are now {role} for {acceptance.invitation.organisation.name}")
    return redirect("core:home")
