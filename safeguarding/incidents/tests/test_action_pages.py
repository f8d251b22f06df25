"""Actions from recommendations: set with owner and date, followed to evidence of impact, overdue highlighted."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from safeguarding.incidents.factories import make_incident
from safeguarding.incidents.models import Action, Recommendation
from safeguarding.incidents.states import IncidentStatus
from safeguarding.organisations.factories import person_with_role
from safeguarding.organisations.models import Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def recommendation(area, council):
    return Recommendation.objects.create(
        incident=make_incident(area, IncidentStatus.PUBLISHED), addressee=council, change="Link the two systems"
    )


@pytest.fixture
def manager(area, sign_in):
    person = person_with_role(Role.AREA_ADMINISTRATOR, area)
    sign_in(person)
    return person


def _action(recommendation, manager, days, status="not_started"):
    return Action.objects.create(
        recommendation=recommendation,
        description=f"Action due in {days} days",
        owner="Head of Service",
        due_on=timezone.localdate() + datetime.timedelta(days=days),
        status=status,
        updated_by=manager,
    )


def test_an_action_is_added_with_named_field_errors_first(client, recommendation, manager):
    incident = recommendation.incident
    url = reverse("incidents:add-action", args=[incident.pk, recommendation.pk])
    page = client.post(url, {"description": "Build the link"}).content.decode()
    assert "Enter the post or team that owns the action" in page and "Enter the date the action is due" in page
    due = timezone.localdate() + datetime.timedelta(days=30)
    response = client.post(
        url,
        {
            "description": "Build the link",
            "owner": "Head of Digital",
            "due_on_0": due.day,
            "due_on_1": due.month,
            "due_on_2": due.year,
        },
    )
    assert response.status_code == 302
    assert Action.objects.get().owner == "Head of Digital"


def test_done_needs_evidence_of_impact_and_the_list_shows_it(client, recommendation, manager):
    action = _action(recommendation, manager, 10)
    url = reverse("incidents:edit-action", args=[recommendation.incident.pk, action.pk])
    page = client.post(url, {"version": 1, "status": "done", "evidence_of_impact": ""}).content.decode()
    assert "Describe the evidence of impact" in page
    client.post(url, {"version": 1, "status": "done", "evidence_of_impact": "Audit: 18 of 20 plans complete"})
    listing = client.get(reverse("incidents:actions", args=[recommendation.incident.pk])).content.decode()
    assert "Audit: 18 of 20 plans complete" in listing and "Done" in listing


def test_overdue_actions_are_highlighted_and_listed_for_the_area(client, recommendation, manager, other_area):
    late, on_time = _action(recommendation, manager, -3), _action(recommendation, manager, 5)
    _action(recommendation, manager, -10, status="done")
    elsewhere = Recommendation.objects.create(incident=make_incident(other_area, IncidentStatus.PUBLISHED), change="x")
    hidden = _action(elsewhere, manager, -3)
    hidden.description = "Not my area's action"
    hidden.save()
    listing = client.get(reverse("incidents:actions", args=[recommendation.incident.pk])).content.decode()
    assert listing.count("govuk-tag--red") == 1
    overdue = client.get(reverse("incidents:overdue-actions")).content.decode()
    assert late.description in overdue and on_time.description not in overdue
    assert "Not my area" not in overdue and "1 overdue action" in overdue


def test_the_second_of_two_progress_updates_is_refused(client, recommendation, manager):
    action = _action(recommendation, manager, 10)
    url = reverse("incidents:edit-action", args=[recommendation.incident.pk, action.pk])
    client.post(url, {"version": 1, "status": "in_progress", "evidence_of_impact": ""})
    page = client.post(url, {"version": 1, "status": "not_started", "evidence_of_impact": ""}).content.decode()
    assert "Someone else saved this record" in page
    assert Action.objects.get().status == "in_progress"


def test_an_empty_overdue_list_says_so(client, manager):
    assert "There are no overdue actions" in client.get(reverse("incidents:overdue-actions")).content.decode()
