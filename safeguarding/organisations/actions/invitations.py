"""Inviting a person by email, their accepting the invitation, and withdrawing it."""

from dataclasses import dataclass
from functools import partial

from django.conf import settings
from django.contrib.auth import get_user_model, password_validation
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.core.validators import validate_email
from django.db import transaction
from django.utils import dateformat, timezone

from safeguarding.core import audit
from safeguarding.core.permissions import has_verified_second_factor

from ..models import Invitation, Membership
from ..models.invitations import INVITATION_LIFETIME, hash_token, new_token
from . import checks


def invite_person(admin, *, email, full_name, organisation, area, role, accept_url_builder):
    """Creates an invitation and, once it is stored, emails its one-time link and code.

    `accept_url_builder(token)` returns the absolute address of the invitation page for a token (views pass
    one built from the request, carrying the token in the fragment after `#`, which browsers never send to
    a server, so no access log anywhere records it). The token itself is never stored, only its hash.
    """
    email = checks.normalise_email(email)
    full_name = (full_name or "").strip()
    checks.check_scope(role, area)
    checks.check_may_manage_role(admin, area, role)
    _check_person(email, full_name)
    checks.check_organisation_fits(organisation, area, role)
    token = new_token()
    now = timezone.now()
    with transaction.atomic():
        if area is not None:
            checks.lock_area(area)
        _check_not_already_invited_or_holding(email, organisation, area, role)
        checks.check_lead_chief_officer_free(organisation, area, role)
        checks.check_national_and_identity_roles_apart(email, role)
        invitation = Invitation.objects.create(
            email=email,
            full_name=full_name,
            organisation=organisation,
            area=area,
            role=role,
            token_hash=hash_token(token),
            invited_by=admin,
            created_at=now,
            expires_at=now + INVITATION_LIFETIME,
        )
        audit.record(
            admin,
            "invitation.sent",
            invitation,
            {"role": role, "organisation_id": organisation.pk, "email": email},
            area=area,
        )
        # Robust: the invitation is stored whatever the mail server does. Django logs a failure, and
        # the administrator can revoke the invitation and send another.
        transaction.on_commit(
            partial(_send_invitation_email, invitation, accept_url_builder(token), token, admin.full_name), robust=True
        )
    return invitation


def _check_person(email, full_name):
    errors = {}
    if not full_name:
        errors["full_name"] = "Enter the person's full name"
    try:
        validate_email(email)
    except ValidationError:
        errors["email"] = "Enter an email address in the correct format, like name@example.org"
    if errors:
        raise ValidationError(errors)


def _check_not_already_invited_or_holding(email, organisation, area, role):
    held_for = area.name if area else "England"
    if Invitation.objects.open().filter(email=email, area=area, role=role).exists():
        raise ValidationError(
            {"email": f"{email} already has an open invitation to this role in {held_for}. Revoke it to send a new one"}
        )
    if Membership.objects.filter(user__email__iexact=email, organisation=organisation, area=area, role=role).exists():
        raise ValidationError({"email": f"{email} already holds this role for {organisation.name} in {held_for}"})


def _send_invitation_email(invitation, link, code, inviter_name):
    expires = dateformat.format(timezone.localtime(invitation.expires_at), "j F Y \\a\\t H:i")
    message = (
        f"Dear {invitation.full_name},\n\n"
        f"{inviter_name} has invited you to use the {settings.SERVICE_NAME} as "
        f"{invitation.get_role_display().lower()} for {invitation.organisation.name} "
        f"({invitation.held_for}).\n\n"
        f"To accept, open this link:\n\n{link}\n\n"
        f"If the page asks for your invitation code, copy this into it:\n\n{code}\n\n"
        f"The code works once and expires on {expires}. If it has expired, ask your administrator "
        "to send a new one.\n\n"
        "If you are new to the service you will choose a password, then set up an authenticator app "
        "on your phone for two-factor authentication. If you already have an account, you sign in with "
        "your password and two-factor code before you accept.\n\n"
        "If you were not expecting this email, you can ignore it.\n"
    )
    send_mail(f"You are invited to the {settings.SERVICE_NAME}", message, None, [invitation.email])


# What the invitee reads when the link no longer works.
EXPIRED = "This invitation has expired. Ask your administrator to send a new one"
REVOKED = "This invitation has been withdrawn. Ask your administrator if you still need access"
USED = "This invitation has already been used. Sign in with your email address and password"
UNKNOWN = "This invitation link is not valid. Check that you copied the whole link from the email"


def find_invitation(token):
    """The invitation an invitation code (the link's token) belongs to, or None."""
    if not token:
        return None
    return find_invitation_by_hash(hash_token(token.strip()))


def find_invitation_by_hash(token_hash):
    """The invitation whose code hashes to `token_hash` (what the acceptance pages keep in the session)."""
    if not token_hash:
        return None
    return Invitation.objects.select_related("organisation", "area", "invited_by").filter(token_hash=token_hash).first()


def check_usable(invitation):
    if invitation is None:
        raise ValidationError(UNKNOWN, code="unknown")
    status = invitation.status
    if status == Invitation.Status.ACCEPTED:
        raise ValidationError(USED, code="used")
    if status == Invitation.Status.REVOKED:
        raise ValidationError(REVOKED, code="revoked")
    if status == Invitation.Status.EXPIRED:
        raise ValidationError(EXPIRED, code="expired")


def existing_account(invitation):
    return get_user_model().objects.filter(email__iexact=invitation.email).first()


@dataclass(frozen=True)
class Acceptance:
    user: object
    created_account: bool
    invitation: Invitation


SIGN_IN_FIRST = (
    "You already have an account: sign in with your email address, password and two-factor code, "
    "then accept the invitation"
)


def accept_invitation(token_hash, password=None, *, user=None):
    """Gives the invitee their role, creating their account with `password` if they have none.

    `token_hash` is the hash of the invitation code. Someone who already has an account must be signed in
    to it, with their second factor (`user`), before the role is theirs: the link alone, which anyone who
    sees the email holds, grants nothing to an existing account. `password` is then ignored. The code
    works once.
    """
    User = get_user_model()
    with transaction.atomic():
        # Locked so that two clicks on the same link cannot both use it.
        invitation = Invitation.objects.select_for_update().filter(token_hash=token_hash or "").first()
        check_usable(invitation)
        account = existing_account(invitation)
        created_account = account is None
        if created_account:
            if user is not None and getattr(user, "is_authenticated", False):
                raise ValidationError(
                    "This invitation is for a new account: sign out, then open the invitation again",
                    code="other_person",
                )
            _check_new_password(password, invitation)
            user = User.objects.create_user(invitation.email, password, full_name=invitation.full_name)
        else:
            _check_signed_in_as(user, account)
            user = account
        if invitation.area_id is not None:
            checks.lock_area(invitation.area)
        if not Membership.objects.filter(
            user=user, organisation=invitation.organisation, area=invitation.area, role=invitation.role
        ).exists():
            _check_role_still_free(invitation)
            _check_roles_still_apart(invitation)
            membership = Membership.objects.create(
                user=user, organisation=invitation.organisation, area=invitation.area, role=invitation.role
            )
            ask_lead_chief_officer_to_confirm(membership)
        invitation.accepted_at = timezone.now()
        invitation.accepted_user = user
        invitation.save(update_fields=["accepted_at", "accepted_user"])
        audit.record(
            user,
            "invitation.accepted",
            invitation,
            {"role": invitation.role, "organisation_id": invitation.organisation_id, "new_account": created_account},
            area=invitation.area,
        )
    return Acceptance(user=user, created_account=created_account, invitation=invitation)


def _check_signed_in_as(user, account):
    if user is None or not getattr(user, "is_authenticated", False) or not has_verified_second_factor(user):
        raise ValidationError(SIGN_IN_FIRST, code="sign_in_needed")
    if user.pk != account.pk:
        raise ValidationError("This invitation was sent to another email address", code="other_person")


def _check_new_password(password, invitation):
    if not password:
        raise ValidationError({"password": "Enter a password"})
    candidate = get_user_model()(email=invitation.email, full_name=invitation.full_name)
    try:
        password_validation.validate_password(password, user=candidate)
    except ValidationError as error:
        raise ValidationError({"password": error.messages}) from None


def _check_role_still_free(invitation):
    """Someone else may have become the lead chief officer since the invitation was sent."""
    try:
        checks.check_lead_chief_officer_free(
            invitation.organisation, invitation.area, invitation.role, ignore_invitation=invitation
        )
    except ValidationError:
        raise ValidationError(
            f"Someone else has become a lead chief officer for {invitation.area.name} from your kind of "
            "organisation since you were invited. Ask your administrator",
            code="role_taken",
        ) from None


def _check_roles_still_apart(invitation):
    """The person may have been given a national (or an identity) role since the invitation was sent."""
    try:
        checks.check_national_and_identity_roles_apart(invitation.email, invitation.role)
    except ValidationError as error:
        raise ValidationError(
            f"{error.message_dict['role'][0]}. Ask your administrator", code="role_conflict"
        ) from None


_CANNOT_REVOKE = {
    Invitation.Status.ACCEPTED: "This invitation has already been accepted. End the person's role instead",
    Invitation.Status.REVOKED: "This invitation has already been revoked",
    Invitation.Status.EXPIRED: "This invitation has already expired",
}


def revoke_invitation(admin, invitation):
    """Withdraws an invitation that has not been used, so its link stops working."""
    checks.check_may_manage_role(admin, invitation.area, invitation.role)
    with transaction.atomic():
        invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
        if invitation.status != Invitation.Status.PENDING:
            raise ValidationError(_CANNOT_REVOKE[invitation.status])
        invitation.revoked_at = timezone.now()
        invitation.save(update_fields=["revoked_at"])
        audit.record(
            admin,
            "invitation.revoked",
            invitation,
            {"role": invitation.role, "organisation_id": invitation.organisation_id},
            area=invitation.area,
        )
    return invitation


def ask_lead_chief_officer_to_confirm(membership):
    """A new lead chief officer whose organisation has yet to confirm the area is asked to (onboarding)."""
    from safeguarding.onboarding.actions.areas import ask_to_confirm

    ask_to_confirm(membership)
