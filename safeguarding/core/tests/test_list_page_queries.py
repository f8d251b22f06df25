"""No list page makes more queries for more rows: each is requested with a few rows, then with four times
as many, and must make the same number of queries (a query per row would add dozens)."""

import datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from safeguarding.api.factories import make_token
from safeguarding.api.models import Scope
from safeguarding.child_deaths.factories import PanelFactory, make_case
from safeguarding.core import audit
from safeguarding.incidents.factories import make_incident
from safeguarding.incidents.states import IncidentStatus
from safeguarding.learning.repository.factories import code, make_entry
from safeguarding.organisations.factories import person_with_role
from safeguarding.organisations.models import Role

pytestmark = pytest.mark.django_db
FEW, MANY = 3, 12


def _queries(client, url):
    cache.clear()  # what a page costs when its result is not cached yet
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, f"{url} answered {response.status_code}"
    return len(queries)


def _same_for_more_rows(client, url, add_rows):
    add_rows(FEW)
    client.get(url)  # the session and per-process caches warmed, as on any later visit
    few = _queries(client, url)
    add_rows(MANY - FEW)
    # Warmed again: what a process keeps per data version (the repository's facet bitmaps) is built once after
    # a change, whatever the number of rows; the comparison is of what a visit costs per row.
    client.get(url)
    many = _queries(client, url)
    assert many == few, f"{url}: {few} queries with {FEW} rows, {many} with {MANY}"


def _incidents(area, status=IncidentStatus.RAPID_INQUIRY):
    def add(count):
        for _ in range(count):
            make_incident(area, status)

    return add


@pytest.mark.parametrize("url", ["/incidents/", "/incidents/dashboard/"])
def test_incident_lists(client, sign_in, area, url):
    sign_in(person_with_role(Role.RAPID_INQUIRY_LEAD, area))
    _same_for_more_rows(client, url, _incidents(area))


def _deaths(area):
    PanelFactory(areas=[area])
    day = iter(range(1, 40))

    def add(count):
        for _ in range(count):
            make_case(area, date_of_death=datetime.date(2026, 10, next(day) % 28 + 1))

    return add


def test_child_death_case_list(client, sign_in, area):
    sign_in(person_with_role(Role.PANEL_MANAGER, area))
    _same_for_more_rows(client, "/child-deaths/", _deaths(area))


def _entries(count):
    for _ in range(count):
        entry = make_entry(findings=[("The baby was often hungry.", "Neglect was not named.")])
        code(entry.current_findings().first(), "neglect")


@pytest.mark.parametrize("url", ["/learning/", "/learning/?q=hungry", "/learning/?theme=neglect&sort=oldest"])
def test_public_repository_search(client, url):
    _same_for_more_rows(client, url, _entries)


def test_national_repository_search(client, sign_in):
    sign_in(person_with_role(Role.NATIONAL_ANALYST))
    _same_for_more_rows(client, "/learning/national/?q=hungry", _entries)


def test_audit_search(client, sign_in):
    sign_in(person_with_role(Role.NATIONAL_ADMINISTRATOR))

    def add(count):
        for number in range(count):
            audit.record(audit.Actor.system("tests"), "test.happened", ("test.thing", number, f"Thing {number}"))

    _same_for_more_rows(client, "/audit/", add)


@pytest.mark.parametrize(("url", "scope"), [("/api/v1/incidents", Scope.INCIDENTS_READ)])
def test_api_incident_list(client, area, url, scope):
    _token, plaintext = make_token(areas=[area], scopes=[scope])
    client.defaults["HTTP_AUTHORIZATION"] = f"Bearer {plaintext}"
    _same_for_more_rows(client, url, _incidents(area))


def test_api_child_death_list(client, area):
    _token, plaintext = make_token(areas=[area], scopes=[Scope.CHILD_DEATHS_READ])
    client.defaults["HTTP_AUTHORIZATION"] = f"Bearer {plaintext}"
    _same_for_more_rows(client, "/api/v1/child-deaths/", _deaths(area))
