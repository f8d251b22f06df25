"""A proposal from a recurrence alert in a real Chromium: every contributing area offered, the alert then
linking its proposal; both pages pass axe (WCAG 2.2 AA)."""

import datetime

import pytest
from playwright.sync_api import expect

from safeguarding.core.tests.browser import assert_accessible, sign_in_with_both_factors
from safeguarding.learning.intelligence.models import RecurrenceAlert
from safeguarding.learning.nsci.models import NationalInquiry
from safeguarding.learning.repository.factories import make_entry
from safeguarding.learning.repository.models import Theme
from safeguarding.organisations.factories import person_with_role
from safeguarding.organisations.models import Role

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_proposing_from_an_alert_offers_its_areas_and_the_alert_links_the_proposal(page, page_log, area):
    alert = RecurrenceAlert.objects.create(
        theme=Theme.objects.first(),
        window_start=datetime.date(2024, 11, 1),
        window_end=datetime.date(2026, 10, 31),
        report_count=3,
        area_count=3,
        minimum_reports=3,
        minimum_areas=3,
        window_months=24,
        raised_on=datetime.date(2026, 11, 1),
    )
    alert.entries.add(
        make_entry(area=area),
        make_entry(area_name="Cumberland Safeguarding Children Partnership"),
        make_entry(area_name="Somerset Safeguarding Children Partnership"),
    )
    sign_in_with_both_factors(page, person_with_role(Role.NATIONAL_ANALYST))
    page.goto(f"/intelligence/alerts/{alert.pk}/")
    page.get_by_role("link", name="Propose a national serious case inquiry").click()
    expect(page.get_by_label("Cumberland Safeguarding Children Partnership")).to_be_checked()
    expect(page.get_by_label("Somerset Safeguarding Children Partnership")).to_be_checked()
    expect(page.get_by_label(area.name)).to_be_checked()
    assert_accessible(page)
    page.get_by_role("button", name="Propose the inquiry").click()
    inquiry = NationalInquiry.objects.get()
    expect(page.get_by_text(f"Proposed as {inquiry.reference}")).to_be_visible()

    page.goto(f"/intelligence/alerts/{alert.pk}/")
    expect(page.get_by_role("link", name=inquiry.reference)).to_be_visible()
    expect(page.get_by_role("link", name="Propose a national serious case inquiry")).to_have_count(0)
    assert_accessible(page)
    page_log.assert_clean()
