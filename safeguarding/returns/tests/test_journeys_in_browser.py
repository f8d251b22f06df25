"""In a real Chromium, with axe (WCAG 2.2 AA) on every page: an agency's GP contact completes a reporting form
by secure link, and a professional without an account notifies a death through the public page."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from safeguarding.child_deaths.factories import PanelFactory, notify
from safeguarding.child_deaths.models import Notification
from safeguarding.core.tests.browser import assert_accessible, assert_styled, sign_in_with_both_factors
from safeguarding.organisations.factories import OrganisationFactory, person_with_role
from safeguarding.organisations.models import OrganisationKind, Role

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def latest_email_to(address):
    return next(message for message in reversed(mail.outbox) if address in message.to)


def code_in(message):
    return re.search(r"\b(\d{6})\b", message.body).group(1)


def no_sideways_scroll_at_320(page):
    page.set_viewport_size({"width": 320, "height": 640})
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    page.set_viewport_size({"width": 1280, "height": 800})


def test_a_gp_contact_completes_a_reporting_form_by_secure_link(page, page_log, browser, live_server, area):
    PanelFactory(name="Area A Child Death Overview Panel", slug="area-a-cdop", areas=[area])
    manager = person_with_role(Role.PANEL_MANAGER, area)
    practice = OrganisationFactory(kind=OrganisationKind.HEALTH, name="Riverside Medical Practice")
    area.partners.add(practice)
    case = notify(area).case

    # 1. The panel manager asks for the practice's report, then asks its contact by secure link.
    sign_in_with_both_factors(page, manager)
    page.goto(f"/child-deaths/{case.reference}/reports/request/")
    # The agency chooser offers type-ahead: type part of the name and choose the suggestion.
    page.locator("input#id_organisation").fill("Riverside")
    page.get_by_role("option", name=practice.name).click()
    page.get_by_role("button", name="Request the report").click()
    page.get_by_role("link", name="Ask a contact by secure link").click()
    assert_accessible(page)
    page.get_by_label("Contact's name").fill("Dr Sam Okafor")
    page.get_by_label("Contact's work email address").fill("s.okafor@riverside-gp.example")
    page.get_by_role("button", name="Send the link").click()
    expect(page.get_by_role("heading", name="Returns asked for by secure link")).to_be_visible()
    expect(page.locator("table")).to_contain_text("Sent")
    assert_accessible(page)

    # 2. The contact opens the email's link: no navigation to the signed-in service, and a code is needed.
    email = latest_email_to("s.okafor@riverside-gp.example")
    assert "Hartigan" not in email.body and "Rowan" not in email.body
    link = re.search(r"(/return/#[A-Za-z0-9_-]+)", email.body).group(1)
    contact = browser.new_context(base_url=live_server.url, locale="en-GB").new_page()
    contact.goto(link)
    assert_styled(contact)
    assert_accessible(contact)
    expect(contact.locator(".govuk-service-navigation")).to_have_count(0)
    contact.get_by_role("button", name="Continue").click()
    expect(contact.get_by_role("heading", name="Check your email")).to_be_visible()
    assert "#" not in contact.url
    assert_accessible(contact)
    contact.get_by_role("button", name="Send me a code").click()
    contact.get_by_label("Code from the email").fill(code_in(latest_email_to("s.okafor@riverside-gp.example")))
    contact.get_by_role("button", name="Continue").click()

    # 3. The form: only the reference, pseudonym, age band, due date and the questions. A draft, then submit.
    expect(contact.get_by_role("heading", name="Agency reporting form")).to_be_visible()
    expect(contact.locator(".govuk-summary-list")).to_contain_text(case.child.pseudonym)
    expect(contact.locator("main")).not_to_contain_text("Hartigan")
    assert_accessible(contact)
    no_sideways_scroll_at_320(contact)
    contact.locator("textarea").first.fill("Registered with the practice since birth.")
    contact.get_by_role("button", name="Save a draft").click()
    expect(contact.get_by_text("Your draft has been saved")).to_be_visible()
    assert_accessible(contact)
    for box in contact.locator("textarea").all():
        if not box.input_value():
            box.fill("Seen for immunisations; no concerns recorded.")
    contact.get_by_role("button", name="Submit").click()
    expect(contact.get_by_role("heading", name="Return submitted")).to_be_visible()
    assert_accessible(contact)
    contact.goto("/return/form/")
    expect(contact.get_by_role("heading", name="Return submitted")).to_be_visible()
    contact.context.close()

    # 4. The submitted form appears on the case.
    page.goto(f"/child-deaths/{case.reference}/")
    page.get_by_text("Riverside Medical Practice's answers").click()
    expect(page.get_by_text("Registered with the practice since birth.")).to_be_visible()
    assert_accessible(page)
    page.goto("/returns/")
    expect(page.locator("table")).to_contain_text("Submitted")
    page_log.assert_clean()


def test_a_professional_notifies_a_death_through_the_public_page(page, page_log, browser, live_server, area):
    PanelFactory(name="Area A Child Death Overview Panel", slug="area-a-cdop", areas=[area])
    manager = person_with_role(Role.PANEL_MANAGER, area)
    case = notify(area).case  # the hospital has notified the death already

    page.goto("/notify-a-death/")
    assert_styled(page)
    assert_accessible(page)
    expect(page.locator(".govuk-service-navigation")).to_have_count(0)
    page.get_by_role("button", name="Send me a code").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter the child's date of birth")
    assert_accessible(page)

    page.get_by_label("Your name").fill("Sam Okafor")
    page.get_by_label("Your job title or role").fill("Practice nurse")
    page.get_by_label("Organisation you work for").fill("Riverside Medical Practice")
    page.get_by_role("group", name="Which kind of agency are you notifying for?").get_by_label("GP practice").check()
    page.get_by_label("Your work email address").fill("s.okafor@riverside-gp.example")
    page.get_by_label("Your work telephone number").fill("01642 000000")
    page.get_by_label("Child's given names").fill("Rowan Elise")
    page.get_by_label("Child's family name").fill("Hartigan")
    page.get_by_label("NHS number", exact=True).fill("943 476 5919")
    for legend, (day, month, year) in {
        "Date of birth": ("14", "3", "2019"),
        "Date of death": ("20", "11", "2026"),
    }.items():
        group = page.get_by_role("group", name=legend)
        group.get_by_label("Day").fill(day)
        group.get_by_label("Month").fill(month)
        group.get_by_label("Year").fill(year)
    page.get_by_role("group", name="Sex").get_by_label("Female").check()
    page.get_by_label("White", exact=True).check()
    page.get_by_label("Safeguarding area where the child normally lived").select_option(label=area.name)
    page.get_by_role("group", name="Where did the child die?").get_by_label("Home").check()
    page.get_by_label("Safeguarding area where the child died").select_option(label=area.name)
    page.get_by_label("Unexpected").check()
    page.get_by_label("Circumstances of the death").fill("Found unresponsive at home early in the morning.")
    page.get_by_label("Who else was involved with the child?").fill("Health visiting team; Riverside Primary")
    page.get_by_role("button", name="Send me a code").click()

    expect(page.get_by_role("heading", name="Check your email")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Code from the email").fill(code_in(latest_email_to("s.okafor@riverside-gp.example")))
    page.get_by_role("button", name="Confirm the notification").click()
    expect(page.get_by_role("heading", name="Notification received")).to_be_visible()
    assert_accessible(page)
    no_sideways_scroll_at_320(page)

    # It is on the panel's case, joined by the NHS number to the hospital's notification of the same death.
    assert Notification.objects.get(received_from_outside=True).case == case
    sign_in_with_both_factors(page, manager)
    page.goto(f"/child-deaths/{case.reference}/")
    expect(page.get_by_text("2 notifications of this death")).to_be_visible()
    expect(page.get_by_text("Received from outside")).to_be_visible()
    assert_accessible(page)
    page_log.assert_clean()


def test_the_link_works_without_javascript(browser, live_server, area):
    from safeguarding.child_deaths.actions.reports import request_report
    from safeguarding.returns.actions import request_return

    PanelFactory(name="Area A Child Death Overview Panel", slug="area-a-cdop", areas=[area])
    manager = person_with_role(Role.PANEL_MANAGER, area)
    manager.is_verified = lambda: True
    practice = OrganisationFactory(kind=OrganisationKind.HEALTH, name="Riverside Medical Practice")
    area.partners.add(practice)
    report = request_report(manager, notify(area).case, organisation=practice, contexts=[])
    request_return(manager, report, contact_name="Dr Okafor", contact_email="okafor@gp.example")
    email = latest_email_to("okafor@gp.example")
    key = re.search(r"copy this into it:\s+(\S+)", email.body).group(1)

    context = browser.new_context(base_url=live_server.url, locale="en-GB", java_script_enabled=False)
    contact = context.new_page()
    contact.goto(re.search(r"(/return/#\S+)", email.body).group(1))
    expect(contact.get_by_label("Access key")).to_have_value("")  # no script: the contact pastes the key
    contact.get_by_label("Access key").fill(key)
    contact.get_by_role("button", name="Continue").click()
    contact.get_by_role("button", name="Send me a code").click()
    contact.get_by_label("Code from the email").fill(code_in(latest_email_to("okafor@gp.example")))
    contact.get_by_role("button", name="Continue").click()
    expect(contact.get_by_role("heading", name="Agency reporting form")).to_be_visible()
    context.close()
