"""The child page and the reveal of identifying details in a real Chromium, passing axe (WCAG 2.2 AA)."""

import re

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from safeguarding.core.tests.browser import assert_accessible, assert_styled
from safeguarding.organisations.factories import person_with_role
from safeguarding.organisations.models import Role

from .conftest import record_child

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "a-long-test-password"  # what UserFactory gives everyone


def sign_in_with_both_factors(page, user):
    device = TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=True)
    page.goto("/sign-in/")
    page.get_by_label("Email address").fill(user.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    code = totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits)
    page.get_by_label("Code from your authenticator app").fill(f"{code:06d}")
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(re.compile(r"/home/$"))


def test_practitioner_reveals_a_childs_details_with_a_reason(page, page_log, area):
    child = record_child(area)
    sign_in_with_both_factors(page, person_with_role(Role.PRACTITIONER, area))

    page.goto(f"/children/{child.pseudonym}/")
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Child {child.pseudonym}")
    assert_styled(page)
    assert_accessible(page)

    page.get_by_role("button", name="Show identifying details").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("Select why you need to see the child's identifying details")
    expect(summary).to_be_focused()
    assert_accessible(page)

    page.get_by_label("Preparing for a review meeting").check()
    page.get_by_role("button", name="Show identifying details").click()
    expect(page.get_by_role("heading", name="Identifying details")).to_be_visible()
    expect(page.locator(".govuk-summary-list").last).to_contain_text("Quennell")
    expect(page.get_by_text("You viewed these details because: Preparing for a review meeting")).to_be_visible()
    assert_accessible(page)
    page_log.assert_clean()


def test_the_list_of_children_passes_axe(page, page_log, area):
    child = record_child(area)
    sign_in_with_both_factors(page, person_with_role(Role.NATIONAL_ANALYST))

    page.goto("/children/")
    expect(page.get_by_role("link", name=child.pseudonym)).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name=child.pseudonym).click()
    expect(page.get_by_role("button", name="Show identifying details")).to_have_count(0)
    assert_accessible(page)
    page_log.assert_clean()
