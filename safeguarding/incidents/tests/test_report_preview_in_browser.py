"""The lead chief officer previews the redacted copy before publishing it, in a real Chromium, passing axe."""

import pytest
from playwright.sync_api import expect

from safeguarding.core.tests.browser import assert_accessible, sign_in_with_both_factors
from safeguarding.incidents.factories import make_incident
from safeguarding.incidents.models import LearningReport
from safeguarding.incidents.states import IncidentStatus
from safeguarding.organisations.factories import OrganisationFactory, person_with_role
from safeguarding.organisations.models import OrganisationKind, Role

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
WRITTEN = {
    "title": "Local learning inquiry: a girl of 7",
    "summary": "Ruby was neglected over many months.",
    "background": "The family moved from Hull in 2025.",
    "methodology_used": "A practitioner learning event.",
    "what_went_well": "The school nurse noticed weight loss.",
    "learning": "Moves between areas broke the plan.",
}
REDACTED = {
    **WRITTEN,
    "summary": "[redacted] was neglected over many months.",
    "background": "The family moved from [redacted] in 2025.",
}


def test_the_publisher_reads_the_redacted_copy_before_publishing(page, page_log, area):
    council = OrganisationFactory(kind=OrganisationKind.LOCAL_AUTHORITY, name="Area A Council")
    area.partners.add(council)
    incident = make_incident(area, IncidentStatus.REPORT_DRAFTED)
    LearningReport.objects.create(
        incident=incident,
        updated_by=person_with_role(Role.REVIEWER, area),
        published_sections=REDACTED,
        redactions="Ruby\nHull",
        **WRITTEN,
    )
    sign_in_with_both_factors(page, person_with_role(Role.LEAD_CHIEF_OFFICER, area, organisation=council))
    page.goto(f"/incidents/{incident.pk}/report/publish/")
    page.get_by_role("link", name="Read the redacted report").click()
    expect(page.get_by_text("exactly what will be published")).to_be_visible()
    expect(page.locator("main")).to_contain_text("[redacted] was neglected")
    expect(page.locator("main")).not_to_contain_text("Ruby")
    expect(page.locator("main")).not_to_contain_text("Hull")
    assert_accessible(page)
    page_log.assert_clean()
