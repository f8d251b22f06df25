"""From notification to panel review in a real Chromium, with axe (WCAG 2.2 AA) on every page."""

import re

import pytest
from playwright.sync_api import expect

from safeguarding.core.tests.browser import assert_accessible, assert_styled, sign_in_with_both_factors
from safeguarding.organisations.factories import person_with_role
from safeguarding.organisations.models import Role

from ..factories import PanelFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def fill_date(page, legend, day, month, year):
    group = page.get_by_role("group", name=legend)
    group.get_by_label("Day").fill(day)
    group.get_by_label("Month").fill(month)
    group.get_by_label("Year").fill(year)


def check_page(page):
    assert_accessible(page)


def test_notification_to_panel_review(page, page_log, area):
    PanelFactory(name="Area A Child Death Overview Panel", slug="area-a-cdop", areas=[area])
    notifier = person_with_role(Role.PRACTITIONER, area)
    manager = person_with_role(Role.PANEL_MANAGER, area)
    manager_agency = manager.memberships.get().organisation
    area.partners.add(manager_agency)

    # 1. A practitioner notifies the death.
    sign_in_with_both_factors(page, notifier)
    page.goto("/child-deaths/notify/")
    assert_styled(page)
    check_page(page)
    page.get_by_role("button", name="Send the notification").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter the child's date of birth")
    check_page(page)
    page.get_by_label("Police").check()
    page.get_by_label("Child's given names").fill("Rowan Elise")
    page.get_by_label("Child's family name").fill("Hartigan")
    page.get_by_label("NHS number", exact=True).fill("943 476 5919")
    fill_date(page, "Date of birth", "14", "3", "2019")
    page.get_by_label("Home postcode").fill("TS18 3AB")
    page.get_by_label("Safeguarding area where the child normally lived").select_option(label=area.name)
    page.get_by_role("group", name="Sex").get_by_label("Female").check()
    page.get_by_label("White", exact=True).check()
    fill_date(page, "Date of death", "20", "11", "2026")
    page.get_by_role("group", name="Where did the child die?").get_by_label("Home").check()
    page.get_by_label("Safeguarding area where the child died").select_option(label=area.name)
    page.get_by_label("Unexpected").check()
    page.get_by_label("The death is sudden and there is no immediately apparent cause").check()
    page.get_by_label("Circumstances of the death").fill("Found unresponsive at home early in the morning.")
    page.get_by_label("Your name").fill("DS Alison Kerr")
    page.get_by_label("Your job title or role").fill("Child abuse investigation unit")
    page.get_by_label("Your work email or telephone").fill("cait@police.example")
    page.get_by_role("button", name="Send the notification").click()
    expect(page.get_by_role("heading", name="Notification received")).to_be_visible()
    reference = page.locator(".govuk-panel__body strong").inner_text()
    check_page(page)

    # 2. The panel manager sees it in the list with its clocks and opens it.
    page.context.clear_cookies()
    sign_in_with_both_factors(page, manager)
    page.goto("/child-deaths/")
    check_page(page)
    page.get_by_role("link", name=reference).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Child death {reference}")
    check_page(page)
    page.get_by_role("button", name="Record the database as informed today").click()
    expect(page.get_by_text("national child mortality database has been informed")).to_be_visible()

    # 3. The joint agency response.
    page.get_by_role("link", name="Record the joint agency response").click()
    check_page(page)
    page.get_by_label("Police lead (name and rank)").fill("DS Alison Kerr")
    page.get_by_label("Health lead (name and role)").fill("Dr Ruth Ellison, designated doctor")
    page.get_by_role("button", name="Save the response").click()
    expect(page.get_by_text("Joint agency response saved.")).to_be_visible()

    # 4. An agency report, requested and completed.
    page.get_by_role("link", name="Request a report from an agency").click()
    check_page(page)
    # The agency chooser is a type-ahead box over the select: type part of the name, pick the suggestion.
    page.locator("input#id_organisation").fill(manager_agency.name[:8])
    page.get_by_role("option", name=manager_agency.name).click()
    page.get_by_label("Sudden unexpected death in infancy or childhood").check()
    page.get_by_role("button", name="Request the report").click()
    page.goto("/child-deaths/reports/")
    check_page(page)
    page.get_by_role("link", name=reference).click()
    check_page(page)
    for box in page.locator("textarea").all():
        box.fill("Known to the health visitor; safer sleep advice given at the new birth visit.")
    page.get_by_role("button", name="Submit the report").click()
    expect(page.get_by_text("Report submitted")).to_be_visible()
    # The panel reads the submitted report, read-only, from the case page.
    page.goto(f"/child-deaths/{reference}/")
    page.get_by_role("link", name=re.compile(r"^submitted .*: read .* report$")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Report on child death {reference}")
    expect(page.locator("textarea")).to_have_count(0)
    check_page(page)

    # 5. The review meeting.
    page.goto(f"/child-deaths/{reference}/")
    page.get_by_role("link", name="Record the review meeting").click()
    check_page(page)
    fill_date(page, "Date of the meeting", "25", "11", "2026")
    page.get_by_label("Who attended").fill("Dr Ruth Ellison, designated doctor\nDS Alison Kerr, police")
    page.get_by_label("Chronology").fill("20 November: found unresponsive.")
    page.get_by_label("Discussion").fill("Sleeping arrangements and the advice given.")
    page.get_by_label("Draft analysis for the panel").fill("Likely sudden unexpected death in infancy.")
    page.get_by_role("button", name="Save the meeting").click()
    expect(page.get_by_text("Review meeting recorded.")).to_be_visible()

    # 6. The panel review: a refused save, then final.
    page.get_by_role("link", name="Start the panel review").click()
    check_page(page)
    page.get_by_label("10. Sudden unexpected, unexplained death").check()
    page.get_by_label("Yes: modifiable factors were identified").check()
    page.get_by_role("button", name="Save a draft").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Select at least one domain")
    check_page(page)
    page.get_by_role("group", name="In which domains were the modifiable factors?").get_by_label(
        "Social environment, including family and parenting"
    ).check()
    fill_date(page, "Date of the panel's review", "26", "11", "2026")
    page.get_by_label("Learning points").fill("Safer sleep advice to reach both parents.")
    page.get_by_role("button", name="Finalise the review and close the case").click()
    expect(page.get_by_text("Panel review final: the case is closed.")).to_be_visible()
    expect(page.get_by_text("The pseudonymised national record is ready")).to_be_visible()
    expect(page).to_have_url(re.compile(rf"/child-deaths/{reference}/$"))
    check_page(page)
    page_log.assert_clean()


def test_linking_the_serious_incident_in_browser(page, page_log, area):
    from safeguarding.incidents.factories import make_incident

    from ..actions.reports import request_report
    from ..actions.review import save_review
    from ..factories import make_case

    PanelFactory(name="Area A Child Death Overview Panel", slug="area-a-cdop", areas=[area])
    manager = person_with_role(Role.PANEL_MANAGER, area)
    manager.is_verified = lambda: True
    case = make_case(area)
    request_report(manager, case, organisation=manager.memberships.get().organisation, contexts=[])
    save_review(manager, case, {"category": "1", "modifiable": "insufficient"})
    incident = make_incident(area, child=case.child)
    make_incident(area)

    sign_in_with_both_factors(page, manager)
    page.goto(f"/child-deaths/{case.reference}/")
    page.get_by_role("link", name="Link the serious incident notification").click()
    check_page(page)
    page.get_by_role("button", name="Link the serious incident").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Choose the serious incident to link")
    check_page(page)
    page.get_by_label(re.compile(rf"^{incident.reference}, .*\(the same child\)$")).check()
    page.get_by_role("button", name="Link the serious incident").click()
    expect(page.get_by_text(f"Serious incident {incident.reference} linked to this case.")).to_be_visible()
    check_page(page)
    page.get_by_role("link", name=incident.reference, exact=True).click()
    expect(page.get_by_role("link", name=case.reference, exact=True)).to_be_visible()
    check_page(page)
    page_log.assert_clean()
