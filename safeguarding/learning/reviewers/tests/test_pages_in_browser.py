"""Every reviewer register page in a real Chromium, passing axe (WCAG 2.2 AA), with an error state."""

from datetime import date

import pytest
from playwright.sync_api import expect

from safeguarding.core.tests.browser import assert_accessible, sign_in_with_both_factors
from safeguarding.learning.reviewers.factories import add_employment, make_reviewer
from safeguarding.learning.reviewers.models import QualityAssessment
from safeguarding.learning.reviewers.quality_markers import MARKER_KEYS
from safeguarding.organisations.factories import UserFactory, person_with_role
from safeguarding.organisations.models import Role

from .conftest import completed_lli

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _visit(page, url, heading):
    page.goto(url)
    expect(page.get_by_role("heading", level=1)).to_contain_text(heading)
    assert_accessible(page)


def test_the_register_pages_pass_axe(page, page_log, area):
    reviewer = make_reviewer(UserFactory(full_name="Helen Marsh"), specialisms=["neglect"])
    job = add_employment(reviewer, area=area, started_on=date(2019, 1, 7), ended_on=date(2024, 2, 29))
    incident = completed_lli(area, reviewer)
    QualityAssessment.objects.create(
        reviewer=reviewer,
        inquiry_kind="nsci",
        inquiry_key="nsci:1",
        inquiry_label="National inquiry 1",
        assessed_by=reviewer.user,
        assessed_on=date(2026, 11, 2),
        ratings={key: "met" for key in MARKER_KEYS},
    )
    sign_in_with_both_factors(page, person_with_role(Role.NATIONAL_ADMINISTRATOR))

    _visit(page, "/reviewers/", "Reviewer register")
    _visit(page, "/reviewers/?specialism=disability", "Reviewer register")  # the empty state
    _visit(page, f"/reviewers/{reviewer.pk}/", "Helen Marsh")
    _visit(page, "/reviewers/add/", "Add a reviewer")
    _visit(page, f"/reviewers/{reviewer.pk}/edit/", "Helen Marsh")
    _visit(page, f"/reviewers/{reviewer.pk}/accreditation/", "Add an accreditation")
    _visit(page, f"/reviewers/{reviewer.pk}/cpd/", "Record professional development")
    _visit(page, f"/reviewers/{reviewer.pk}/employment/", "Add a job")
    _visit(page, f"/reviewers/{reviewer.pk}/employment/{job.pk}/", "Change a job")
    _visit(page, f"/reviewers/{reviewer.pk}/inquiries/", "Assess an inquiry")
    _visit(page, f"/reviewers/{reviewer.pk}/inquiries/{incident.pk}/assess/", "Assess the inquiry")

    # An error state: CPD hours over the limit, named on the field and in the summary.
    page.goto(f"/reviewers/{reviewer.pk}/cpd/")
    page.get_by_label("Hours").fill("150")
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("no more than 100")
    assert_accessible(page)

    # The assessment page with a missing rating shows its error, then saves once every marker is rated.
    page.goto(f"/reviewers/{reviewer.pk}/inquiries/{incident.pk}/assess/")
    page.get_by_role("button", name="Save the assessment").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Rate the quality marker")
    assert_accessible(page)
    page_log.assert_clean()
