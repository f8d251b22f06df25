"""A submitted agency report is read from the case page by those who may read it, and linked for no one else."""

import pytest
from django.urls import reverse

from safeguarding.core.models import AuditEvent
from safeguarding.organisations.factories import MembershipFactory, OrganisationFactory, person_with_role
from safeguarding.organisations.models import OrganisationKind, Role

from ..actions.reports import request_report, submit_report
from ..factories import TODAY, make_case
from .conftest import verified

pytestmark = pytest.mark.django_db

ANSWERS = {
    "involvement": "Class teacher since reception",
    "last_contact": "Parents' evening in October",
    "concerns": "None known to the school",
    "learning": "Share attendance worries sooner",
}


@pytest.fixture
def submitted(area, panel, panel_manager):
    school = OrganisationFactory(kind=OrganisationKind.SCHOOL, name="Riverside Primary")
    area.partners.add(school)
    teacher = verified(MembershipFactory(area=area, organisation=school, role=Role.PRACTITIONER).user)
    report = request_report(panel_manager, make_case(area), organisation=school, contexts=[], today=TODAY)
    return submit_report(teacher, report, ANSWERS, version=report.version, today=TODAY)


@pytest.mark.parametrize("role", [Role.PANEL_MEMBER, Role.PANEL_MANAGER, Role.REVIEWER])
def test_a_panel_member_follows_the_case_page_link_to_the_submitted_report(client, sign_in, area, submitted, role):
    reader = person_with_role(role, area)
    sign_in(reader)
    case_page = client.get(reverse("child_deaths:case", args=[submitted.case.reference])).content.decode()
    link = reverse("child_deaths:read-report", args=[submitted.pk])
    assert f'href="{link}"' in case_page
    response = client.get(link)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Share attendance worries sooner" in page and "Riverside Primary" in page
    assert "<textarea" not in page
    read = AuditEvent.objects.get(verb="child_death.report.read")
    assert read.actor == reader and read.data["report"] == submitted.pk


@pytest.mark.parametrize("role", [Role.AREA_ADMINISTRATOR, Role.LEAD_CHIEF_OFFICER, Role.NATIONAL_ANALYST])
def test_those_who_may_not_read_it_see_no_link_and_get_404(client, sign_in, area, submitted, role):
    sign_in(person_with_role(role, area))
    case_page = client.get(reverse("child_deaths:case", args=[submitted.case.reference]))
    assert case_page.status_code == 200
    page = case_page.content.decode()
    assert "Riverside Primary: submitted" in page
    assert reverse("child_deaths:read-report", args=[submitted.pk]) not in page
    assert reverse("child_deaths:report", args=[submitted.pk]) not in page
    assert client.get(reverse("child_deaths:read-report", args=[submitted.pk])).status_code == 404
    assert not AuditEvent.objects.filter(verb="child_death.report.read").exists()


def test_a_report_not_yet_submitted_is_not_read(client, sign_in, area, panel, panel_manager):
    school = OrganisationFactory(kind=OrganisationKind.SCHOOL, name="Riverside Primary")
    area.partners.add(school)
    report = request_report(panel_manager, make_case(area), organisation=school, contexts=[], today=TODAY)
    sign_in(person_with_role(Role.PANEL_MEMBER, area))
    assert client.get(reverse("child_deaths:read-report", args=[report.pk])).status_code == 404
