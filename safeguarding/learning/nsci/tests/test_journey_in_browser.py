"""The journey from a recurrence alert to a decision on a national inquiry, in a real Chromium with axe on
each page: the intelligence app's detection raises the alert; a national analyst opens it and proposes an
inquiry; a national administrator assesses the criteria and records the decision."""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from safeguarding.core.clocks.models import PolicySetting
from safeguarding.core.tests.browser import assert_accessible, sign_in_with_both_factors
from safeguarding.learning.intelligence import recurrence
from safeguarding.learning.intelligence.models import RecurrenceAlert
from safeguarding.learning.nsci.models import NationalInquiry
from safeguarding.learning.nsci.states import InquiryStatus
from safeguarding.learning.repository.factories import code, make_entry
from safeguarding.organisations.factories import SafeguardingAreaFactory, person_with_role
from safeguarding.organisations.models import Role

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _reports_across_three_areas(areas, today):
    """Five published reports from three areas, each with a finding coded 'non-resident or unknown adult males'
    or the first theme of the scheme: enough for thresholds of 5 reports from 3 areas in 24 months."""
    from safeguarding.learning.repository.models import Theme

    theme = Theme.objects.filter(slug__contains="male").first() or Theme.objects.first()
    for number in range(5):
        area = areas[number % 3]
        entry = make_entry(
            area=area,
            area_name=area.name,
            published_on=today - datetime.timedelta(days=30 + number),
            findings=(("The mother's new partner was never assessed.", "Nobody asked who lived at home."),),
        )
        code(entry.current_findings().get(), theme.slug)
    return theme


def test_from_a_recurrence_alert_to_a_decision(browser, live_server, area, other_area):
    today = timezone.localdate()
    third_area = SafeguardingAreaFactory(name="Area C Safeguarding Partnership", slug="area-c")
    theme = _reports_across_three_areas([area, other_area, third_area], today)
    # Thresholds suited to five reports (the national defaults are higher).
    PolicySetting.objects.filter(key="recurrence-minimum-reports").update(value=5)
    PolicySetting.objects.filter(key="recurrence-minimum-areas").update(value=3)
    detection = recurrence.detect(today)
    assert detection.raised, detection.summary
    alert = RecurrenceAlert.objects.get(theme=theme)

    # A national analyst opens the alert on the intelligence page and proposes a national inquiry from it.
    analyst_context = browser.new_context(base_url=live_server.url, locale="en-GB")
    page = analyst_context.new_page()
    sign_in_with_both_factors(page, person_with_role(Role.NATIONAL_ANALYST))
    page.goto("/intelligence/alerts/")
    assert_accessible(page)
    page.get_by_role("link", name=re.compile(theme.name, re.IGNORECASE)).first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(f"Recurrence alert: {theme.name}")
    assert_accessible(page)
    page.get_by_role("link", name="Propose a national serious case inquiry").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Propose a national serious case inquiry")
    expect(page.get_by_role("textbox", name="Title")).to_have_value(f"Recurring learning: {theme.name}")
    expect(page.get_by_label("Summary of concern")).to_contain_text("5 published reports from 3 safeguarding areas")
    for prefilled in (area.name, other_area.name, third_area.name):
        expect(page.get_by_label(prefilled)).to_be_checked()
    assert_accessible(page)
    page.get_by_label("Summary of concern").fill(
        "Five reports from three areas find that the adult males in a baby's life were not assessed."
    )
    page.get_by_role("button", name="Propose the inquiry").click()
    inquiry = NationalInquiry.objects.get()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Recurring learning: {theme.name}")
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text(f"Proposed as {inquiry.reference}")
    clocks = page.locator("#clocks + .app-table-scroll table")
    expect(clocks).to_contain_text("Decision on a proposed national serious case inquiry")
    assert_accessible(page)
    analyst_context.close()

    # A national administrator assesses the criteria (the recurrence is filled in from the alert) and decides.
    admin_context = browser.new_context(base_url=live_server.url, locale="en-GB")
    page = admin_context.new_page()
    sign_in_with_both_factors(page, person_with_role(Role.NATIONAL_ADMINISTRATOR))
    page.goto("/national-inquiries/")
    assert_accessible(page)
    page.get_by_role("link", name=inquiry.reference).click()
    page.get_by_role("link", name="Assess the criteria and decide").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Assess the criteria and decide")
    expect(page.get_by_role("checkbox", name="Recurring across areas")).to_be_checked()
    expect(page.get_by_label("Note: recurring across areas")).to_contain_text("5 reports from 3 areas")
    assert_accessible(page)

    page.get_by_role("checkbox", name="Great gravity").check()
    page.get_by_role("button", name="Save the assessment").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter a note saying how the inquiry meets")
    assert_accessible(page)
    page.get_by_label("Note: great gravity").fill("Two of the babies died")
    page.get_by_role("button", name="Save the assessment").click()
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("Criteria assessment saved")
    assert_accessible(page)

    page.get_by_label("Accept: hold a national serious case inquiry").check()
    page.get_by_role("button", name="Record the decision").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter the reasons for the decision")
    assert_accessible(page)
    page.get_by_label("Accept: hold a national serious case inquiry").check()
    page.get_by_label("Reasons for the decision").fill(
        "The same gap recurs across three areas and calls for national learning."
    )
    page.get_by_role("button", name="Record the decision").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Recurring learning: {theme.name}")
    expect(page.locator(".govuk-main-wrapper .govuk-tag").first).to_have_text("Accepted")
    expect(page.get_by_role("link", name="Set up the inquiry: terms of reference and team")).to_be_visible()
    assert_accessible(page)
    admin_context.close()

    inquiry.refresh_from_db()
    assert inquiry.status == InquiryStatus.ACCEPTED
    assert inquiry.recurrence_alert == alert
    assert set(inquiry.criteria_met) == {
        "Crosses several local administrations or agencies",
        "Great gravity",
        "Recurring across areas",
    }
