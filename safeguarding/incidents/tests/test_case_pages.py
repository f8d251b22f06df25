"""The case list, dashboard and case page: scoped to the person's areas; national roles see pseudonyms."""

import datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from safeguarding.incidents.factories import child_of, make_incident
from safeguarding.incidents.states import IncidentStatus
from safeguarding.incidents.views.access import PAGE_SIZE
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


def test_the_dashboard_puts_the_most_urgent_open_cases_first(client, sign_in, area):
    now = timezone.now()
    on_track = make_incident(area, IncidentStatus.RAPID_INQUIRY, submitted_at=now)
    overdue = make_incident(area, submitted_at=now - datetime.timedelta(days=60))
    closed = make_incident(area, IncidentStatus.PUBLISHED)
    sign_in(person_with_role(Role.AREA_ADMINISTRATOR, area))
    page = client.get(reverse("incidents:dashboard")).content.decode()
    assert "All open cases (2)" in page and 'href="?state=overdue">Overdue (1)' in page
    assert 'href="?state=running">On track (1)' in page and 'href="?state=due_soon">Due soon (0)' in page
    table = page.split("<tbody", 1)[1]
    assert table.index(overdue.reference) < table.index(on_track.reference)
    assert "Overdue</strong> Due 16 October 2026: 29 working days overdue" in table
    assert closed.reference not in page


def test_the_dashboard_shows_one_state_at_a_time(client, sign_in, area):
    now = timezone.now()
    on_track = make_incident(area, IncidentStatus.RAPID_INQUIRY, submitted_at=now)
    overdue = make_incident(area, submitted_at=now - datetime.timedelta(days=60))
    sign_in(person_with_role(Role.AREA_ADMINISTRATOR, area))
    page = client.get(reverse("incidents:dashboard"), {"state": "overdue"}).content.decode()
    assert overdue.reference in page and on_track.reference not in page
    assert '<strong aria-current="page">Overdue (1)</strong>' in page
    assert "Overdue: showing 1 to 1 of 1 case" in page
    empty = client.get(reverse("incidents:dashboard"), {"state": "paused"}).content.decode()
    assert "There are no open cases paused in the areas you work in." in empty
    # A state the page does not know shows every open case.
    assert on_track.reference in client.get(reverse("incidents:dashboard"), {"state": "met"}).content.decode()


def test_the_dashboard_comes_a_page_at_a_time(client, sign_in, area):
    child = child_of(area)
    submitted = timezone.now() - datetime.timedelta(days=60)
    made = [make_incident(area, child=child, submitted_at=submitted) for _ in range(PAGE_SIZE + 1)]
    sign_in(person_with_role(Role.AREA_ADMINISTRATOR, area))
    first = client.get(reverse("incidents:dashboard"), {"state": "overdue"}).content.decode()
    assert f"showing 1 to {PAGE_SIZE} of {PAGE_SIZE + 1} cases" in first
    assert '<nav class="govuk-pagination" aria-label="Pages of open cases">' in first
    assert 'href="?state=overdue&amp;page=2" rel="next"' in first
    second = client.get(reverse("incidents:dashboard"), {"state": "overdue", "page": 2}).content.decode()
    # Equally urgent cases come in the order they were made, so the last is alone on page 2.
    assert made[-1].reference in second and made[0].reference not in second


def test_the_dashboard_shows_only_my_areas_cases(client, sign_in, area, other_area):
    mine, theirs = make_incident(area), make_incident(other_area)
    sign_in(person_with_role(Role.PRACTITIONER, area))
    page = client.get(reverse("incidents:dashboard")).content.decode()
    assert mine.reference in page and theirs.reference not in page


def test_an_empty_list_says_so(client, sign_in, area):
    sign_in(person_with_role(Role.PRACTITIONER, area))
    assert "There are no serious incidents" in client.get(reverse("incidents:list")).content.decode()


def _dashboard_queries(client, data):
    cache.clear()
    with CaptureQueriesContext(connection) as captured:
        assert client.get(reverse("incidents:dashboard"), data).status_code == 200
    return len(captured)


@pytest.mark.parametrize("data", [{}, {"state": "overdue"}])
def test_the_dashboard_makes_as_many_queries_for_50_cases_as_for_5(client, sign_in, area, data):
    child = child_of(area)

    def add(count):
        for number in range(count):
            days_ago = (60, 20, 1)[number % 3]  # overdue, due soon and on track
            make_incident(area, child=child, submitted_at=timezone.now() - datetime.timedelta(days=days_ago))

    sign_in(person_with_role(Role.AREA_ADMINISTRATOR, area))
    add(5)
    client.get(reverse("incidents:dashboard"), data)  # the session warmed, as on any later visit
    few = _dashboard_queries(client, data)
    add(45)
    assert _dashboard_queries(client, data) == few
