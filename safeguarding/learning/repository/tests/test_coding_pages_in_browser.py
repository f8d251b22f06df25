"""The coding pages in a real Chromium, passing axe (WCAG 2.2 AA), with the coding page's error state."""

import pytest
from playwright.sync_api import expect

from safeguarding.core.tests.browser import assert_accessible, sign_in_with_both_factors
from safeguarding.learning.repository.coding import suggest
from safeguarding.learning.repository.coding.actions import code_finding
from safeguarding.learning.repository.factories import make_entry
from safeguarding.organisations.factories import person_with_role
from safeguarding.organisations.models import Role

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _no_classifier_trained_on_an_earlier_tests_data(transactional_db):
    suggest.forget_trained_models()


def test_the_coding_pages_pass_axe(page, page_log):
    analyst = person_with_role(Role.NATIONAL_ANALYST)
    entry = make_entry(
        findings=[
            ("Home conditions were poor and the child was often hungry.", "Neglect was not named."),
            ("Police attended domestic incidents but the school was not told.", "No routine notification."),
        ]
    )
    first = entry.current_findings().get(position=1)
    code_finding(analyst, first, ["neglect"], first.version, suggestions={"neglect": 0.6})

    page.goto("/learning/coding/category-scheme/")
    expect(page.get_by_role("heading", level=1)).to_have_text("The common category scheme")
    assert_accessible(page)

    sign_in_with_both_factors(page, analyst)
    page.goto("/learning/coding/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Coding queue")
    expect(page.get_by_role("table")).to_contain_text(entry.reference)
    assert_accessible(page)

    page.get_by_role("link", name=f"Code finding 2 of {entry.reference}").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Code finding 2")
    expect(page.get_by_role("checkbox", name="Domestic abuse")).to_be_checked()
    assert_accessible(page)
    for box in page.get_by_role("checkbox").all():
        box.uncheck()
    page.get_by_role("button", name="Save the codes").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Select at least one theme")
    assert_accessible(page)

    page.get_by_role("checkbox", name="Information sharing").check()
    page.get_by_role("button", name="Save the codes").click()
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text(f"Finding 2 of {entry.reference} coded")
    expect(page.get_by_text("Every finding of the published reports has been coded")).to_be_visible()
    assert_accessible(page)
    page_log.assert_clean()
