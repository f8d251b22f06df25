"""From draft to publication in headless Chromium, with axe on every page of the journey, and the
area's other pages (funding, effectiveness, reports, meetings, national) checked too."""

import datetime
from decimal import Decimal

import pytest
from playwright.sync_api import expect

from safeguarding.arrangements.actions import drafts, effectiveness, funding, meetings
from safeguarding.arrangements.factories import partnership
from safeguarding.arrangements.models import Section
from safeguarding.core.tests.browser import assert_accessible, sign_in_with_both_factors
from safeguarding.organisations.factories import person_with_role
from safeguarding.organisations.models import Role

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _as(page, user):
    page.context.clear_cookies()
    sign_in_with_both_factors(page, user)


def _fill_the_rest(partners, version_number):
    """Everything the journey does not type in the browser, written through the same actions."""
    for section in Section.objects.filter(document__area=partners.area, document__number=version_number, body=""):
        drafts.edit_section(
            partners.administrator, section, body=f"Agreed text for {section.title}.", expected_version=section.version
        )
        if section.definition.needs_evidence and not section.evidence.exists():
            drafts.add_evidence(partners.administrator, section, title="Paper", url="https://example.org/paper.pdf")


def test_draft_to_publication(page, page_log, area):
    partners = partnership(area)
    slug = area.slug
    _as(page, partners.administrator)

    page.goto("/arrangements/")
    assert_accessible(page)
    page.get_by_role("link", name=area.name).click()
    assert_accessible(page)
    page.get_by_role("button", name="Start a new draft").click()
    expect(page.get_by_role("alert", name="Success")).to_contain_text("Version 1 started as a draft.")
    expect(page.locator("#completeness")).to_contain_text("The area covered: write this section")
    assert_accessible(page)

    page.get_by_role("link", name="Edit the area covered").click()
    page.get_by_label("Text of the section").fill("x" * 4001)
    page.get_by_role("button", name="Save the section").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("The area covered must be 4,000 characters or fewer")
    assert_accessible(page)
    page.get_by_label("Text of the section").fill("The four **Tees** authorities.\n\n- Hartlepool\n- Stockton")
    page.get_by_role("button", name="Save the section").click()
    expect(page.locator("#section-area-covered strong")).to_have_text("Tees")

    page.get_by_role("link", name="Add evidence to independent scrutiny").click()
    assert_accessible(page)
    page.get_by_label("Title of the evidence").fill("Scrutiny plan 2026")
    page.get_by_label("Web address").fill("https://www.example.org/scrutiny-plan.pdf")
    page.get_by_role("button", name="Add the evidence").click()
    expect(page.locator("#section-independent-scrutiny")).to_contain_text("Scrutiny plan 2026")

    page.get_by_role("link", name="Add a relevant agency").click()
    assert_accessible(page)
    page.get_by_label("Agency").select_option(label=partners.agency.name)
    page.get_by_label("Its role in the arrangements").fill("Leads on exploitation with the police")
    page.get_by_role("button", name="Add the agency").click()
    expect(page.locator("#relevant-agencies")).to_contain_text("Leads on exploitation")

    _fill_the_rest(partners, 1)
    page.reload()
    expect(page.locator("#completeness")).to_contain_text("The draft covers every section")

    page.get_by_role("button", name="Publish", exact=True).click()
    page.get_by_role("button", name="Publish the arrangements").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Still to sign off: local authority, health, police")
    assert_accessible(page)

    for officer in partners.chief_officers:
        _as(page, officer)
        page.goto(f"/arrangements/{slug}/versions/1/")
        page.get_by_role("button", name="Sign off for your agency").click()
        assert_accessible(page)
        page.get_by_role("button", name="Sign off").click()
        expect(page.locator(".govuk-error-summary")).to_contain_text("Confirm the arrangements for your agency")
        page.get_by_label("I confirm these arrangements for my agency").check()
        page.get_by_role("button", name="Sign off").click()
        expect(page.get_by_role("alert", name="Success")).to_contain_text("You signed off version 1")
        assert_accessible(page)

    page.get_by_role("button", name="Publish", exact=True).click()
    assert_accessible(page)
    page.get_by_role("button", name="Publish the arrangements").click()
    expect(page.get_by_role("alert", name="Success")).to_contain_text("Version 1 is published")

    page.context.clear_cookies()
    page.goto(f"/published/{slug}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Multi-agency safeguarding arrangements")
    expect(page.locator("#section-area-covered")).to_contain_text("Hartlepool")
    assert_accessible(page)
    page.goto("/published/")
    assert_accessible(page)
    page_log.assert_clean()


def test_compare_and_the_areas_other_pages_pass_axe(page, page_log, area):
    partners = partnership(area)
    slug = area.slug
    draft = drafts.start_draft(partners.administrator, area)
    section = draft.sections.get(key="vision")
    drafts.edit_section(partners.administrator, section, body="Children are safe.", expected_version=section.version)
    council = area.partners.get(kind="local_authority")
    funding.record_contribution(partners.administrator, area, organisation=council, year=2026, money=Decimal("1000"))
    activity = effectiveness.record_scrutiny(
        partners.administrator,
        area,
        kind="inspection",
        title="Joint inspection",
        carried_out_on=datetime.date(2026, 5, 1),
        carried_out_by="Inspectorates",
        findings="Good multi-agency work at the front door.",
    )
    measure = effectiveness.add_measure(
        partners.administrator, area, name="Re-referrals", description="", unit="%", higher_is_better=False
    )
    effectiveness.record_value(
        partners.administrator, measure, period_ending=datetime.date(2026, 3, 31), value=Decimal("20.5")
    )
    meetings.record_meeting(
        partners.administrator,
        area,
        title="Executive",
        kind="board",
        held_on=datetime.date(2026, 6, 1),
        hours=Decimal(2),
        attendance={council: 1},
    )
    _as(page, partners.administrator)
    for path in (
        f"/arrangements/{slug}/funding/",
        f"/arrangements/{slug}/funding/add/",
        f"/arrangements/{slug}/funding/calculator/?year=2026&total=90000&formula=equal_thirds",
        f"/arrangements/{slug}/effectiveness/",
        f"/arrangements/{slug}/effectiveness/scrutiny/{activity.pk}/",
        f"/arrangements/{slug}/effectiveness/measures/{measure.pk}/",
        f"/arrangements/{slug}/effectiveness/engagement/add/",
        f"/arrangements/{slug}/reports/",
        f"/arrangements/{slug}/meetings/",
        f"/arrangements/{slug}/meetings/add/",
        f"/arrangements/{slug}/compare/",
        "/arrangements/agency-burden/",
    ):
        page.goto(path)
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        assert_accessible(page)
    page.goto(f"/arrangements/{slug}/reports/")
    page.get_by_label("Financial year starting in April").fill("2026")
    page.get_by_role("button", name="Assemble the draft").click()
    expect(page.get_by_role("alert", name="Success")).to_contain_text("assembled from the platform")
    assert_accessible(page)
    page.get_by_role("button", name="Publish the report").click()
    page.context.clear_cookies()
    page.goto(f"/published/{slug}/reports/2026/")
    assert_accessible(page)

    _as(page, person_with_role(Role.NATIONAL_ADMINISTRATOR))
    for path in (
        "/arrangements/national/transition/",
        "/arrangements/national/deadline/",
        "/arrangements/national/funding/",
    ):
        page.goto(path)
        assert_accessible(page)
    page_log.assert_clean()
