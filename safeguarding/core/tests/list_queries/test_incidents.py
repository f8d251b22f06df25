"""List pages of serious incidents, and the API's list of them. The table of every list page and its test is in
this package's __init__.py."""

import datetime

import pytest

from safeguarding.api.models import Scope
from safeguarding.incidents.factories import child_of, make_incident
from safeguarding.incidents.models import (
    Action,
    AgencySummaryRequest,
    ClockPause,
    Finding,
    IncidentStatusChange,
    RapidInquiry,
    Recommendation,
)
from safeguarding.incidents.states import IncidentStatus
from safeguarding.organisations.factories import OrganisationFactory, person_with_role
from safeguarding.organisations.models import Role

from .helpers import nhs_number, rows_of, same_for_more_rows, with_token

pytestmark = pytest.mark.django_db


def _incidents(area, status=IncidentStatus.RAPID_INQUIRY):
    return rows_of(lambda n: make_incident(area, status, child=child_of(area, nhs_number=nhs_number(n))))


@pytest.mark.parametrize("url", ["/incidents/", "/incidents/dashboard/"])
def test_incident_lists(client, sign_in, area, url):
    sign_in(person_with_role(Role.RAPID_INQUIRY_LEAD, area))
    same_for_more_rows(client, url, _incidents(area))


def test_api_incident_list(client, area):
    with_token(client, area, Scope.INCIDENTS_READ)
    same_for_more_rows(client, "/api/v1/incidents", _incidents(area))


def _recommendation(incident, number):
    finding = Finding.objects.create(
        incident=incident,
        what_happened=f"The plan did not reach the health visitor ({number})",
        why="No link between the two systems",
        journey_stage="planning",
        kind="problem",
    )
    return Recommendation.objects.create(
        incident=incident, finding=finding, addressee=OrganisationFactory(), change=f"Link the systems ({number})"
    )


def _action(recommendation, number, updated_by, due_on=datetime.date(2027, 3, 31)):
    return Action.objects.create(
        recommendation=recommendation,
        description=f"Build the link ({number})",
        owner="Head of digital",
        due_on=due_on,
        updated_by=updated_by,
    )


def test_findings_of_an_incident(client, sign_in, area):
    lead = person_with_role(Role.RAPID_INQUIRY_LEAD, area)
    sign_in(lead)
    incident = make_incident(area, IncidentStatus.FINDINGS)
    same_for_more_rows(client, f"/incidents/{incident.pk}/findings/", rows_of(lambda n: _recommendation(incident, n)))


def test_actions_of_an_incident(client, sign_in, area):
    admin = person_with_role(Role.AREA_ADMINISTRATOR, area)
    sign_in(admin)
    incident = make_incident(area, IncidentStatus.FINDINGS)

    def recommendation_with_action(number):
        return _action(_recommendation(incident, number), number, admin)

    same_for_more_rows(client, f"/incidents/{incident.pk}/actions/", rows_of(recommendation_with_action))


def test_overdue_actions(client, sign_in, area):
    admin = person_with_role(Role.AREA_ADMINISTRATOR, area)
    sign_in(admin)

    def overdue(number):
        incident = make_incident(area, IncidentStatus.FINDINGS, child=child_of(area, nhs_number=nhs_number(number)))
        return _action(_recommendation(incident, number), number, admin, due_on=datetime.date(2026, 10, 1))

    same_for_more_rows(client, "/incidents/actions/overdue/", rows_of(overdue))


def test_history_of_an_incident(client, sign_in, area):
    lead = person_with_role(Role.RAPID_INQUIRY_LEAD, area)
    sign_in(lead)
    incident = make_incident(area, IncidentStatus.SUBMITTED)
    changers = iter(person_with_role(Role.RAPID_INQUIRY_LEAD, area) for _ in range(20))

    def status_change(number):
        return IncidentStatusChange.objects.create(
            case=incident, from_state="submitted", to_state="submitted", changed_by=next(changers), reason=f"n{number}"
        )

    same_for_more_rows(client, f"/incidents/{incident.pk}/history/", rows_of(status_change))


def test_agency_summaries_of_a_rapid_inquiry(client, sign_in, area):
    lead = person_with_role(Role.RAPID_INQUIRY_LEAD, area)
    sign_in(lead)
    incident = make_incident(area, IncidentStatus.RAPID_INQUIRY)
    RapidInquiry.objects.create(incident=incident, lead=lead, started_on=incident.submitted_at.date())

    def summary_request(number):
        organisation = OrganisationFactory()
        area.partners.add(organisation)
        return AgencySummaryRequest.objects.create(
            incident=incident,
            organisation=organisation,
            requested_on=incident.submitted_at.date(),
            due_on=datetime.date(2026, 12, 10),
            contact_email=f"summaries{number}@agency.example",
        )

    same_for_more_rows(client, f"/incidents/{incident.pk}/rapid-inquiry/", rows_of(summary_request))


def test_clock_pauses_of_an_incident(client, sign_in, area):
    lead = person_with_role(Role.RAPID_INQUIRY_LEAD, area)
    sign_in(lead)
    incident = make_incident(area, IncidentStatus.SUBMITTED)

    def pause(number):
        return ClockPause.objects.create(
            incident=incident,
            proceeding="criminal_trial",
            reason=f"Trial listed ({number})",
            starts_on=incident.submitted_at.date(),
            requested_by=person_with_role(Role.RAPID_INQUIRY_LEAD, area),
        )

    same_for_more_rows(client, f"/incidents/{incident.pk}/", rows_of(pause))
