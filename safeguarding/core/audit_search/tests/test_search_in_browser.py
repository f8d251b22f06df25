"""The audit search page in a real Chromium: results, pagination and errors, passing axe."""

import re

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from safeguarding.core import audit
from safeguarding.core.tests.browser import assert_accessible, assert_styled
from safeguarding.organisations.factories import UserFactory, person_with_role
from safeguarding.organisations.models.people import Role

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "a-long-test-password"  # what UserFactory sets


@pytest.fixture
def national_administrator(transactional_db):
    user = person_with_role(Role.NATIONAL_ADMINISTRATOR, email="nadia.national@example.org")
    user.authenticator = TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=True)
    return user


@pytest.fixture
def events(area, other_area):
    viewer = UserFactory(email="sam.lee@example.org")
    for number in range(55):
        audit.record(
            audit.Actor.person(viewer, role=Role.PRACTITIONER),
            "identity.viewed",
            ("incidents.notification", number, f"Notification SLP-{number:04d}"),
            {"reason": "child protection enquiry"},
            area=area if number % 2 else other_area,
        )


def _sign_in(page, user, path):
    page.goto(path)
    page.get_by_label("Email address").fill(user.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    device = user.authenticator
    code = totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits)
    page.get_by_label("Code from your authenticator app").fill(f"{code:06d}")
    page.get_by_role("button", name="Sign in").click()


def test_searching_shows_results_in_pages_and_passes_axe(page, page_log, national_administrator, events, area):
    _sign_in(page, national_administrator, "/audit/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Audit trail")

    page.get_by_label("Person").fill("sam.lee")
    page.get_by_label("Action").select_option("identity.")
    page.get_by_label("Area").select_option(label=area.name)
    page.get_by_role("button", name="Search").click()

    caption = page.locator("caption")
    expect(caption).to_have_text("Showing 1 to 27 of 27 events, newest first")
    expect(page.locator("tbody tr")).to_have_count(27)
    expect(page.get_by_role("link", name=re.compile("^Download as CSV"))).to_have_attribute(
        "href", re.compile(r"^/audit/export\.csv\?.*verb=identity\.")
    )
    assert_styled(page)
    assert_accessible(page)

    page.get_by_role("link", name="Clear search").click()
    # 55 views, and whatever signing in recorded.
    expect(caption).to_have_text(re.compile(r"^Showing 1 to 50 of 5[5-9] events, newest first$"))
    page.get_by_role("link", name="Next page").click()
    expect(caption).to_have_text(re.compile(r"^Showing 51 to 5[5-9] of 5[5-9] events, newest first$"))
    expect(page.get_by_role("link", name="Page 2")).to_have_attribute("aria-current", "page")
    assert_accessible(page)
    page_log.assert_clean()


def test_a_refused_search_shows_the_error_summary_and_passes_axe(page, page_log, national_administrator, events):
    _sign_in(page, national_administrator, "/audit/")

    start = page.get_by_role("group", name=re.compile("^Start date"))
    start.get_by_label("Day").fill("2")
    start.get_by_label("Month").fill("7")
    start.get_by_label("Year").fill("2025")
    end = page.get_by_role("group", name=re.compile("^End date"))
    end.get_by_label("Day").fill("1")
    end.get_by_label("Month").fill("7")
    end.get_by_label("Year").fill("2025")
    page.get_by_role("button", name="Search").click()

    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("The end date must be the same as or after the start date")
    expect(summary).to_be_focused()
    expect(page).to_have_title(re.compile(r"^Error: Audit trail"))
    expect(page.locator("table")).to_have_count(0)
    assert_accessible(page)
    page_log.assert_clean()
