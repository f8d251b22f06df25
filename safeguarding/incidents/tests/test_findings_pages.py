"""The findings and recommendations pages: named-field errors, flags shown after each save, scoping."""

import pytest
from django.urls import reverse

from safeguarding.incidents.factories import make_incident
from safeguarding.incidents.models import Finding, Recommendation
from safeguarding.incidents.states import IncidentStatus
from safeguarding.organisations.factories import person_with_role
from safeguarding.organisations.models import Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(area, council, police):
    return make_incident(area, IncidentStatus.FINDINGS)


@pytest.fixture
def reviewer(area, sign_in):
    person = person_with_role(Role.REVIEWER, area)
    sign_in(person)
    return person


def test_a_finding_without_why_is_refused_on_the_page(client, case, reviewer, council):
    url = reverse("incidents:add-finding", args=[case.pk])
    page = client.post(url, {"what_happened": "The plan was not shared", "agencies": [council.pk]}).content.decode()
    assert "There is a problem" in page and "systemic or human factors" in page
    assert "Select the stage of the child" in page
    assert not Finding.objects.exists()


def test_a_finding_is_saved_and_listed_with_its_agencies(client, case, reviewer, council):
    response = client.post(
        reverse("incidents:add-finding", args=[case.pk]),
        {
            "what_happened": "The health visitor did not know of the plan",
            "why": "Notifications go to a shared inbox nobody owns",
            "journey_stage": "planning",
            "kind": "problem",
            "agencies": [council.pk],
        },
    )
    assert response.status_code == 302
    page = client.get(reverse("incidents:findings", args=[case.pk])).content.decode()
    assert "shared inbox nobody owns" in page and council.name in page and "Practice problem" in page
    assert "Write the report" in page


def test_the_flags_are_shown_after_saving_a_vague_recommendation(client, case, reviewer):
    response = client.post(
        reverse("incidents:add-recommendation", args=[case.pk]),
        {"change": "Improve communication between agencies", "outcome": "", "finding": "", "addressee": ""},
        follow=True,
    )
    page = response.content.decode()
    recommendation = Recommendation.objects.get()
    assert response.redirect_chain[-1][0] == reverse("incidents:edit-recommendation", args=[case.pk, recommendation.pk])
    assert "Quality check of the saved recommendation" in page
    assert "improve communication" in page and "No addressee" in page and "No date" in page


def test_a_smart_recommendation_passes_the_check(client, case, reviewer, police):
    response = client.post(
        reverse("incidents:add-recommendation", args=[case.pk]),
        {
            "addressee": police.pk,
            "change": "Send every domestic abuse notification about a household with a baby to the health visitor",
            "outcome": "An audit of 30 notifications shows 27 reached the health visitor within 2 working days",
            "due_on_0": "31",
            "due_on_1": "3",
            "due_on_2": "2027",
        },
        follow=True,
    )
    assert "The quality check found nothing to improve" in response.content.decode()


def test_the_second_of_two_edits_of_a_recommendation_is_refused(client, case, reviewer):
    recommendation = Recommendation.objects.create(incident=case, change="First wording")
    url = reverse("incidents:edit-recommendation", args=[case.pk, recommendation.pk])
    client.post(url, {"version": 1, "change": "Someone else's wording"})
    page = client.post(url, {"version": 1, "change": "My wording"}).content.decode()
    assert "Someone else saved this record" in page
    assert Recommendation.objects.get().change == "Someone else's wording"


def test_pages_are_404_outside_findings_or_the_area(client, area, other_area, reviewer):
    assert (
        client.get(reverse("incidents:findings", args=[make_incident(area, IncidentStatus.LLI).pk])).status_code == 404
    )
    elsewhere = make_incident(other_area, IncidentStatus.FINDINGS)
    assert client.get(reverse("incidents:findings", args=[elsewhere.pk])).status_code == 404


def test_the_case_page_shows_the_findings_to_everyone_in_the_area(client, sign_in, case, area):
    Finding.objects.create(
        incident=case, what_happened="W", why="Because of the inbox", journey_stage="planning", kind="problem"
    )
    sign_in(person_with_role(Role.PRACTITIONER, area))
    page = client.get(reverse("incidents:case", args=[case.pk])).content.decode()
    assert "Because of the inbox" in page and "Write the findings" not in page
