"""Inviting people by email: who may invite whom, the one-time expiring link, and accepting it."""

import datetime
import hashlib
import re
from unittest import mock

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection, transaction
from django.utils import timezone

from safeguarding.core.models import AuditEvent
from safeguarding.organisations import actions
from safeguarding.organisations.actions.invitations import EXPIRED, REVOKED, UNKNOWN, USED
from safeguarding.organisations.factories import OrganisationFactory, UserFactory, person_with_role
from safeguarding.organisations.models import Invitation, Membership, OrganisationKind, Role
from safeguarding.organisations.models.invitations import INVITATION_LIFETIME, hash_token, new_token

pytestmark = pytest.mark.django_db

GOOD_PASSWORD = "kettle-harbour-lantern"


def link_for(token):
    return f"https://safeguarding.example/invitations/#{token}"


@pytest.fixture
def council(area):
    organisation = OrganisationFactory(kind=OrganisationKind.LOCAL_AUTHORITY, name="Area A Council")
    area.partners.add(organisation)
    return organisation


@pytest.fixture
def other_council(other_area):
    organisation = OrganisationFactory(kind=OrganisationKind.LOCAL_AUTHORITY, name="Area B Council")
    other_area.partners.add(organisation)
    return organisation


@pytest.fixture
def national_body():
    return OrganisationFactory(kind=OrganisationKind.NATIONAL_BODY, name="Child Safeguarding Practice Review Panel")


@pytest.fixture
def area_admin(area, council):
    admin = person_with_role(Role.AREA_ADMINISTRATOR, area, organisation=council, email="admin.a@example.org")
    admin.full_name = "Grace Adeyemi"
    admin.save()
    return admin


@pytest.fixture
def national_admin(national_body):
    return person_with_role(Role.NATIONAL_ADMINISTRATOR, organisation=national_body, email="national@example.org")


def invite(admin, organisation, area, role=Role.PRACTITIONER, email="nia.person@example.org"):
    return actions.invite_person(
        admin,
        email=email,
        full_name="Nia Person",
        organisation=organisation,
        area=area,
        role=role,
        accept_url_builder=link_for,
    )


def stored_invitation(organisation, area, invited_by, role=Role.PRACTITIONER, email="nia.person@example.org", **extra):
    """An invitation made directly, with a token the test knows."""
    token = new_token()
    invitation = Invitation.objects.create(
        email=email,
        full_name="Nia Person",
        organisation=organisation,
        area=area,
        role=role,
        token_hash=hash_token(token),
        invited_by=invited_by,
        **extra,
    )
    return invitation, token


def token_in(message):
    return re.search(r"/invitations/#([A-Za-z0-9_-]+)", message.body).group(1)


def enter_code(client, token):
    """The landing page: the code is POSTed, never part of an address."""
    return client.post("/invitations/", {"code": token})


def open_invitation(client, token):
    enter_code(client, token)
    return client.get("/invitations/accept/")


def verified(user):
    user.is_verified = lambda: True
    return user


# Inviting


def test_area_admin_invites_into_their_area_and_the_email_is_sent_on_commit(
    area, council, area_admin, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        invitation = invite(area_admin, council, area, email="  Nia.Person@Example.org ")
        assert mail.outbox == []  # not before the transaction commits

    assert len(callbacks) == 1
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["nia.person@example.org"]
    assert message.subject == "You are invited to the Safeguarding Learning Platform"
    token = token_in(message)
    assert link_for(token) in message.body
    assert f"copy this into it:\n\n{token}\n" in message.body
    assert "Grace Adeyemi has invited you" in message.body
    assert f"practitioner for Area A Council ({area.name})" in message.body
    assert invitation.email == "nia.person@example.org"
    assert invitation.token_hash == hashlib.sha256(token.encode()).hexdigest()
    assert invitation.expires_at == invitation.created_at + INVITATION_LIFETIME
    assert datetime.timedelta(days=7) == INVITATION_LIFETIME


def test_an_invitation_rolled_back_sends_no_email(area, council, area_admin, django_capture_on_commit_callbacks):
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        invite(area_admin, council, area)
        raise RuntimeError("something later in the same transaction failed")

    assert callbacks == []
    assert mail.outbox == []
    assert not Invitation.objects.exists()


def test_the_token_is_stored_only_as_its_hash(area, council, area_admin, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        invite(area_admin, council, area)
    token = token_in(mail.outbox[0])

    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM organisations_invitation")
        rows = cursor.fetchall()
    stored = " ".join(str(value) for row in rows for value in row)
    assert len(rows) == 1
    assert token not in stored
    assert hashlib.sha256(token.encode()).hexdigest() in stored


def test_sending_is_audited_with_the_area(area, council, area_admin):
    invitation = invite(area_admin, council, area)

    event = AuditEvent.objects.get(verb="invitation.sent")
    assert event.actor == area_admin
    assert event.area == area
    assert event.target_type == "organisations.invitation" and event.target_id == str(invitation.pk)
    assert event.data == {"role": "practitioner", "organisation_id": council.pk, "email": "nia.person@example.org"}


def test_area_admin_cannot_invite_into_another_area(other_area, other_council, area_admin):
    with pytest.raises(PermissionDenied):
        invite(area_admin, other_council, other_area)
    assert not Invitation.objects.exists()
    assert not AuditEvent.objects.exists()
    assert mail.outbox == []


def test_practitioner_cannot_invite(area, council):
    practitioner = person_with_role(Role.PRACTITIONER, area, organisation=council)
    with pytest.raises(PermissionDenied):
        invite(practitioner, council, area)
    assert not Invitation.objects.exists()


def test_area_admin_cannot_give_a_national_role(national_body, area_admin):
    with pytest.raises(PermissionDenied):
        invite(area_admin, national_body, None, role=Role.NATIONAL_ANALYST)
    assert not Invitation.objects.exists()


def test_national_admin_invites_a_national_analyst_and_into_any_area(
    area, council, national_body, national_admin, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        national = invite(national_admin, national_body, None, role=Role.NATIONAL_ANALYST)
        local = invite(national_admin, council, area, role=Role.AREA_ADMINISTRATOR, email="admin@example.org")

    assert national.area is None and local.area == area
    assert "national analyst for Child Safeguarding Practice Review Panel (England (national))" in mail.outbox[0].body
    events = AuditEvent.objects.filter(verb="invitation.sent").order_by("sequence")
    assert [event.area for event in events] == [None, area]


@pytest.mark.parametrize(
    ("role", "use_area", "message"),
    [
        (Role.NATIONAL_ANALYST, True, "A national role is held for the whole of England: do not choose an area"),
        (Role.PRACTITIONER, False, "Choose the area for this role"),
    ],
)
def test_the_area_must_match_the_role(area, national_body, national_admin, role, use_area, message):
    with pytest.raises(ValidationError) as refusal:
        invite(national_admin, national_body, area if use_area else None, role=role)
    assert refusal.value.message_dict == {"area": [message]}


def test_the_organisation_must_be_a_partner_of_the_area(area, other_council, area_admin):
    with pytest.raises(ValidationError) as refusal:
        invite(area_admin, other_council, area)
    assert refusal.value.message_dict == {
        "organisation": [f"Area B Council is not a partner of {area.name}: choose one of its partners"]
    }


def test_a_national_role_is_held_for_a_national_body(council, national_admin):
    with pytest.raises(ValidationError) as refusal:
        invite(national_admin, council, None, role=Role.NATIONAL_ANALYST)
    assert refusal.value.message_dict == {"organisation": ["For a national role, choose a national body"]}


def test_a_second_open_invitation_to_the_same_role_is_refused(area, council, area_admin):
    invite(area_admin, council, area)
    with pytest.raises(ValidationError) as refusal:
        invite(area_admin, council, area, email="NIA.PERSON@example.org")
    assert refusal.value.message_dict == {
        "email": [
            f"nia.person@example.org already has an open invitation to this role in {area.name}. "
            "Revoke it to send a new one"
        ]
    }
    assert Invitation.objects.count() == 1
    # Another role, or the same role once the first invitation is revoked, is fine.
    invite(area_admin, council, area, role=Role.REVIEWER)
    actions.revoke_invitation(area_admin, Invitation.objects.get(role=Role.PRACTITIONER))
    invite(area_admin, council, area)
    assert Invitation.objects.count() == 3


def test_someone_already_holding_the_role_is_not_invited_to_it(area, council, area_admin):
    person_with_role(Role.PRACTITIONER, area, organisation=council, email="nia.person@example.org")
    with pytest.raises(ValidationError) as refusal:
        invite(area_admin, council, area)
    assert refusal.value.message_dict == {
        "email": [f"nia.person@example.org already holds this role for Area A Council in {area.name}"]
    }


# Accepting


def test_accepting_creates_the_account_and_the_role(area, council, area_admin):
    invitation, token = stored_invitation(council, area, area_admin)

    acceptance = actions.accept_invitation(hash_token(token), GOOD_PASSWORD)

    user = acceptance.user
    assert acceptance.created_account
    assert user.email == "nia.person@example.org" and user.full_name == "Nia Person"
    assert user.check_password(GOOD_PASSWORD)
    assert list(user.memberships.values_list("organisation", "area", "role")) == [
        (council.pk, area.pk, Role.PRACTITIONER)
    ]
    invitation.refresh_from_db()
    assert invitation.accepted_at is not None and invitation.accepted_user == user
    event = AuditEvent.objects.get(verb="invitation.accepted")
    assert event.actor == user and event.area == area
    assert event.data == {"role": "practitioner", "organisation_id": council.pk, "new_account": True}


def test_someone_with_an_account_keeps_their_password(area, council, area_admin):
    existing = verified(UserFactory(email="nia.person@example.org", full_name="Nia Person"))
    _, token = stored_invitation(council, area, area_admin, role=Role.REVIEWER)

    acceptance = actions.accept_invitation(hash_token(token), "a-different-password-entirely", user=existing)

    existing.refresh_from_db()
    assert acceptance.user == existing and not acceptance.created_account
    assert existing.check_password("a-long-test-password")
    assert Membership.objects.filter(user=existing, area=area, role=Role.REVIEWER).exists()
    assert get_user_model().objects.filter(email__iexact="nia.person@example.org").count() == 1


def test_the_link_works_once(area, council, area_admin):
    _, token = stored_invitation(council, area, area_admin)
    actions.accept_invitation(hash_token(token), GOOD_PASSWORD)

    with pytest.raises(ValidationError) as refusal:
        actions.accept_invitation(hash_token(token), "another-good-password")
    assert refusal.value.messages == [USED]
    assert Membership.objects.filter(role=Role.PRACTITIONER).count() == 1


def test_the_link_expires_after_seven_days(area, council, area_admin):
    invitation, token = stored_invitation(council, area, area_admin)
    just_before = invitation.created_at + INVITATION_LIFETIME - datetime.timedelta(seconds=1)
    just_after = invitation.created_at + INVITATION_LIFETIME + datetime.timedelta(seconds=1)

    with mock.patch("django.utils.timezone.now", return_value=just_after), pytest.raises(ValidationError) as refusal:
        actions.accept_invitation(hash_token(token), GOOD_PASSWORD)
    assert refusal.value.messages == [EXPIRED]
    assert EXPIRED == "This invitation has expired. Ask your administrator to send a new one"
    assert not get_user_model().objects.filter(email="nia.person@example.org").exists()

    with mock.patch("django.utils.timezone.now", return_value=just_before):
        assert actions.accept_invitation(hash_token(token), GOOD_PASSWORD).created_account


def test_a_revoked_invitation_cannot_be_accepted(area, council, area_admin):
    invitation, token = stored_invitation(council, area, area_admin)
    actions.revoke_invitation(area_admin, invitation)

    with pytest.raises(ValidationError) as refusal:
        actions.accept_invitation(hash_token(token), GOOD_PASSWORD)
    assert refusal.value.messages == [REVOKED]
    assert not get_user_model().objects.filter(email="nia.person@example.org").exists()


def test_an_unknown_token_is_refused(area, council, area_admin):
    stored_invitation(council, area, area_admin)
    with pytest.raises(ValidationError) as refusal:
        actions.accept_invitation(hash_token(new_token()), GOOD_PASSWORD)
    assert refusal.value.messages == [UNKNOWN]


@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("", "Enter a password"),
        ("short-pass", "This password is too short. It must contain at least 12 characters."),
        ("123456789012345", "This password is entirely numeric."),
        ("password1234", "This password is too common."),
        ("nia.person@example.org", "The password is too similar to the email."),
    ],
)
def test_the_password_rules_apply_and_nothing_is_stored(area, council, area_admin, password, message):
    invitation, token = stored_invitation(council, area, area_admin)

    with pytest.raises(ValidationError) as refusal:
        actions.accept_invitation(hash_token(token), password)

    assert message in refusal.value.message_dict["password"]
    assert not get_user_model().objects.filter(email="nia.person@example.org").exists()
    invitation.refresh_from_db()
    assert invitation.accepted_at is None
    assert not AuditEvent.objects.filter(verb="invitation.accepted").exists()


# Revoking


def test_revoking_is_audited_with_the_area(area, council, area_admin):
    invitation, _ = stored_invitation(council, area, area_admin)

    actions.revoke_invitation(area_admin, invitation)

    invitation.refresh_from_db()
    assert invitation.status == Invitation.Status.REVOKED
    event = AuditEvent.objects.get(verb="invitation.revoked")
    assert event.actor == area_admin and event.area == area


def test_another_areas_admin_cannot_revoke(area, council, other_area, other_council, area_admin):
    other_admin = person_with_role(Role.AREA_ADMINISTRATOR, other_area, organisation=other_council)
    invitation, _ = stored_invitation(council, area, area_admin)

    with pytest.raises(PermissionDenied):
        actions.revoke_invitation(other_admin, invitation)
    invitation.refresh_from_db()
    assert invitation.revoked_at is None


def test_an_accepted_invitation_cannot_be_revoked(area, council, area_admin):
    invitation, token = stored_invitation(council, area, area_admin)
    actions.accept_invitation(hash_token(token), GOOD_PASSWORD)

    with pytest.raises(ValidationError) as refusal:
        actions.revoke_invitation(area_admin, invitation)
    assert refusal.value.messages == ["This invitation has already been accepted. End the person's role instead"]


def test_status_follows_the_clock(area, council, area_admin):
    invitation, _ = stored_invitation(council, area, area_admin)
    assert invitation.status == Invitation.Status.PENDING
    assert Invitation.objects.open().count() == 1
    later = timezone.now() + INVITATION_LIFETIME + datetime.timedelta(minutes=1)
    with mock.patch("django.utils.timezone.now", return_value=later):
        assert invitation.status == Invitation.Status.EXPIRED
        assert Invitation.objects.open().count() == 0


# The invitation pages (public)


def test_no_address_carries_the_code(client, area, council, area_admin):
    """Every request of the journey: the code is in a POST body only, so no access log can record it."""
    _, token = stored_invitation(council, area, area_admin)
    seen = [client.get("/invitations/")]
    seen.append(enter_code(client, token))
    seen.append(client.get("/invitations/accept/"))
    seen.append(client.post("/invitations/accept/", {"password": GOOD_PASSWORD, "password_again": GOOD_PASSWORD}))
    for response in seen:
        assert token not in response.request["PATH_INFO"] and token not in response.request.get("QUERY_STRING", "")
        assert token not in response.get("Location", "")
    assert token not in str(dict(client.session))


def test_the_landing_page_asks_for_the_code_and_fills_it_from_the_link(client):
    html = client.get("/invitations/").content.decode()
    assert 'name="code"' in html
    assert "js/invitation-code" in html


def test_the_page_says_who_invited_them_and_for_what(client, area, council, area_admin):
    _, token = stored_invitation(council, area, area_admin, role=Role.REVIEWER)

    assert enter_code(client, token)["Location"] == "/invitations/accept/"
    response = client.get("/invitations/accept/")

    html = response.content.decode()
    assert response.status_code == 200
    assert "Grace Adeyemi has invited you" in html
    assert "Reviewer" in html and "Area A Council" in html and area.name in html
    assert "Create a password" in html and "Enter the password again" in html


def test_the_accept_page_without_a_code_goes_back_to_the_landing_page(client):
    assert client.get("/invitations/accept/")["Location"] == "/invitations/"


def test_accepting_on_the_page_signs_in_and_goes_to_two_factor_set_up(client, area, council, area_admin):
    _, token = stored_invitation(council, area, area_admin)

    enter_code(client, token)
    response = client.post("/invitations/accept/", {"password": GOOD_PASSWORD, "password_again": GOOD_PASSWORD})

    assert response.status_code == 302
    assert response["Location"] == "/two-factor/set-up/"
    assert int(client.session["_auth_user_id"]) == get_user_model().objects.get(email="nia.person@example.org").pk
    # Signed in with a password only: every other page sends them to set up their second factor.
    assert client.get("/home/")["Location"].startswith("/two-factor/set-up/")
    assert client.get("/two-factor/set-up/").status_code == 200


def test_the_page_shows_the_password_rules_that_failed(client, area, council, area_admin):
    _, token = stored_invitation(council, area, area_admin)

    enter_code(client, token)
    response = client.post("/invitations/accept/", {"password": "short-pass", "password_again": "short-pass"})

    html = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in html
    assert '<a href="#id_password">This password is too short. It must contain at least 12 characters.</a>' in html
    assert "_auth_user_id" not in client.session


def test_the_page_asks_for_the_same_password_twice(client, area, council, area_admin):
    _, token = stored_invitation(council, area, area_admin)

    enter_code(client, token)
    response = client.post("/invitations/accept/", {"password": GOOD_PASSWORD, "password_again": "something-else"})

    html = response.content.decode()
    assert '<a href="#id_password_again">The passwords do not match: enter the same password twice</a>' in html
    assert not get_user_model().objects.filter(email="nia.person@example.org").exists()


def test_someone_with_an_account_must_sign_in_before_the_role_is_granted(client, area, council, area_admin):
    existing = UserFactory(email="nia.person@example.org", full_name="Nia Person")
    _, token = stored_invitation(council, area, area_admin)

    page = open_invitation(client, token).content.decode()
    assert "You already have an account" in page and "Create a password" not in page
    assert "Sign in to accept" in page and "/sign-in/?next=%2Finvitations%2Faccept%2F" in page
    # Pressing accept while signed out grants nothing.
    refused = client.post("/invitations/accept/", {})
    assert refused.status_code == 200 and "Sign in to accept" in refused.content.decode()
    assert not Membership.objects.filter(user=existing, area=area).exists()
    assert not AuditEvent.objects.filter(verb="invitation.accepted").exists()


def test_a_password_alone_is_not_enough_either(client, area, council, area_admin):
    existing = UserFactory(email="nia.person@example.org", full_name="Nia Person")
    _, token = stored_invitation(council, area, area_admin)
    enter_code(client, token)
    client.force_login(existing)

    response = client.post("/invitations/accept/", {})

    assert response["Location"] == "/two-factor/?next=%2Finvitations%2Faccept%2F"
    assert not Membership.objects.filter(user=existing, area=area).exists()


def test_signed_in_with_two_factor_the_account_holder_accepts(client, sign_in, area, council, area_admin):
    existing = UserFactory(email="nia.person@example.org", full_name="Nia Person")
    _, token = stored_invitation(council, area, area_admin)
    enter_code(client, token)
    sign_in(existing)

    assert "Accept the invitation to add this role" in client.get("/invitations/accept/").content.decode()
    response = client.post("/invitations/accept/", {})

    assert response["Location"] == "/home/"
    assert Membership.objects.filter(user=existing, area=area, role=Role.PRACTITIONER).exists()
    event = AuditEvent.objects.get(verb="invitation.accepted")
    assert event.actor == existing and event.data["new_account"] is False


def test_the_invitation_survives_the_sign_in_journey(client, area, council, area_admin):
    """Code entered signed out, then password and two-factor code: back on the accept page, it accepts."""
    from django_otp.oath import TOTP
    from django_otp.plugins.otp_totp.models import TOTPDevice

    existing = UserFactory(email="nia.person@example.org", full_name="Nia Person")
    device = TOTPDevice.objects.create(user=existing, name="Phone", confirmed=True)
    _, token = stored_invitation(council, area, area_admin)
    enter_code(client, token)

    signed_in = client.post(
        "/sign-in/?next=/invitations/accept/",
        {"username": existing.email, "password": "a-long-test-password", "next": "/invitations/accept/"},
    )
    assert signed_in["Location"] == "/invitations/accept/"
    assert client.get("/invitations/accept/")["Location"].startswith("/two-factor/")
    totp = TOTP(device.bin_key, step=device.step, digits=device.digits)
    totp.time = timezone.now().timestamp()
    verified_response = client.post(
        "/two-factor/?next=/invitations/accept/", {"code": f"{totp.token():06d}", "next": "/invitations/accept/"}
    )
    assert verified_response["Location"] == "/invitations/accept/"
    assert client.post("/invitations/accept/", {})["Location"] == "/home/"
    assert Membership.objects.filter(user=existing, area=area, role=Role.PRACTITIONER).exists()


def test_the_action_refuses_an_account_holder_who_has_not_signed_in(area, council, area_admin):
    existing = UserFactory(email="nia.person@example.org", full_name="Nia Person")
    _, token = stored_invitation(council, area, area_admin)
    for who in (None, existing, verified(UserFactory(email="someone.else@example.org"))):
        with pytest.raises(ValidationError) as refusal:
            actions.accept_invitation(hash_token(token), user=who)
        assert refusal.value.code in {"sign_in_needed", "other_person"}
    assert not Membership.objects.filter(user=existing, area=area).exists()


@pytest.mark.parametrize(
    ("state", "status", "message"),
    [("expired", 410, EXPIRED), ("revoked", 410, REVOKED), ("used", 410, USED)],
)
def test_a_code_that_no_longer_works_says_why(client, area, council, area_admin, state, status, message):
    now = timezone.now()
    invitation, token = stored_invitation(council, area, area_admin)
    if state == "expired":
        Invitation.objects.filter(pk=invitation.pk).update(expires_at=now - datetime.timedelta(minutes=1))
    elif state == "revoked":
        Invitation.objects.filter(pk=invitation.pk).update(revoked_at=now)
    elif state == "used":
        actions.accept_invitation(hash_token(token), GOOD_PASSWORD)

    response = enter_code(client, token)
    assert response.status_code == status
    assert f"{message}." in response.content.decode()


def test_an_unknown_code_is_named_on_the_form(client, area, council, area_admin):
    stored_invitation(council, area, area_admin)
    response = enter_code(client, new_token())
    assert response.status_code == 200
    assert UNKNOWN in response.content.decode()


def test_an_invitation_withdrawn_after_the_code_was_entered_says_so(client, area, council, area_admin):
    invitation, token = stored_invitation(council, area, area_admin)
    enter_code(client, token)
    Invitation.objects.filter(pk=invitation.pk).update(revoked_at=timezone.now())
    for response in (client.get("/invitations/accept/"), client.post("/invitations/accept/", {})):
        assert response.status_code in {302, 410}
    assert not get_user_model().objects.filter(email="nia.person@example.org").exists()


def test_someone_signed_in_as_another_person_is_told_so(client, sign_in, area, council, area_admin):
    _, token = stored_invitation(council, area, area_admin)
    sign_in(area_admin)
    enter_code(client, token)

    response = client.post("/invitations/accept/", {"password": GOOD_PASSWORD, "password_again": GOOD_PASSWORD})

    assert response.status_code == 200
    assert "This invitation is for someone else" in response.content.decode()
    assert not get_user_model().objects.filter(email="nia.person@example.org").exists()


def test_the_person_must_have_a_name_and_a_real_email_address(area, council, area_admin):
    with pytest.raises(ValidationError) as refusal:
        actions.invite_person(
            area_admin,
            email="not an address",
            full_name="  ",
            organisation=council,
            area=area,
            role=Role.PRACTITIONER,
            accept_url_builder=link_for,
        )
    assert refusal.value.message_dict == {
        "full_name": ["Enter the person's full name"],
        "email": ["Enter an email address in the correct format, like name@example.org"],
    }
    assert not Invitation.objects.exists()
