"""The case list, dashboard and case page: scoped to the person's areas; national roles see pseudonyms."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from safeguarding.incidents.factories import make_incident
from safeguarding.incidents.states import IncidentStatus
from safeguarding.organisations.factories import person_with_role
from safeguarding.organisations.models import Role

pytestmark = pytest.mark.django_db


def test_the_list_shows_only_my_areas_cases(client, sign_in, area, other_area):
    mine, theirs = make_incident(area), make_incident(other_area)
    sign_in(person_with_role(Role.PRACTITIONER, area))
    page = client.get(reverse("incidents:list")).content.decode()
    assert mine.reference in page and theirs.reference not in page
    assert client.get(reverse("incidents:case", args=[theirs.pk])).status_code == 404


def test_national_roles_see_notified_cases_by_pseudonym_but_not_drafts(client, sign_in, area):
    case, draft = make_incident(area), make_incident(area, IncidentStatus.DRAFT)
    sign_in(person_with_role(Role.NATIONAL_ANALYST))
    page = client.get(reverse("incidents:list")).content.decode()
    assert case.reference in page and draft.reference not in page
    detail = client.get(reverse("incidents:case", args=[case.pk])).content.decode()
    assert case.child.pseudonym in detail and "Test" not in detail.split("<main", 1)[1]
    assert "Ask to pause" not in detail
    assert client.get(reverse("incidents:case", args=[draft.pk])).status_code == 404


def test_the_dashboard_groups_open_cases_by_clock_state(client, sign_in, area):
    now = timezone.now()
    overdue = make_incident(area, submitted_at=now - datetime.timedelta(days=60))
    on_track = make_incident(area, IncidentStatus.RAPID_INQUIRY, submitted_at=now)
    closed = make_incident(area, IncidentStatus.PUBLISHED)
    sign_in(person_with_role(Role.AREA_ADMINISTRATOR, area))
    page = client.get(reverse("incidents:dashboard")).content.decode()
    overdue_section, rest = page.split("Overdue (", 1)[1].split("Due soon (", 1)
    assert overdue.reference in overdue_section
    assert on_track.reference in rest.split("On track (", 1)[1]
    assert closed.reference not in page


def test_an_empty_list_says_so(client, sign_in, area):
    sign_in(person_with_role(Role.PRACTITIONER, area))
    assert "There are no serious incidents" in client.get(reverse("incidents:list")).content.decode()
