"""List pages of child death review, and the API's list of cases. The table of every list page and its test is in
this package's __init__.py."""

import datetime

import pytest

from safeguarding.api.models import Scope
from safeguarding.arrangements.factories import local_authority
from safeguarding.child_deaths.actions.reports import request_report
from safeguarding.child_deaths.factories import PanelFactory, make_case
from safeguarding.child_deaths.models import ThemedMeeting
from safeguarding.organisations.factories import SafeguardingAreaFactory, person_with_role
from safeguarding.organisations.models import Region, Role

from .helpers import nhs_number, rows_of, same_for_more_rows, with_token

pytestmark = pytest.mark.django_db


def _deaths(area):
    """add_rows of cases: each a different child (its own NHS number), so each notification opens a case."""
    PanelFactory(areas=[area])
    return rows_of(
        lambda n: make_case(area, nhs_number=nhs_number(n), date_of_death=datetime.date(2026, 10, n % 28 + 1))
    )


def test_case_list(client, sign_in, area):
    sign_in(person_with_role(Role.PANEL_MANAGER, area))
    same_for_more_rows(client, "/child-deaths/", _deaths(area))


def test_api_case_list(client, area):
    with_token(client, area, Scope.CHILD_DEATHS_READ)
    same_for_more_rows(client, "/api/v1/child-deaths/", _deaths(area))


def test_agency_reports(client, sign_in, area):
    PanelFactory(areas=[area])
    manager = person_with_role(Role.PANEL_MANAGER, area)
    manager.is_verified = lambda: True
    practitioner = person_with_role(Role.PRACTITIONER, area)
    agency = practitioner.memberships.get().organisation
    sign_in(practitioner)

    def report(number):
        case = make_case(area, nhs_number=nhs_number(number))
        return request_report(manager, case, organisation=agency, contexts=[])

    same_for_more_rows(client, "/child-deaths/reports/", rows_of(report))


def test_themed_meetings(client, sign_in, area):
    panel = PanelFactory(areas=[area])
    manager = person_with_role(Role.PANEL_MANAGER, area)
    sign_in(manager)

    def meeting(number):
        return ThemedMeeting.objects.create(
            panel=panel, theme=f"Theme {number}", meets_on=datetime.date(2027, 1, number + 1), created_by=manager
        )

    same_for_more_rows(client, "/child-deaths/themed-meetings/", rows_of(meeting))


def test_cases_of_a_themed_meeting(client, sign_in, area):
    panel = PanelFactory(areas=[area])
    manager = person_with_role(Role.PANEL_MANAGER, area)
    sign_in(manager)
    meeting = ThemedMeeting.objects.create(
        panel=panel, theme="Sleep", meets_on=datetime.date(2027, 1, 5), created_by=manager
    )

    def gathered(number):
        case = make_case(area, nhs_number=nhs_number(number))
        meeting.cases.add(case)
        return case

    same_for_more_rows(client, f"/child-deaths/themed-meetings/{meeting.pk}/", rows_of(gathered))


def test_panel_populations(client, sign_in):
    sign_in(person_with_role(Role.NATIONAL_ADMINISTRATOR))
    region = Region.objects.create(code="E12000099", name="Test region")

    def panel(number):
        area = SafeguardingAreaFactory()
        authority = local_authority(f"E0699{number:04d}", f"Authority {number}", region, children=40_000 + number)
        area.local_authorities.add(authority)
        return PanelFactory(areas=[area])

    same_for_more_rows(client, "/child-deaths/panel-populations/", rows_of(panel))


def test_agency_reports_of_a_case(client, sign_in, area):
    PanelFactory(areas=[area])
    manager = person_with_role(Role.PANEL_MANAGER, area)
    manager.is_verified = lambda: True
    sign_in(manager)
    case = make_case(area, nhs_number=nhs_number(0))

    def report(number):
        agency = person_with_role(Role.PRACTITIONER, area).memberships.get().organisation
        return request_report(manager, case, organisation=agency, contexts=[])

    same_for_more_rows(client, f"/child-deaths/{case.reference}/", rows_of(report))


def test_deaths_by_year_of_a_panel(client, sign_in, area):
    sign_in(person_with_role(Role.NATIONAL_ADMINISTRATOR))
    panel = PanelFactory(areas=[area])

    def death_in_a_year_of_its_own(number):
        return make_case(
            area,
            nhs_number=nhs_number(number),
            date_of_birth=datetime.date(2010, 1, 1),
            date_of_death=datetime.date(2014 + number, 6, 1),
        )

    same_for_more_rows(client, f"/onboarding/panels/{panel.slug}/", rows_of(death_in_a_year_of_its_own))
