"""Meetings with attendance by agency, reports asked, and the burden on an agency across its areas."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from safeguarding.arrangements.actions.meetings import record_meeting, request_report
from safeguarding.arrangements.burden import burden, same_titles_across_areas
from safeguarding.arrangements.models import StrategicMeeting
from safeguarding.organisations.factories import OrganisationFactory, person_with_role
from safeguarding.organisations.models import OrganisationKind, Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def shared_police(partners, other_partners):
    """One police force serving both areas."""
    force = OrganisationFactory(kind=OrganisationKind.POLICE, name="Shared Constabulary")
    partners.area.partners.add(force)
    other_partners.area.partners.add(force)
    return force


def test_the_agency_sees_its_meetings_and_reports_across_areas(partners, other_partners, shared_police):
    for team, day in ((partners, 3), (other_partners, 4)):
        record_meeting(
            team.administrator,
            team.area,
            title="Partnership board",
            kind="board",
            held_on=datetime.date(2026, 3, day),
            hours=Decimal("2.5"),
            attendance={shared_police: 2},
        )
    request_report(
        partners.administrator,
        partners.area,
        organisation=shared_police,
        title="Missing children",
        due_on=datetime.date(2026, 5, 1),
    )
    rows, totals = burden(shared_police, datetime.date(2026, 1, 1), datetime.date(2026, 12, 31))
    assert totals == {"areas": 2, "meetings": 2, "people_hours": Decimal("10.0"), "reports": 1}
    assert same_titles_across_areas(rows) == {
        "Strategic board of the partners": [partners.area.name, other_partners.area.name]
    }
    _, outside = burden(shared_police, datetime.date(2025, 1, 1), datetime.date(2025, 12, 31))
    assert outside["meetings"] == 0


def test_a_meeting_needs_someone_there_and_a_sensible_length(partners, shared_police):
    with pytest.raises(ValidationError, match="at least one agency"):
        record_meeting(
            partners.administrator,
            partners.area,
            title="Board",
            kind="board",
            held_on=datetime.date(2026, 3, 1),
            hours=Decimal(2),
            attendance={shared_police: 0},
        )
    with pytest.raises(ValidationError) as refused:
        record_meeting(
            partners.administrator,
            partners.area,
            title="Board",
            kind="board",
            held_on=datetime.date(2026, 3, 1),
            hours=Decimal(30),
            attendance={shared_police: 1},
        )
    assert "hours" in refused.value.message_dict
    assert not StrategicMeeting.objects.exists()


def test_attendance_only_for_the_areas_partners(partners):
    stranger = OrganisationFactory(kind=OrganisationKind.POLICE, name="Far Away Police")
    with pytest.raises(ValidationError, match="not a partner"):
        record_meeting(
            partners.administrator,
            partners.area,
            title="Board",
            kind="board",
            held_on=datetime.date(2026, 3, 1),
            hours=Decimal(2),
            attendance={stranger: 1},
        )
    assert not StrategicMeeting.objects.exists()


def test_burden_page_for_a_person_of_the_agency(client, sign_in, partners, other_partners, shared_police):
    record_meeting(
        other_partners.administrator,
        other_partners.area,
        title="Executive",
        kind="executive",
        held_on=datetime.date(2026, 6, 1),
        hours=Decimal(2),
        attendance={shared_police: 1},
    )
    officer = person_with_role(Role.PRACTITIONER, partners.area, organisation=shared_police)
    sign_in(officer)
    page = client.get(
        reverse("arrangements:agency-burden"),
        {
            "organisation": shared_police.pk,
            "start_0": "1",
            "start_1": "1",
            "start_2": "2026",
            "end_0": "31",
            "end_1": "12",
            "end_2": "2026",
        },
    ).content.decode()
    assert other_partners.area.name in page and "1 meeting" in page
    other_org = partners.area.partners.get(kind="health")
    refused = client.get(
        reverse("arrangements:agency-burden"),
        {
            "organisation": other_org.pk,
            "start_0": "1",
            "start_1": "1",
            "start_2": "2026",
            "end_0": "31",
            "end_1": "12",
            "end_2": "2026",
        },
    )
    assert "Choose the agency from the list" in refused.content.decode()


def test_meeting_form_names_bad_numbers(client, sign_in, partners, shared_police):
    sign_in(partners.administrator)
    url = reverse("arrangements:add-meeting", kwargs={"slug": partners.area.slug})
    page = client.post(
        url,
        {
            "title": "Board",
            "kind": "board",
            "held_on_0": "1",
            "held_on_1": "3",
            "held_on_2": "2026",
            "hours": "two",
            f"attendees_{shared_police.pk}": "-1",
        },
    ).content.decode()
    assert "Enter the length of the meeting as a number of hours, like 2.5" in page
    assert "The number of people from Shared Constabulary must be 0 or more" in page
