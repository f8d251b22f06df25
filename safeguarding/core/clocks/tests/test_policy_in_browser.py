import pytest
from playwright.sync_api import expect

from safeguarding.core.tests.browser import assert_accessible, sign_in_with_both_factors
from safeguarding.organisations.factories import person_with_role
from safeguarding.organisations.models import Role

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_national_administrator_changes_a_clock(page, page_log):
    sign_in_with_both_factors(page, person_with_role(Role.NATIONAL_ADMINISTRATOR))
    page.goto("/policy/")
    expect(page.get_by_role("heading", level=1)).to_have_text("National policy table")
    assert_accessible(page)

    page.get_by_role("link", name="Change notify the serious incident").click()
    page.get_by_label("Length").fill("0")
    page.get_by_role("button", name="Save the change").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("The length must be at least 1")
    assert_accessible(page)

    page.get_by_label("Length").fill("6")
    page.get_by_role("button", name="Save the change").click()
    expect(page.get_by_role("alert", name="Success")).to_contain_text("Notify the serious incident changed")
    expect(page.get_by_role("row", name="Notify the serious incident")).to_contain_text("6 working days")
    page_log.assert_clean()
