"""The home page's task list and the "Go to a reference" box in a real Chromium: axe (WCAG 2.2 AA), no
sideways scrolling at 320 px, and the box working with JavaScript switched off."""

import re

import pytest
from playwright.sync_api import expect

from safeguarding.incidents.factories import make_incident
from safeguarding.organisations.factories import person_with_role
from safeguarding.organisations.models import Role

from .browser import (
    assert_accessible,
    assert_no_sideways_scrolling,
    assert_styled,
    at_320_pixels,
    sign_in_with_both_factors,
)
from .busy_person import TASKS_PER_ROUND, add_rounds, make_busy_person

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_home_page_lists_the_tasks_most_urgent_first(page, page_log, area):
    busy = make_busy_person(area)
    add_rounds(busy, 1)
    sign_in_with_both_factors(page, busy.user)

    expect(page.get_by_role("heading", level=1)).to_have_text("Your work")
    expect(page.get_by_role("heading", name="What needs you now")).to_be_visible()
    headings = page.locator("h3.govuk-heading-s").all_inner_texts()
    assert headings[0] == "Due soon" and headings[-1] == "No deadline"
    expect(page.get_by_role("link", name=re.compile(r"^Your work: \d+ open tasks$"))).to_be_visible()
    assert page.locator(".govuk-task-list__item").count() == TASKS_PER_ROUND
    assert_styled(page)
    assert_accessible(page)

    at_320_pixels(page)
    assert_no_sideways_scrolling(page)
    assert_accessible(page)

    page.get_by_role("link", name="Start the rapid inquiry").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("rapid inquiry")
    page_log.assert_clean()


def test_with_nothing_waiting_the_home_page_says_so(page, page_log, area):
    sign_in_with_both_factors(page, person_with_role(Role.PRACTITIONER, area))

    expect(page.get_by_text("Nothing is waiting for you.")).to_be_visible()
    expect(page.get_by_role("link", name="Your work: 0 open tasks")).to_be_visible()
    assert_accessible(page)
    at_320_pixels(page)
    assert_no_sideways_scrolling(page)
    assert_accessible(page)
    page_log.assert_clean()


def test_go_to_a_reference_works_without_javascript(browser, live_server, area):
    incident = make_incident(area)
    practitioner = person_with_role(Role.PRACTITIONER, area)
    context = browser.new_context(base_url=live_server.url, locale="en-GB", java_script_enabled=False)
    page = context.new_page()
    try:
        sign_in_with_both_factors(page, practitioner)
        search = page.get_by_role("search", name="Go to a reference")
        search.get_by_label("Go to a reference").fill(incident.reference.lower())
        search.get_by_role("button", name="Go").click()
        expect(page).to_have_url(re.compile(rf"/incidents/{incident.pk}/$"))
    finally:
        context.close()


def test_a_reference_not_found_is_answered_on_an_accessible_page(page, page_log, area):
    sign_in_with_both_factors(page, person_with_role(Role.PRACTITIONER, area))
    search = page.get_by_role("search", name="Go to a reference")
    search.get_by_label("Go to a reference").fill("SI-99999")
    search.get_by_role("button", name="Go").click()

    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("There is no case or child you can open with the reference SI-99999")
    expect(summary).to_be_focused()
    assert_accessible(page)
    at_320_pixels(page)
    assert_no_sideways_scrolling(page)
    page_log.assert_clean()
