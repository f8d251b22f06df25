"""Every repository page in a real Chromium, passing axe (WCAG 2.2 AA): search with results, filters and
no results, an entry, the national search, and the digest."""

import datetime

import pytest
from playwright.sync_api import expect

from safeguarding.core.tests.browser import assert_accessible, sign_in_with_both_factors
from safeguarding.learning.repository.factories import code, make_entry
from safeguarding.learning.repository.models import EntryKind
from safeguarding.organisations.factories import person_with_role
from safeguarding.organisations.models import Role

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def entries():
    published = make_entry(
        title="Learning from the case of Child P",
        summary="The baby's neglect was seen by many but named by none.",
        harm="death",
        harm_kinds=["neglect"],
        agencies=["health", "police"],
        today=datetime.date(2026, 3, 4),
    )
    code(published.current_findings().get(), "neglect")
    for number in range(6):
        make_entry(title=f"Report {number} on domestic abuse", summary="Domestic abuse was not shared.")
    summary = make_entry(title="Rapid inquiry summary on neglect", kind=EntryKind.RAPID_INQUIRY, is_public=False)
    return published, summary


def test_the_public_pages_pass_axe(page, page_log, entries):
    published, _ = entries
    page.goto("/learning/")
    expect(page.get_by_role("heading", level=1)).to_have_text("National repository of learning")
    assert_accessible(page)

    page.get_by_label("Search reports").fill('"neglect')
    page.get_by_role("button", name="Search", exact=True).click()
    expect(page.locator("mark").first).to_be_visible()
    assert_accessible(page)

    page.locator("summary", has_text="Kind of harm").click()
    page.get_by_role("group", name="Kind of harm").get_by_label("Neglect (fewer than 5)").check()
    page.get_by_role("button", name="Apply filters").click()
    expect(page.get_by_role("link", name="Learning from the case of Child P")).to_be_visible()
    assert "harm_kind=neglect" in page.url
    assert_accessible(page)

    page.goto("/learning/?q=hoarding")
    expect(page.get_by_text("No reports match")).to_be_visible()
    assert_accessible(page)

    page.goto(f"/learning/reports/{published.reference}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Learning from the case of Child P")
    assert_accessible(page)

    page.goto("/learning/digest/")
    expect(page.get_by_role("heading", level=1)).to_have_text("New reports by month")
    assert_accessible(page)
    page.get_by_role("link", name="March 2026").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("New reports in March 2026")
    assert_accessible(page)

    page.goto("/learning/digest/2019-01/")
    expect(page.get_by_text("No published reports were added")).to_be_visible()
    assert_accessible(page)
    page_log.assert_clean()


def test_the_national_pages_pass_axe(page, page_log, entries):
    _, summary = entries
    sign_in_with_both_factors(page, person_with_role(Role.NATIONAL_ANALYST))
    page.goto("/learning/national/?q=neglect")
    expect(page.get_by_role("heading", level=1)).to_have_text("National repository: all material")
    expect(page.get_by_text("Not public", exact=True)).to_be_visible()
    assert_accessible(page)

    page.goto(f"/learning/reports/{summary.reference}/")
    expect(page.get_by_text("Not yet coded")).to_be_visible()
    assert_accessible(page)
    page_log.assert_clean()
