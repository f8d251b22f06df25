"""Every national intelligence page in a real Chromium, passing axe (WCAG 2.2 AA), empty and filled."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from safeguarding.core.tests.browser import assert_accessible, sign_in_with_both_factors
from safeguarding.learning.intelligence import similarity
from safeguarding.organisations.factories import person_with_role
from safeguarding.organisations.models import Role

from .builders import coded_report
from .test_repetition import PARAPHRASES, UNRELATED

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _visit(page, path, heading):
    page.goto(path)
    expect(page.get_by_role("heading", level=1)).to_have_text(heading)
    assert_accessible(page)


def test_the_pages_pass_axe_when_empty(page, page_log):
    sign_in_with_both_factors(page, person_with_role(Role.NATIONAL_ANALYST))
    _visit(page, "/intelligence/", "Themes across the country")
    _visit(page, "/intelligence/alerts/", "Recurrence alerts")
    _visit(page, "/intelligence/repeated-recommendations/", "Repeated recommendations")
    page_log.assert_clean()


def test_an_analyst_raises_reads_and_dismisses_an_alert_through_pages_that_pass_axe(page, page_log):
    recent = timezone.localdate() - datetime.timedelta(days=40)
    for index, text in enumerate(PARAPHRASES + UNRELATED[:2]):
        coded_report(f"Area {index % 3}", recent, "information-sharing", recommendations=(text,))
    similarity.refresh()  # the background comparison the repetition pages read
    sign_in_with_both_factors(page, person_with_role(Role.NATIONAL_ANALYST))

    _visit(page, "/intelligence/", "Themes across the country")
    page.get_by_label("Period (date of publication)").select_option(label="Last 12 months")
    page.get_by_role("button", name="Apply filters").click()
    assert_accessible(page)

    page.get_by_role("button", name="Check for recurrence now").click()
    expect(page.get_by_text("1 new recurrence alert, 0 open alerts updated")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Information sharing").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Recurrence alert: Information sharing")
    expect(page.get_by_role("link", name="Propose a national serious case inquiry")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("button", name="Dismiss the alert").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter why this alert needs no national inquiry")
    assert_accessible(page)
    page.get_by_label("Why does this alert need no national inquiry?").fill("Covered by the national review")
    page.get_by_role("button", name="Dismiss the alert").click()
    expect(page.get_by_text("Alert on Information sharing dismissed")).to_be_visible()
    assert_accessible(page)

    _visit(page, "/intelligence/repeated-recommendations/", "Repeated recommendations")
    expect(page.get_by_text("recommendations from 3 areas")).to_be_visible()
    page_log.assert_clean()
