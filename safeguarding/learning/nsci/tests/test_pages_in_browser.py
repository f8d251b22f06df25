"""Every national inquiry page in a real Chromium, passing axe (WCAG 2.2 AA), with its error states."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from safeguarding.core.tests.browser import assert_accessible, sign_in_with_both_factors
from safeguarding.incidents.factories import make_incident
from safeguarding.incidents.states import IncidentStatus
from safeguarding.learning.nsci.actions import report
from safeguarding.learning.nsci.factories import make_inquiry
from safeguarding.learning.nsci.states import InquiryStatus
from safeguarding.learning.reviewers.factories import add_employment, make_reviewer
from safeguarding.organisations.factories import OrganisationFactory, UserFactory, person_with_role
from safeguarding.organisations.models import OrganisationKind, Role

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _visit(page, url, heading):
    page.goto(url)
    expect(page.get_by_role("heading", level=1)).to_contain_text(heading)
    assert_accessible(page)


def test_every_inquiry_page_passes_axe(page, page_log, area):
    council = OrganisationFactory(kind=OrganisationKind.LOCAL_AUTHORITY, name="Area A Council")
    area.partners.add(council)
    analyst = person_with_role(Role.NATIONAL_ANALYST)
    administrator = person_with_role(Role.NATIONAL_ADMINISTRATOR)
    today = timezone.localdate()
    former = make_reviewer(UserFactory(full_name="Pat Former"))
    add_employment(former, organisation=council, started_on=datetime.date(2015, 1, 5), ended_on=today)
    make_reviewer(UserFactory(full_name="Sam Independent"))
    referral = make_incident(area, IncidentStatus.REFERRED_NSCI, decided_on=today)

    def inquiry(status):
        return make_inquiry([area], status, proposed_by=analyst, actor=administrator, today=today)

    proposed, accepted = inquiry(InquiryStatus.PROPOSED), inquiry(InquiryStatus.ACCEPTED)
    set_up, in_progress = inquiry(InquiryStatus.SET_UP), inquiry(InquiryStatus.IN_PROGRESS)
    drafted, published = inquiry(InquiryStatus.REPORT_DRAFTED), inquiry(InquiryStatus.PUBLISHED)
    report.add_finding(administrator, in_progress, what_happened="Nobody asked who lived at home", why="No prompt")
    report.add_recommendation(administrator, in_progress, text="Add a prompt", addressee="Department for Education")
    sign_in_with_both_factors(page, administrator)

    _visit(page, "/national-inquiries/", "National serious case inquiries")
    expect(page.get_by_text("Rapid inquiry referrals awaiting a proposal")).to_be_visible()
    _visit(page, "/national-inquiries/?status=declined", "National serious case inquiries")  # the empty state
    _visit(page, f"/national-inquiries/propose/?incident={referral.pk}", "Propose a national serious case inquiry")
    page.get_by_label("Title").fill("")
    page.get_by_role("button", name="Propose the inquiry").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter a short title")
    assert_accessible(page)

    _visit(page, f"/national-inquiries/{proposed.pk}/", proposed.title)
    _visit(page, f"/national-inquiries/{proposed.pk}/assess/", "Assess the criteria and decide")
    page.get_by_role("button", name="Record the decision").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter the reasons for the decision")
    assert_accessible(page)

    _visit(page, f"/national-inquiries/{accepted.pk}/set-up/", "Terms of reference and the independent team")
    expect(page.get_by_role("table")).to_contain_text("Pat Former")
    page.get_by_role("button", name="Agree the terms and appoint the team").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter the terms of reference")
    assert_accessible(page)

    _visit(page, f"/national-inquiries/{set_up.pk}/progress/", "Progress of the inquiry")
    _visit(page, f"/national-inquiries/{in_progress.pk}/progress/", "Progress of the inquiry")
    _visit(page, f"/national-inquiries/{in_progress.pk}/report/", "National report")
    expect(page.get_by_role("button", name="Remove finding 1")).to_be_visible()
    page.get_by_role("button", name="Add the recommendation").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter the recommendation")
    assert_accessible(page)
    _visit(page, f"/national-inquiries/{drafted.pk}/report/", "National report")
    _visit(page, f"/national-inquiries/{drafted.pk}/publish/", "Publish the national report")
    _visit(page, f"/national-inquiries/{published.pk}/", published.title)
    _visit(page, f"/national-inquiries/{published.pk}/quality/", "Assess the inquiry against the SCR Quality Markers")
    page.get_by_role("button", name="Save the assessment").click()
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    assert_accessible(page)
    page_log.assert_clean()
