"""The people administration pages and the invitation page in a real Chromium: working, accessible, error-free."""

import re

import pytest
from django.contrib.auth import get_user_model
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from safeguarding.core.tests.browser import assert_accessible, assert_styled
from safeguarding.organisations.factories import MembershipFactory, OrganisationFactory, UserFactory
from safeguarding.organisations.models import Invitation, OrganisationKind, Role
from safeguarding.organisations.models.invitations import hash_token, new_token

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "a long enough password for tests"


@pytest.fixture
def council(area):
    organisation = OrganisationFactory(kind=OrganisationKind.LOCAL_AUTHORITY, name="Area A Council")
    area.partners.add(organisation)
    return organisation


@pytest.fixture
def area_admin(area, council):
    user = get_user_model().objects.create_user(
        email="grace.admin@example.org", password=PASSWORD, full_name="Grace Adeyemi"
    )
    MembershipFactory(user=user, organisation=council, area=area, role=Role.AREA_ADMINISTRATOR)
    user.authenticator = TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=True)
    return user


@pytest.fixture
def amara(area, council):
    user = UserFactory(email="amara.okafor@example.org", full_name="Amara Okafor")
    MembershipFactory(user=user, organisation=council, area=area, role=Role.PRACTITIONER)
    return user


def sign_in_with_both_factors(page, user):
    page.goto("/sign-in/")
    page.get_by_label("Email address").fill(user.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    device = user.authenticator
    code = totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits)
    page.get_by_label("Code from your authenticator app").fill(f"{code:06d}")
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(re.compile(r"/home/$"))


def test_the_people_list_and_a_persons_page(page, page_log, area_admin, amara):
    sign_in_with_both_factors(page, area_admin)

    page.goto("/people/")
    expect(page.get_by_role("heading", level=1)).to_have_text("People")
    expect(page.get_by_role("link", name="Amara Okafor")).to_be_visible()
    assert_styled(page)
    assert_accessible(page)

    page.get_by_label("Name or email address").fill("okafor")
    page.get_by_role("button", name="Search").click()
    expect(page.get_by_role("heading", name="1 person")).to_be_visible()
    page.get_by_role("link", name="Amara Okafor").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Amara Okafor")
    expect(page.get_by_role("cell", name="Practitioner", exact=True)).to_be_visible()
    expect(page.get_by_text("Not set up")).to_be_visible()
    assert_accessible(page)
    page_log.assert_clean()


def test_the_invite_form_shows_its_errors_then_sends(page, page_log, area, area_admin):
    sign_in_with_both_factors(page, area_admin)
    page.goto("/people/invite/")
    assert_accessible(page)

    page.get_by_role("button", name="Send invitation").click()

    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("Enter the person's full name")
    expect(summary).to_contain_text("Choose a role")
    expect(page).to_have_title(re.compile(r"^Error: Invite a person"))
    assert_accessible(page)
    summary.get_by_role("link", name="Choose a role").click()
    expect(page.get_by_label("Area administrator")).to_be_focused()  # the first of the radios

    page.get_by_label("Full name").fill("Nia Person")
    page.get_by_label("Work email address").fill("nia.person@example.org")
    page.get_by_label("Practitioner").check()
    # The organisation chooser is a type-ahead box: type part of the name, then pick the suggestion.
    page.get_by_label("Organisation").fill("Area A")
    page.get_by_role("option", name=re.compile("Area A Council")).click()
    page.get_by_role("button", name="Send invitation").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Invitations sent")
    expect(page.get_by_text("Invitation sent to nia.person@example.org")).to_be_visible()
    assert_accessible(page)
    page_log.assert_clean()


def test_accepting_an_invitation_leads_to_two_factor_set_up(page, page_log, area, council, area_admin):
    token = new_token()
    Invitation.objects.create(
        email="nia.person@example.org",
        full_name="Nia Person",
        organisation=council,
        area=area,
        role=Role.PRACTITIONER,
        token_hash=hash_token(token),
        invited_by=area_admin,
    )

    # The link from the email: the code after "#" never reaches the server; the page's script fills it in.
    page.goto(f"/invitations/#{token}")
    expect(page.get_by_role("heading", level=1)).to_have_text("Your invitation")
    expect(page.get_by_label("Invitation code")).to_have_value(token)
    assert "#" not in page.url
    assert_accessible(page)
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Accept your invitation")
    expect(page.get_by_text("Grace Adeyemi has invited you")).to_be_visible()
    assert_styled(page)
    assert_accessible(page)

    page.get_by_label("Create a password").fill("short-pass")
    page.get_by_label("Enter the password again").fill("short-pass")
    page.get_by_role("button", name="Accept and continue").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("This password is too short")
    assert_accessible(page)

    page.get_by_label("Create a password").fill(PASSWORD)
    page.get_by_label("Enter the password again").fill(PASSWORD)
    page.get_by_role("button", name="Accept and continue").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Set up two-factor authentication")
    page_log.assert_clean()
