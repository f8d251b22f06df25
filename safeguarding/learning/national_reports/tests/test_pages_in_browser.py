"""Every page of the national body's reports in a real Chromium, passing axe (WCAG 2.2 AA)."""

import datetime

import pytest
from playwright.sync_api import expect

from safeguarding.core.tests.browser import assert_accessible, sign_in_with_both_factors
from safeguarding.learning.national_reports import actions
from safeguarding.learning.repository.factories import code, make_entry
from safeguarding.organisations.factories import person_with_role
from safeguarding.organisations.models import Role

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def coded_reports(transactional_db):
    for number in range(12):
        entry = make_entry(area_name=f"Area {number % 6}", published_on=datetime.date(2024 + number % 2, 3, 1 + number))
        code(entry.current_findings().get(), "neglect")


def _drafts():
    analyst = person_with_role(Role.NATIONAL_ANALYST)
    draft = actions.assemble(analyst, 2025)
    published = actions.assemble(analyst, 2024)
    actions.edit(analyst, published, published.version, lessons_for_government="Fund the national body")
    actions.publish(person_with_role(Role.NATIONAL_ADMINISTRATOR), published, published.version)
    return draft


def test_national_pages_pass_axe_with_their_error_states(page, page_log, coded_reports):
    _drafts()
    sign_in_with_both_factors(page, person_with_role(Role.NATIONAL_ADMINISTRATOR))

    page.goto("/national-reports/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Annual reports to the Secretary of State")
    assert_accessible(page)

    page.goto("/national-reports/2025/edit/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Write the annual report 2025")
    assert_accessible(page)

    page.goto("/national-reports/2025/preview/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Annual report to the Secretary of State 2025")
    assert_accessible(page)

    page.goto("/national-reports/2025/publish/")
    page.get_by_role("button", name="Publish the report").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Write the lessons for government")
    assert_accessible(page)

    page.goto("/national-reports/2025/edit/")
    page.get_by_label("Lessons for government").fill("Fund a national information-sharing standard.")
    page.get_by_role("button", name="Save the sections").click()
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("Sections saved")
    page.goto("/national-reports/2025/publish/")
    page.get_by_role("button", name="Publish the report").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Annual report to the Secretary of State 2025")
    assert_accessible(page)
    page_log.assert_clean()


def test_public_pages_pass_axe_without_signing_in(page, page_log, coded_reports):
    _drafts()
    page.goto("/national-reports/published/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Annual reports of the national body")
    assert_accessible(page)

    page.goto("/national-reports/2024/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Annual report to the Secretary of State 2024")
    assert_accessible(page)

    page.goto("/national-reports/themes/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Topic briefings by theme")
    assert_accessible(page)

    page.goto("/national-reports/themes/neglect/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Neglect")
    expect(page.locator("svg[role=img]")).to_have_count(1)
    assert_accessible(page)

    page.goto("/national-reports/themes/neglect/?page=2")
    expect(page.locator(".govuk-pagination")).to_be_visible()
    assert_accessible(page)

    page.goto("/national-reports/themes/radicalisation/")
    expect(page.get_by_text("No published learning is coded with this theme yet")).to_be_visible()
    assert_accessible(page)
    page_log.assert_clean()
