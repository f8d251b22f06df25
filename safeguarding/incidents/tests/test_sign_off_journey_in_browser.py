"""The journey that tells lead chief officers their sign-off is awaited, in a real Chromium and through the real
pages: a practitioner submits a notification, the rapid inquiry lead proposes a decision, and each of the area's
three lead chief officers finds a sign-off task on their home page and an email; once the third has signed, the
task has gone from every home page. The worker's jobs run in the test's thread, as the worker would run them."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from safeguarding.core.tests.browser import assert_accessible, sign_in_with_both_factors
from safeguarding.incidents.models import Incident
from safeguarding.incidents.states import IncidentStatus
from safeguarding.jobs.testing import run_jobs
from safeguarding.organisations.factories import OrganisationFactory, person_with_role
from safeguarding.organisations.models import OrganisationKind, Role

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NOTIFICATION = {
    "abuse_or_neglect": "suspected",
    "harm": "death",
    "where_harmed": "in_area",
    "incident_date_0": "16",
    "incident_date_1": "11",
    "incident_date_2": "2026",
    "aware_date_0": "17",
    "aware_date_1": "11",
    "aware_date_2": "2026",
    "harm_kinds": "neglect",
    "summary": "Toddler found unresponsive at home; home conditions very poor.",
    "child_age_years": "2",
    "child_sex": "female",
    "child_ethnicity": "mixed",
    "child_disability": "not_known",
    "child_status": "child_protection_plan",
    "given_names": "Ruby",
    "family_name": "Lane",
    "nhs_number": "943 476 5870",
    "proceeding_inquest": "planned",
}
SIGN_OFF_TASK = "Sign off the rapid inquiry decision"


@pytest.fixture
def partners(area):
    kinds = (
        (OrganisationKind.LOCAL_AUTHORITY, "Area A Council"),
        (OrganisationKind.POLICE, "Area A Police"),
        (OrganisationKind.HEALTH, "Area A Integrated Care Board"),
    )
    organisations = [OrganisationFactory(kind=kind, name=name) for kind, name in kinds]
    area.partners.add(*organisations)
    return organisations


def _fill(page, data):
    """Fills the notification form by field name, as a person would with mouse and keyboard."""
    for name, value in data.items():
        field = page.locator(f'[name="{name}"]')
        kind = field.first.evaluate("element => element.tagName.toLowerCase() + ':' + (element.type || '')")
        if kind in {"input:radio", "input:checkbox"}:
            page.locator(f'[name="{name}"][value="{value}"]').check()
        elif kind.startswith("select"):
            field.select_option(value)
        else:
            field.fill(value)


def _signed_in(browser, live_server, person):
    context = browser.new_context(base_url=live_server.url, locale="en-GB")
    page = context.new_page()
    sign_in_with_both_factors(page, person)
    return context, page


def _sign_off_tasks(page):
    page.goto("/home/")
    return page.locator(".govuk-task-list__item").filter(has_text=SIGN_OFF_TASK)


def test_each_lead_chief_officer_is_told_and_the_task_goes_after_the_third_signs(
    browser, live_server, page, page_log, area, partners
):
    council = partners[0]
    practitioner = person_with_role(Role.PRACTITIONER, area, organisation=council)
    lead = person_with_role(Role.RAPID_INQUIRY_LEAD, area, organisation=council)
    chiefs = [person_with_role(Role.LEAD_CHIEF_OFFICER, area, organisation=partner) for partner in partners]

    # The practitioner notifies the incident through the form.
    sign_in_with_both_factors(page, practitioner)
    page.goto(f"/incidents/new/{area.slug}/")
    _fill(page, NOTIFICATION)
    page.get_by_role("button", name="Save as draft").click()
    incident = Incident.objects.get()
    expect(page).to_have_url(re.compile(rf"/incidents/{incident.pk}/notification/$"))
    page.get_by_role("button", name="Submit notification").click()
    expect(page).to_have_url(re.compile(rf"/incidents/{incident.pk}/$"))
    assert Incident.objects.get().status == IncidentStatus.SUBMITTED
    run_jobs()
    notified = [message for message in mail.outbox if incident.reference in message.subject]
    assert {address for message in notified for address in message.to} >= {chief.email for chief in chiefs}
    mail.outbox.clear()

    # The rapid inquiry lead starts the inquiry and proposes a decision from their home page.
    lead_context, lead_page = _signed_in(browser, live_server, lead)
    try:
        lead_page.get_by_role("link", name="Start the rapid inquiry").click()
        lead_page.get_by_role("button", name="Start the rapid inquiry").click()
        expect(lead_page.get_by_role("heading", level=1)).to_have_text("Rapid inquiry")
        lead_page.get_by_label("Initial assessment").fill("Health visiting did not know of the plan.")
        lead_page.get_by_label("Local learning inquiry").check()
        lead_page.get_by_label("Reasons").fill("Systemic learning about information reaching universal services.")
        lead_page.get_by_role("button", name="Save the assessment and decision").click()
        expect(lead_page.get_by_text("Assessment and decision saved")).to_be_visible()
    finally:
        lead_context.close()
    run_jobs()

    # Each lead chief officer has an email and a sign-off task on their home page.
    subject = f"Decision on {incident.reference} awaits your sign-off"
    assert sorted(address for message in mail.outbox if message.subject == subject for address in message.to) == (
        sorted(chief.email for chief in chiefs)
    )
    for message in mail.outbox:
        assert "Ruby" not in message.body and "Lane" not in message.body and "943" not in message.body
    contexts = [_signed_in(browser, live_server, chief) for chief in chiefs]
    try:
        for _context, chief_page in contexts:
            expect(_sign_off_tasks(chief_page)).to_have_count(1)
            expect(_sign_off_tasks(chief_page)).to_contain_text(incident.reference)
        assert_accessible(contexts[0][1])

        # They sign off one after another, each from the task's link; the task goes for each as they sign.
        for signed, (_context, chief_page) in enumerate(contexts, start=1):
            _sign_off_tasks(chief_page).get_by_role("link", name=re.compile(SIGN_OFF_TASK)).click()
            expect(chief_page.get_by_role("heading", level=1)).to_have_text("Sign off the rapid inquiry decision")
            chief_page.get_by_role("button", name="Sign off for my agency").click()
            expect(chief_page.get_by_text(re.compile(r"^Signed off\."))).to_be_visible()
            expect(_sign_off_tasks(chief_page)).to_have_count(0)
            waiting = [_sign_off_tasks(other) for _c, other in contexts[signed:]]
            for tasks in waiting:
                expect(tasks).to_have_count(1)

        # After the third, no lead chief officer has the task, and the decision is final.
        for _context, chief_page in contexts:
            expect(_sign_off_tasks(chief_page)).to_have_count(0)
        assert Incident.objects.get().status == IncidentStatus.LLI
    finally:
        for context, _page in contexts:
            context.close()
    page_log.assert_clean()
