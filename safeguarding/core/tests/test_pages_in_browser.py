"""The service's own pages in a real Chromium: styled by GOV.UK Frontend, free of console errors, passing axe."""

import re

import pytest
from django.contrib.auth import get_user_model
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from .browser import assert_accessible, assert_styled

pytestmark = pytest.mark.browser

PASSWORD = "a long enough password for tests"


def sign_in(page, email, password):
    page.goto("/sign-in/")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()


def current_code(device):
    """What the person's authenticator app shows now."""
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def enter_second_factor(page, device):
    page.get_by_label("Code from your authenticator app").fill(current_code(device))
    page.get_by_role("button", name="Sign in").click()


@pytest.fixture
def newcomer(transactional_db):
    """Signed up, but has not set up an authenticator app yet."""
    return get_user_model().objects.create_user(email="jo.price@example.org", password=PASSWORD, full_name="Jo Price")


@pytest.fixture
def practitioner(transactional_db):
    user = get_user_model().objects.create_user(
        email="amara.okafor@example.org", password=PASSWORD, full_name="Amara Okafor"
    )
    user.authenticator = TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=True)
    return user


@pytest.mark.parametrize("path", ["/", "/sign-in/", "/accessibility/", "/privacy/"])
def test_public_page_is_styled_accessible_and_error_free(page, page_log, path):
    response = page.goto(path)

    assert response.status == 200
    assert_styled(page)
    assert_accessible(page)
    page_log.assert_clean()


def test_unknown_address_shows_the_not_found_page(page, page_log):
    response = page.goto("/no-such-page/")

    assert response.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text("Page not found")
    assert_styled(page)
    assert_accessible(page)
    page_log.assert_clean()


def test_failed_sign_in_shows_the_error_summary_and_moves_focus_to_it(page, page_log):
    sign_in(page, "nobody@example.org", "not the password")

    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("There is a problem")
    expect(summary).to_contain_text("Enter a correct email address and password")
    expect(page).to_have_title(re.compile(r"^Error: Sign in"))
    expect(summary).to_be_focused()
    assert_accessible(page)
    page_log.assert_clean()


def test_empty_sign_in_links_each_error_to_its_field(page, page_log):
    page.goto("/sign-in/")
    page.get_by_role("button", name="Sign in").click()

    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_focused()
    assert_accessible(page)
    summary.get_by_role("link", name="Enter your email address").click()
    expect(page.get_by_label("Email address")).to_be_focused()
    page_log.assert_clean()


@pytest.mark.django_db(transaction=True)
def test_first_sign_in_asks_to_set_up_an_authenticator_app(page, page_log, newcomer):
    sign_in(page, newcomer.email, PASSWORD)

    expect(page.get_by_role("heading", level=1)).to_have_text("Set up two-factor authentication")
    assert_styled(page)
    assert_accessible(page)
    page_log.assert_clean()


@pytest.mark.django_db(transaction=True)
def test_signing_in_with_both_factors_lands_on_your_work_with_the_navigation(page, page_log, practitioner):
    sign_in(page, practitioner.email, PASSWORD)
    expect(page.get_by_role("heading", level=1)).to_have_text("Enter the code from your authenticator app")
    assert_accessible(page)
    enter_second_factor(page, practitioner.authenticator)

    expect(page).to_have_url(re.compile(r"/home/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Your work")
    expect(page.get_by_text("You are signed in as Amara Okafor.")).to_be_visible()
    navigation = page.get_by_role("navigation", name="Menu")
    expect(navigation.get_by_role("link", name="Home")).to_have_attribute("aria-current", "page")
    expect(page.get_by_role("navigation", name="Your account").get_by_role("button", name="Sign out")).to_be_visible()
    assert_styled(page)
    assert_accessible(page)
    page_log.assert_clean()


@pytest.mark.django_db(transaction=True)
def test_signing_out_ends_the_session(page, page_log, practitioner):
    sign_in(page, practitioner.email, PASSWORD)
    enter_second_factor(page, practitioner.authenticator)
    expect(page).to_have_url(re.compile(r"/home/$"))

    page.get_by_role("button", name="Sign out").click()

    expect(page.get_by_role("button", name="Sign out")).to_have_count(0)
    page.goto("/home/")
    expect(page).to_have_url(re.compile(r"/sign-in/\?next=/home/$"))
    page_log.assert_clean()


@pytest.mark.django_db(transaction=True)
def test_idle_session_warning_appears_and_stay_signed_in_hides_it(page, page_log, practitioner, settings):
    settings.SESSION_INACTIVITY_MINUTES = 30
    page.clock.install()
    sign_in(page, practitioner.email, PASSWORD)
    enter_second_factor(page, practitioner.authenticator)
    expect(page).to_have_url(re.compile(r"/home/$"))
    warning = page.locator("#session-timeout-warning")
    # The script marks the banner focusable when it has set its timers: only then may the clock move,
    # or the timers would be set after the jump and the warning would come 27 minutes late.
    expect(warning).to_have_attribute("tabindex", "-1")
    expect(warning).to_be_hidden()

    page.clock.run_for("27:00")
    expect(warning).to_be_hidden()
    page.clock.run_for("01:30")
    expect(warning).to_be_visible()
    expect(warning).to_contain_text("You will be signed out in 2 minutes")
    assert_accessible(page)

    page.get_by_role("button", name="Stay signed in").click()
    expect(warning).to_be_hidden()
    # The clock starts again: no warning until 28 minutes after staying signed in.
    page.clock.run_for("20:00")
    expect(warning).to_be_hidden()
    expect(page).to_have_url(re.compile(r"/home/$"))
    page_log.assert_clean()


@pytest.mark.django_db(transaction=True)
def test_signed_out_after_inactivity_page_is_accessible(page, page_log):
    page.goto("/signed-out/?reason=inactivity")
    expect(page.get_by_role("heading", level=1)).to_have_text("You have been signed out")
    assert_accessible(page)
    page_log.assert_clean()
