"""Every serious incident page in a real Chromium, passing axe (WCAG 2.2 AA), with its error states."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from safeguarding.core.tests.browser import assert_accessible, sign_in_with_both_factors
from safeguarding.incidents.factories import make_incident
from safeguarding.incidents.models import ClockPause, LocalLearningInquiry, RapidInquiry
from safeguarding.incidents.states import IncidentStatus
from safeguarding.organisations.factories import OrganisationFactory, person_with_role
from safeguarding.organisations.models import OrganisationKind, Role

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def council(area):
    organisation = OrganisationFactory(kind=OrganisationKind.LOCAL_AUTHORITY, name="Area A Council")
    area.partners.add(organisation)
    return organisation


def _inquiry_case(area, lead):
    incident = make_incident(area, IncidentStatus.RAPID_INQUIRY, submitted_at=timezone.now())
    RapidInquiry.objects.create(
        incident=incident,
        lead=lead,
        started_on=timezone.localdate(),
        decision="lli",
        decision_reasons="Systemic learning about the handover between health visiting and the GP.",
    )
    return incident


def test_a_practitioner_notifies_through_pages_that_pass_axe(page, page_log, area, council):
    draft = make_incident(area, IncidentStatus.DRAFT)
    submitted = make_incident(area, submitted_at=timezone.now())
    sign_in_with_both_factors(page, person_with_role(Role.PRACTITIONER, area, organisation=council))

    page.goto("/incidents/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Serious incidents")
    assert_accessible(page)

    page.goto("/incidents/dashboard/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Open cases by deadline")
    assert_accessible(page)

    page.goto(f"/incidents/new/{area.slug}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Notify a serious incident")
    assert_accessible(page)
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    group = page.get_by_role("group", name="Date the incident happened")
    group.get_by_label("Day").fill(str(tomorrow.day))
    group.get_by_label("Month").fill(str(tomorrow.month))
    group.get_by_label("Year").fill(str(tomorrow.year))
    page.get_by_role("button", name="Save as draft").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("must be today or in the past")
    assert_accessible(page)

    page.goto(f"/incidents/{draft.pk}/notification/")
    expect(page.get_by_role("heading", level=1)).to_contain_text(draft.reference)
    assert_accessible(page)

    page.goto(f"/incidents/{submitted.pk}/")
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Serious incident {submitted.reference}")
    assert_accessible(page)

    page.goto(f"/incidents/{submitted.pk}/history/")
    expect(page.get_by_role("heading", level=1)).to_have_text(f"History of {submitted.reference}")
    assert_accessible(page)
    page_log.assert_clean()


def test_the_rapid_inquiry_pages_pass_axe(page, page_log, area, council):
    lead = person_with_role(Role.RAPID_INQUIRY_LEAD, area, organisation=council)
    submitted = make_incident(area, submitted_at=timezone.now())
    inquiry = _inquiry_case(area, lead)
    sign_in_with_both_factors(page, lead)

    page.goto(f"/incidents/{submitted.pk}/rapid-inquiry/start/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Start the rapid inquiry")
    assert_accessible(page)

    page.goto(f"/incidents/{inquiry.pk}/rapid-inquiry/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Rapid inquiry")
    assert_accessible(page)
    page.get_by_text("Ask an agency for a summary").click()
    page.get_by_role("button", name="Ask for the summary").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Select the agency")
    assert_accessible(page)
    page_log.assert_clean()


def test_the_sign_off_page_passes_axe(page, page_log, area, council):
    inquiry = _inquiry_case(area, person_with_role(Role.RAPID_INQUIRY_LEAD, area, organisation=council))
    sign_in_with_both_factors(page, person_with_role(Role.LEAD_CHIEF_OFFICER, area, organisation=council))
    page.goto(f"/incidents/{inquiry.pk}/rapid-inquiry/sign-off/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Sign off the rapid inquiry decision")
    assert_accessible(page)
    page_log.assert_clean()


def test_the_learning_inquiry_page_passes_axe(page, page_log, area, council):
    reviewer = person_with_role(Role.REVIEWER, area, organisation=council)
    learning = _inquiry_case(area, person_with_role(Role.RAPID_INQUIRY_LEAD, area, organisation=council))
    learning.status = IncidentStatus.LLI
    learning.decided_on = timezone.localdate()
    learning.save()
    LocalLearningInquiry.objects.create(incident=learning)
    sign_in_with_both_factors(page, reviewer)

    page.goto(f"/incidents/{learning.pk}/")
    expect(page.get_by_role("heading", name="Local learning inquiry")).to_be_visible()
    assert_accessible(page)

    page.goto(f"/incidents/{learning.pk}/learning-inquiry/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Local learning inquiry")
    assert_accessible(page)
    page.get_by_text("When each methodology fits").click()
    assert_accessible(page)
    page.get_by_text("Record an invitation to take part").click()
    page.get_by_role("button", name="Record it").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter their role or relationship")
    assert_accessible(page)
    page_log.assert_clean()


def test_the_pause_pages_pass_axe(page, page_log, area, council):
    manager = person_with_role(Role.AREA_ADMINISTRATOR, area, organisation=council)
    submitted = make_incident(area, submitted_at=timezone.now())
    sign_in_with_both_factors(page, manager)

    page.goto(f"/incidents/{submitted.pk}/pauses/new/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("pause")
    assert_accessible(page)
    page.get_by_role("button", name="Ask the national body").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Select the proceeding the inquiry would wait for")
    assert_accessible(page)

    pause = ClockPause.objects.create(
        incident=submitted,
        proceeding="criminal_trial",
        reason="The trial is listed for next month; the police ask that practitioners are not interviewed yet.",
        starts_on=timezone.localdate(),
        requested_by=manager,
    )
    page.goto(f"/incidents/{submitted.pk}/pauses/{pause.pk}/end/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("pause")
    assert_accessible(page)
    page_log.assert_clean()

    page.context.clear_cookies()
    sign_in_with_both_factors(page, person_with_role(Role.NATIONAL_ADMINISTRATOR))
    page.goto(f"/incidents/{submitted.pk}/")
    expect(page.get_by_role("link", name="Decide on the pause")).to_be_visible()
    assert_accessible(page)
    page.goto(f"/incidents/{submitted.pk}/pauses/{pause.pk}/decide/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("pause")
    assert_accessible(page)
    page_log.assert_clean()


def test_findings_and_recommendations_pages_pass_axe_and_flag_as_you_type(page, page_log, area, council):
    reviewer = person_with_role(Role.REVIEWER, area, organisation=council)
    case = make_incident(area, IncidentStatus.FINDINGS, submitted_at=timezone.now())
    sign_in_with_both_factors(page, reviewer)

    page.goto(f"/incidents/{case.pk}/findings/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Findings and recommendations")
    assert_accessible(page)

    page.get_by_role("link", name="Add a finding").click()
    page.get_by_label("What happened").fill("The health visitor did not know of the child protection plan.")
    page.get_by_role("button", name="Save the finding").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("systemic or human factors")
    assert_accessible(page)
    page.get_by_label("Why it happened").fill("Notifications of plans go to a shared inbox that no one owns.")
    page.get_by_label("Planning and review").check()
    page.get_by_label("Practice problem").check()
    page.get_by_label(council.name).check()
    page.get_by_role("button", name="Save the finding").click()
    expect(page.get_by_role("alert", name="Success")).to_contain_text("Finding saved")

    page.get_by_role("link", name="Add a recommendation").click()
    live = page.locator("#quality-live")
    expect(live).to_contain_text("No addressee")
    page.get_by_label("What should change").fill("Improve communication with health visitors")
    expect(live).to_contain_text("improve communication")
    assert_accessible(page)
    page.get_by_role("button", name="Save the recommendation").click()
    expect(page.locator("#quality-check")).to_contain_text("No measurable outcome")
    assert_accessible(page)
    page_log.assert_clean()


def test_the_action_pages_pass_axe_and_highlight_overdue(page, page_log, area, council):
    from safeguarding.incidents.models import Action, Recommendation

    manager = person_with_role(Role.AREA_ADMINISTRATOR, area, organisation=council)
    case = make_incident(area, IncidentStatus.PUBLISHED, submitted_at=timezone.now())
    recommendation = Recommendation.objects.create(incident=case, addressee=council, change="Link the two systems")
    late = Action.objects.create(
        recommendation=recommendation,
        description="Build the link between the two systems",
        owner="Head of Digital",
        due_on=timezone.localdate() - datetime.timedelta(days=7),
        updated_by=manager,
    )
    sign_in_with_both_factors(page, manager)

    page.goto(f"/incidents/{case.pk}/actions/")
    expect(page.get_by_role("row", name=late.description)).to_contain_text("Overdue")
    assert_accessible(page)
    page.get_by_role("link", name="Add an action for recommendation 1").click()
    page.get_by_role("button", name="Add the action").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Describe the action")
    assert_accessible(page)

    page.goto(f"/incidents/{case.pk}/actions/{late.pk}/")
    page.get_by_label("Done").check()
    page.get_by_role("button", name="Save progress").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("evidence of impact")
    assert_accessible(page)

    page.goto("/incidents/actions/overdue/")
    expect(page.get_by_role("table")).to_contain_text(late.description)
    assert_accessible(page)
    page_log.assert_clean()


def test_the_evidence_file_form_passes_axe_refuses_a_disguised_program_and_downloads(
    page, page_log, area, council, settings, tmp_path
):
    from safeguarding.incidents.models import Action, Recommendation

    settings.MEDIA_ROOT = str(tmp_path)
    manager = person_with_role(Role.AREA_ADMINISTRATOR, area, organisation=council)
    case = make_incident(area, IncidentStatus.PUBLISHED, submitted_at=timezone.now())
    recommendation = Recommendation.objects.create(incident=case, addressee=council, change="Link the two systems")
    action = Action.objects.create(
        recommendation=recommendation,
        description="Audit referrals after the link",
        owner="Head of Service",
        due_on=timezone.localdate() + datetime.timedelta(days=30),
        updated_by=manager,
    )
    sign_in_with_both_factors(page, manager)

    page.goto(f"/incidents/{case.pk}/actions/{action.pk}/")
    file_input = page.get_by_label("Evidence of impact file (optional)")
    assert_accessible(page)
    program = b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 64
    file_input.set_input_files({"name": "audit.pdf", "mimeType": "application/pdf", "buffer": program})
    page.get_by_role("button", name="Save progress").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("its contents are not a PDF file")
    assert_accessible(page)

    pdf = b"%PDF-1.7\n%%EOF\n"
    page.get_by_label("Evidence of impact file (optional)").set_input_files(
        {"name": "Referral audit.pdf", "mimeType": "application/pdf", "buffer": pdf}
    )
    page.get_by_label("In progress").check()
    page.get_by_role("button", name="Save progress").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Actions from the recommendations")
    link = page.get_by_role("link", name="Download Referral audit.pdf")
    with page.expect_download() as download:
        link.click()
    assert download.value.suggested_filename == "Referral audit.pdf"
    assert_accessible(page)
    page_log.assert_clean()
