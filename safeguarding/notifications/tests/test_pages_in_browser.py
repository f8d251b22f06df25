"""The notifications, preferences and jobs pages in Chromium: accessible (axe), styled, no sideways scroll."""

import pytest
from playwright.sync_api import expect

from safeguarding.core.tests.browser import (
    assert_accessible,
    assert_no_sideways_scrolling,
    assert_styled,
    sign_in_with_both_factors,
)
from safeguarding.jobs.runs import start_run
from safeguarding.jobs.testing import run_jobs
from safeguarding.notifications.models import Kind, Notification
from safeguarding.organisations.factories import person_with_role
from safeguarding.organisations.models import Role

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _no_sideways_scroll(page):
    page.set_viewport_size({"width": 320, "height": 800})
    assert_no_sideways_scrolling(page)
    page.set_viewport_size({"width": 1280, "height": 800})


def test_notifications_header_count_page_and_preferences(page, page_log):
    admin = person_with_role(Role.NATIONAL_ADMINISTRATOR)
    for n in range(30):
        Notification.objects.create(
            recipient=admin,
            kind=Kind.NSCI_PROPOSED,
            reference=f"NSCI-2026-{n:02d}",
            text=f"National serious case inquiry NSCI-2026-{n:02d} was proposed: decide within the policy's time.",
            link="/national-inquiries/",
            event_key=f"browser-{n}",
        )
    sign_in_with_both_factors(page, admin)
    navigation = page.get_by_role("navigation", name="Your account")
    expect(navigation.get_by_role("link", name="Notifications 30 unread")).to_be_visible()
    navigation.get_by_role("link", name="Notifications 30 unread").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Notifications")
    expect(page.get_by_role("navigation", name="Pages of notifications")).to_be_visible()
    assert_styled(page)
    assert_accessible(page)
    _no_sideways_scroll(page)
    page.get_by_role("button", name="Mark all as read").click()
    expect(page.get_by_text("30 notifications marked as read")).to_be_visible()
    page.get_by_role("link", name="Choose which emails you get").click()
    assert_accessible(page)
    _no_sideways_scroll(page)
    page.get_by_role("group", name=Kind.NSCI_PROPOSED.label).get_by_label("One email a day, with a summary").check()
    page.get_by_role("button", name="Save preferences").click()
    expect(page.get_by_text("Your email preferences are saved")).to_be_visible()
    start_run("recurrence-detection", "2026-11-26")
    run_jobs()
    page.goto("/jobs/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Background jobs")
    assert_accessible(page)
    _no_sideways_scroll(page)
    page.locator("form[action='/jobs/clock-sweep/run/']").get_by_role("button").click()
    expect(page.get_by_text("Waiting for a worker to start it")).to_be_visible()
    assert_accessible(page)
    page_log.assert_clean()
