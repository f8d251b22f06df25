"""The home page's task list: the tasks' clocks and order, the page and the header's count, and a
query count that does not grow with the number of tasks."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from safeguarding.core.work.tasks import Task, Urgency, providers
from safeguarding.organisations.factories import OrganisationFactory, person_with_role
from safeguarding.organisations.models import Invitation, OrganisationKind, Role
from safeguarding.organisations.models.invitations import hash_token, new_token

from .busy_person import TASKS_PER_ROUND, add_rounds, make_busy_person

D = datetime.date
TODAY = D(2026, 11, 26)


def task(**fields):
    values = {"kind": "test.kind", "action": "Do it", "reference": "SI-00001", "url": "/"}
    values.update(fields)
    return Task(**values)


@pytest.mark.parametrize(
    ("fields", "urgency", "status"),
    [
        (
            {"due_on": D(2026, 11, 24), "remaining": -2, "unit": "working days"},
            Urgency.OVERDUE,
            "2 working days overdue",
        ),
        (
            {"due_on": D(2026, 11, 25), "remaining": -1, "unit": "working days"},
            Urgency.OVERDUE,
            "1 working day overdue",
        ),
        ({"due_on": TODAY, "remaining": 0, "unit": "days"}, Urgency.DUE_SOON, "Due today"),
        ({"due_on": D(2026, 11, 30), "remaining": 2, "unit": "working days"}, Urgency.DUE_SOON, "2 working days left"),
        ({"due_on": D(2026, 12, 1), "remaining": 3, "unit": "working days"}, Urgency.LATER, "3 working days left"),
        ({"due_on": D(2026, 11, 29), "remaining": 3, "unit": "days"}, Urgency.DUE_SOON, "3 days left"),
        ({"due_on": D(2026, 11, 30), "remaining": 4, "unit": "days"}, Urgency.LATER, "4 days left"),
        ({"due_on": D(2026, 12, 1), "remaining": 3, "unit": "working days", "paused": True}, Urgency.PAUSED, "Paused"),
        ({"waiting_since": D(2026, 11, 2)}, Urgency.NO_DEADLINE, "No deadline"),
    ],
)
def test_a_tasks_clock_in_words(fields, urgency, status):
    assert (task(**fields).urgency, task(**fields).status) == (urgency, status)


def test_the_due_date_or_the_wait_in_a_sentence():
    assert task(due_on=D(2026, 12, 3), remaining=5, unit="days").when == "Due 3 December 2026"
    assert task(waiting_since=D(2026, 11, 2)).when == "Waiting since 2 November 2026"


def test_most_urgent_first_then_longest_waiting():
    later = task(reference="later", due_on=D(2027, 1, 5), remaining=40, unit="days")
    overdue = task(reference="overdue", due_on=D(2026, 11, 1), remaining=-25, unit="days")
    less_overdue = task(reference="less overdue", due_on=D(2026, 11, 20), remaining=-6, unit="days")
    soon = task(reference="soon", due_on=D(2026, 11, 27), remaining=1, unit="days")
    paused = task(reference="paused", due_on=D(2026, 11, 27), remaining=1, unit="days", paused=True)
    old = task(reference="waiting long", waiting_since=D(2026, 1, 1))
    new = task(reference="waiting briefly", waiting_since=D(2026, 11, 25))
    ordered = sorted([new, paused, later, soon, old, less_overdue, overdue], key=Task.sort_key)
    assert [t.reference for t in ordered] == [
        "overdue",
        "less overdue",
        "soon",
        "later",
        "paused",
        "waiting long",
        "waiting briefly",
    ]


def test_every_pillar_offers_a_task_provider():
    modules = {provider.__module__ for provider in providers()}
    assert modules >= {
        "safeguarding.incidents.task_providers",
        "safeguarding.child_deaths.task_providers",
        "safeguarding.arrangements.task_providers",
        "safeguarding.organisations.task_providers",
        "safeguarding.learning.repository.task_providers",
        "safeguarding.learning.intelligence.task_providers",
        "safeguarding.learning.nsci.task_providers",
    }


def _invitations(admin, area, count):
    organisation = admin.memberships.get().organisation
    for number in range(count):
        Invitation.objects.create(
            email=f"invitee.{number}@example.org",
            full_name=f"Invitee {number}",
            organisation=organisation,
            area=area,
            role=Role.PRACTITIONER,
            token_hash=hash_token(new_token()),
            invited_by=admin,
            expires_at=timezone.now() + datetime.timedelta(days=1 + number % 7),
        )


def _task_links(response):
    return re.findall(r'class="govuk-link govuk-task-list__link" href="([^"]+)"', response.content.decode())


@pytest.fixture
def admin(area):
    council = OrganisationFactory(kind=OrganisationKind.LOCAL_AUTHORITY)
    area.partners.add(council)
    return person_with_role(Role.AREA_ADMINISTRATOR, area, organisation=council)


@pytest.mark.django_db
def test_the_home_page_lists_the_tasks_in_pages_and_the_header_counts_them_all(client, sign_in, area, admin):
    _invitations(admin, area, 30)
    sign_in(admin)

    first = client.get("/home/")
    assert first.status_code == 200
    assert len(_task_links(first)) == 25
    assert "Your work: 30 open tasks" in first.content.decode()
    assert "30 tasks across your roles" in first.content.decode()
    assert 'aria-label="Pages of your tasks"' in first.content.decode()
    second = client.get("/home/?page=2")
    assert len(_task_links(second)) == 5
    # Other pages carry the count too.
    assert "Your work: 30 open tasks" in client.get("/accessibility/").content.decode()


@pytest.mark.django_db
def test_the_home_page_groups_the_tasks_by_urgency_with_their_clocks(client, sign_in, area, admin):
    _invitations(admin, area, 4)  # expiring in 1, 2, 3 and 4 days
    sign_in(admin)
    page = client.get("/home/").content.decode()
    assert page.index("Due soon") < page.index("Due later")
    assert "1 day left" in page and "4 days left" in page
    assert "invitee.0@example.org" in page


@pytest.mark.django_db
def test_with_nothing_waiting_the_home_page_says_so_and_keeps_the_roles(client, sign_in, area):
    practitioner = person_with_role(Role.PRACTITIONER, area)
    sign_in(practitioner)
    page = client.get("/home/").content.decode()
    assert "Nothing is waiting for you." in page
    assert "Your work: 0 open tasks" in page
    assert "govuk-task-list" not in page
    assert "Your roles" in page and "Practitioner" in page and area.name in page


@pytest.mark.django_db
def test_the_header_shows_no_count_or_box_before_the_second_factor(client, area):
    client.force_login(person_with_role(Role.PRACTITIONER, area))
    page = client.get("/accessibility/").content.decode()
    assert "open task" not in page and "go-to-reference" not in page


def _home_queries(client):
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/home/")
    assert response.status_code == 200
    return len(queries), response


@pytest.mark.django_db
def test_the_home_page_makes_as_many_queries_for_many_tasks_as_for_few(client, sign_in, area):
    busy = make_busy_person(area)
    add_rounds(busy, 2)
    sign_in(busy.user)
    client.get("/home/")  # the session and caches warmed, as on any later visit
    few, response = _home_queries(client)
    assert len(_task_links(response)) >= 2 * TASKS_PER_ROUND

    add_rounds(busy, 3)
    many, response = _home_queries(client)
    assert f"Your work: {len(busy_tasks(client))} open tasks" in response.content.decode()
    assert len(busy_tasks(client)) >= 5 * TASKS_PER_ROUND
    assert many == few


def busy_tasks(client):
    """Every task on every page of the home page."""
    links, page = [], 1
    while True:
        found = _task_links(client.get(f"/home/?page={page}"))
        links += found
        if len(found) < 25:
            return links
        page += 1


@pytest.mark.django_db
def test_a_failing_provider_costs_the_header_its_number_not_the_page(client, sign_in, area, monkeypatch):
    from safeguarding.core.work import tasks

    def broken(work):
        raise RuntimeError("a provider with a bug")

    logged = []
    monkeypatch.setattr(tasks, "providers", lambda: (broken,))
    monkeypatch.setattr(tasks.logger, "exception", logged.append)
    sign_in(person_with_role(Role.PRACTITIONER, area))
    response = client.get("/accessibility/")
    assert response.status_code == 200
    page = response.content.decode()
    assert ">Your work</a>" in page and "open task" not in page
    assert logged == ["Could not work out the open tasks for the header"]
