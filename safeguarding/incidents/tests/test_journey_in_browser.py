"""The whole journey in headless Chromium, with axe on every page: notify → rapid inquiry → local
learning inquiry → findings → recommendations → report → redaction → publication → national body."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from safeguarding.core.tests.browser import PageLog, assert_accessible, sign_in_with_both_factors
from safeguarding.incidents.models import Incident
from safeguarding.incidents.states import IncidentStatus
from safeguarding.learning.reviewers.factories import make_reviewer
from safeguarding.organisations.factories import OrganisationFactory, person_with_role
from safeguarding.organisations.models import OrganisationKind, Role

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _fill_date(page, group_name, date):
    group = page.get_by_role("group", name=group_name)
    group.get_by_label("Day").fill(str(date.day))
    group.get_by_label("Month").fill(str(date.month))
    group.get_by_label("Year").fill(str(date.year))


class People:
    """One signed-in browser context per person, kept for the whole journey: signing the same person in
    twice within one 30-second step would reuse their authenticator code, which is rightly refused."""

    def __init__(self, browser, base_url):
        self.browser, self.base_url, self.pages, self.logs = browser, base_url, {}, []

    def page_of(self, person):
        if person.pk not in self.pages:
            context = self.browser.new_context(base_url=self.base_url, locale="en-GB")
            page = context.new_page()
            self.logs.append(PageLog.attach(page))
            sign_in_with_both_factors(page, person)
            self.pages[person.pk] = page
        return self.pages[person.pk]

    def close(self):
        for page in self.pages.values():
            page.context.close()


def _check(page, heading):
    expect(page.get_by_role("heading", level=1)).to_contain_text(heading)
    assert_accessible(page)


@pytest.fixture
def people(browser, live_server):
    people = People(browser, live_server.url)
    yield people
    people.close()


def test_from_notification_to_publication(people, transactional_db, area):
    partners = {
        kind: OrganisationFactory(kind=kind, name=name)
        for kind, name in (
            (OrganisationKind.LOCAL_AUTHORITY, "Area A Council"),
            (OrganisationKind.HEALTH, "Area A Integrated Care Board"),
            (OrganisationKind.POLICE, "Area A Police"),
        )
    }
    area.partners.add(*partners.values())
    council = partners[OrganisationKind.LOCAL_AUTHORITY]
    social_worker = person_with_role(Role.PRACTITIONER, area, organisation=council)
    lead = person_with_role(Role.RAPID_INQUIRY_LEAD, area, organisation=partners[OrganisationKind.POLICE])
    # Held for an independent practice: a role held for one of the area's partners would be current employment.
    reviewer = person_with_role(Role.REVIEWER, area)
    reviewer.full_name = "Helen Reviewer"
    reviewer.save(update_fields=["full_name"])
    make_reviewer(reviewer)  # on the national register, accredited, with no ties to the area
    chiefs = [person_with_role(Role.LEAD_CHIEF_OFFICER, area, organisation=org) for org in partners.values()]
    today = timezone.localdate()

    # 1. Notification by the local authority's social worker.
    page = people.page_of(social_worker)
    page.goto("/incidents/")
    page.get_by_role("link", name="Start a notification").click()
    _check(page, "Notify a serious incident")
    page.get_by_role("group", name="Is abuse or neglect known or suspected?").get_by_label(
        "Suspected", exact=True
    ).check()
    page.get_by_label("The child was seriously harmed").check()
    page.get_by_label("In the area", exact=True).check()
    _fill_date(page, "Date the incident happened", today - datetime.timedelta(days=3))
    _fill_date(page, "Date you became aware of the incident", today - datetime.timedelta(days=2))
    page.get_by_label("Physical abuse", exact=True).check()
    page.get_by_label("What happened", exact=True).fill("Infant of 5 months admitted with unexplained fractures.")
    page.get_by_label("Child's given names").fill("Ellis")
    page.get_by_label("Child's family name").fill("Marrowby")
    page.get_by_label("NHS number", exact=True).fill("9434765919")
    _fill_date(page, "Date of birth", datetime.date(2026, 6, 1))
    page.get_by_label("Child's age in years").fill("0")
    page.get_by_role("group", name="Child's sex").get_by_label("Male", exact=True).check()
    page.get_by_label("Child's ethnic group").select_option("white")
    page.get_by_role("group", name="Does the child have a disability?").get_by_label("No", exact=True).check()
    page.get_by_label("Child's status at the time").select_option("child_in_need")
    page.get_by_label("Area A Council").check()
    page.get_by_role("button", name="Save as draft").click()
    _check(page, "(draft)")
    page.get_by_role("button", name="Submit notification").click()
    incident = Incident.objects.get()
    expect(page).to_have_url(f"{page.url.split('/incidents/')[0]}/incidents/{incident.pk}/")
    _check(page, f"Serious incident {incident.reference}")

    # 2. Rapid inquiry: the lead proposes a local learning inquiry; all three chiefs sign it off.
    page = people.page_of(lead)
    page.goto(f"/incidents/{incident.pk}/")
    page.get_by_role("link", name="Start the rapid inquiry").click()
    _check(page, "Start the rapid inquiry")
    page.get_by_role("button", name="Start the rapid inquiry").click()
    page.goto(f"/incidents/{incident.pk}/rapid-inquiry/")
    _check(page, "Rapid inquiry")
    page.get_by_label("Initial assessment").fill("The plan did not reach the health visitor.")
    page.get_by_label("A local learning inquiry").check()
    page.get_by_label("Reasons", exact=True).fill("Systemic learning about how plans reach universal services.")
    page.get_by_role("button", name="Save the assessment and decision").click()
    expect(page.get_by_role("alert", name="Success")).to_be_visible()
    for chief in chiefs:
        page = people.page_of(chief)
        page.goto(f"/incidents/{incident.pk}/rapid-inquiry/sign-off/")
        _check(page, "Sign off the rapid inquiry decision")
        page.get_by_role("button", name="Sign off for my agency").click()
        expect(page.get_by_role("alert", name="Success")).to_contain_text("Signed off")
    expect(page.locator("main .govuk-tag").first).to_have_text("Local learning inquiry")

    # 3. The local learning inquiry is set up and moves on to findings.
    page = people.page_of(lead)
    page.goto(f"/incidents/{incident.pk}/")
    page.get_by_role("link", name="Work on the local learning inquiry").click()
    _check(page, "Local learning inquiry")
    page.get_by_label("Terms of reference").fill("How did the plan reach universal services? Birth to admission.")
    page.get_by_label("Significant Incident Learning Process (SILP)").check()
    page.get_by_label("Lead reviewer").select_option(label="Helen Reviewer")
    page.get_by_role("button", name="Save the set-up").click()
    page.get_by_role("button", name="Move on to findings and recommendations").click()
    expect(page.get_by_role("alert", name="Success")).to_contain_text("findings and recommendations")

    # 4-5. Findings and recommendations, then the report, by the lead reviewer.
    page = people.page_of(reviewer)
    page.goto(f"/incidents/{incident.pk}/")
    page.get_by_role("link", name="Write the findings and recommendations").click()
    _check(page, "Findings and recommendations")
    page.get_by_role("link", name="Add a finding").click()
    _check(page, "Add a finding")
    page.get_by_label("What happened").fill("The health visitor did not know Ellis was on a plan.")
    page.get_by_label("Why it happened").fill("Plan notifications go to a shared inbox that no one owns.")
    page.get_by_label("Planning and review").check()
    page.get_by_label("Practice problem").check()
    page.get_by_label("Area A Integrated Care Board").check()
    page.get_by_role("button", name="Save the finding").click()
    page.get_by_role("link", name="Add a recommendation").click()
    _check(page, "Add a recommendation")
    page.get_by_label("Addressed to").select_option(label="Area A Integrated Care Board")
    page.get_by_label("What should change").fill("Route every plan notification to the named health visitor.")
    page.get_by_label("The measurable outcome").fill("Audit of 30 plans: 27 reach the health visitor in 2 days.")
    _fill_date(page, "Date the change is due", today + datetime.timedelta(days=120))
    page.get_by_role("button", name="Save the recommendation").click()
    expect(page.locator("#quality-check")).to_contain_text("measurable outcome and a date")
    assert_accessible(page)

    page.goto(f"/incidents/{incident.pk}/")
    page.get_by_role("link", name="Write the report").click()
    _check(page, "The learning report")
    page.get_by_label("Title", exact=True).fill("Local learning inquiry: a baby of 5 months")
    page.get_by_label("Summary", exact=True).fill("Ellis was hurt at 5 months. Agencies knew the family.")
    page.get_by_label("Background", exact=True).fill("The Marrowby family lived in the area with a plan from birth.")
    page.get_by_label("How the inquiry was carried out").fill("A learning event with nine practitioners.")
    page.get_by_label("What went well").fill("The hospital acted within the hour.")
    page.get_by_label("What we have learned").fill("Plans must reach universal services.")
    page.get_by_role("button", name="Save the report").click()
    page.get_by_role("button", name="Complete the report").click()
    expect(page.get_by_role("alert", name="Success")).to_contain_text("The report is complete")

    page.get_by_role("link", name="Redact named details before publication").click()
    _check(page, "Redact named details")
    expect(page.get_by_label("Ellis The child's name")).to_be_checked()
    page.get_by_label("Ellis The child's name").uncheck()
    page.get_by_role("button", name="Confirm the redactions").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Redact the child's name")
    assert_accessible(page)
    page.get_by_label("Ellis The child's name").check()
    page.get_by_role("button", name="Confirm the redactions").click()
    _check(page, "Local learning inquiry: a baby of 5 months")

    # 6. Publication and submission by a lead chief officer; the published copy has no names.
    page = people.page_of(chiefs[0])
    page.goto(f"/incidents/{incident.pk}/")
    page.get_by_role("link", name="Publish the report").click()
    _check(page, "Publish the report")
    page.get_by_label("Publication decision").fill("Publish in full on the partnership's website.")
    _fill_date(page, "Date of publication", today)
    page.get_by_role("button", name="Publish the report").click()
    expect(page.get_by_role("alert", name="Success")).to_contain_text("Published on")
    page.get_by_role("link", name="Submit the report to the national body").click()
    _check(page, "Submit to the national body")
    page.get_by_role("button", name="Submit to the national body").click()
    expect(page.locator("main .govuk-tag").first).to_have_text("Submitted to national body")
    assert_accessible(page)
    page.get_by_role("link", name="Local learning inquiry: a baby of 5 months").click()
    _check(page, "Local learning inquiry: a baby of 5 months")
    main = page.locator("main")
    expect(main).not_to_contain_text("Ellis")
    expect(main).not_to_contain_text("Marrowby")
    for log in people.logs:
        log.assert_clean()
    assert Incident.objects.get().status == IncidentStatus.SUBMITTED_NATIONAL
