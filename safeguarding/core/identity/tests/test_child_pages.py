"""The child pages: the pseudonymised record for the child's area and national roles, the identifying
details only in the answer to a POST with a reason, and 404 for everyone else."""

import pytest
from django.contrib.auth import get_user_model

from safeguarding.core.models import AuditEvent
from safeguarding.organisations.factories import person_with_role
from safeguarding.organisations.models import Role

from .conftest import CHILD, record_child

pytestmark = pytest.mark.django_db

REVEAL_BUTTON = "Show identifying details"


def url(identity):
    return f"/children/{identity.pseudonym}/"


def views_audited():
    return AuditEvent.objects.filter(verb="identity.viewed")


@pytest.mark.parametrize(
    ("role", "in_childs_area", "sees_reveal_form"),
    [
        (Role.PRACTITIONER, True, True),
        (Role.RAPID_INQUIRY_LEAD, True, True),
        (Role.REVIEWER, True, True),
        (Role.PANEL_MEMBER, True, True),
        (Role.PANEL_MANAGER, True, True),
        (Role.AREA_ADMINISTRATOR, True, False),
        (Role.LEAD_CHIEF_OFFICER, True, False),
        (Role.NATIONAL_ANALYST, None, False),
        (Role.NATIONAL_ADMINISTRATOR, None, False),
    ],
)
def test_pseudonymised_record_and_who_is_offered_the_reveal(
    client, sign_in, area, child, role, in_childs_area, sees_reveal_form
):
    sign_in(person_with_role(role, area))

    response = client.get(url(child))

    assert response.status_code == 200
    html = response.content.decode()
    assert f"Child {child.pseudonym}" in html
    assert area.name in html
    assert (REVEAL_BUTTON in html) is sees_reveal_form
    assert CHILD["family_name"] not in html and CHILD["given_names"] not in html
    assert not views_audited().exists()


def test_the_form_asks_for_a_reason_with_radios(client, sign_in, area, child):
    sign_in(person_with_role(Role.PRACTITIONER, area))

    html = client.get(url(child)).content.decode()

    assert 'type="radio" value="contacting_family"' in html
    assert "Checking identity before contacting family" in html
    assert 'method="post"' in html


def test_a_person_of_another_area_gets_not_found(client, sign_in, other_area, child):
    sign_in(person_with_role(Role.PRACTITIONER, other_area))

    assert client.get(url(child)).status_code == 404
    assert client.post(url(child), {"reason": "review_meeting"}).status_code == 404
    assert not views_audited().exists()


def test_a_person_with_no_role_gets_not_found(client, sign_in, child):
    sign_in(get_user_model().objects.create_user("nobody@example.org", "a-long-password-1", full_name="No Body"))

    assert client.get(url(child)).status_code == 404


def test_an_unknown_pseudonym_is_not_found(client, sign_in, area, child):
    sign_in(person_with_role(Role.PRACTITIONER, area))

    assert client.get("/children/C-2222-2222/").status_code == 404


@pytest.mark.parametrize("method", ["get", "post"])
def test_anonymous_visitors_are_sent_to_sign_in(client, child, method):
    response = getattr(client, method)(url(child), {"reason": "review_meeting"} if method == "post" else None)

    assert response.status_code == 302
    assert response["Location"].startswith("/sign-in/?next=")
    assert not views_audited().exists()


def test_posting_a_reason_shows_the_details_uncached_and_audits_the_view(client, sign_in, area, child):
    practitioner = person_with_role(Role.PRACTITIONER, area)
    sign_in(practitioner)

    response = client.post(url(child), {"reason": "contacting_family"})

    assert response.status_code == 200
    html = response.content.decode()
    for shown in (
        "Ellery Jo",
        "Quennell",
        "943 476 5919",
        "27 February 2015",
        "14 Saltmarsh Lane, Thornaby",
        "TS17 8QQ",
    ):
        assert shown in html
    assert "You viewed these details because: Checking identity before contacting family" in html
    assert REVEAL_BUTTON not in html
    assert "no-store" in response["Cache-Control"]
    event = views_audited().get()
    assert event.actor == practitioner and event.area == area
    assert event.data["reason"] == "contacting_family"


def test_each_reveal_is_audited(client, sign_in, area, child):
    sign_in(person_with_role(Role.PANEL_MEMBER, area))

    client.post(url(child), {"reason": "review_meeting"})
    client.post(url(child), {"reason": "review_meeting"})

    assert views_audited().count() == 2


@pytest.mark.parametrize("data", [{}, {"reason": "curiosity"}])
def test_a_reveal_without_a_valid_reason_shows_the_error_and_no_details(client, sign_in, area, child, data):
    sign_in(person_with_role(Role.PRACTITIONER, area))

    response = client.post(url(child), data)

    assert response.status_code == 200
    html = response.content.decode()
    assert "There is a problem" in html
    assert "Select why you need to see the child&#x27;s identifying details" in html
    assert 'href="#id_reason_0"' in html
    assert "Quennell" not in html
    assert not views_audited().exists()


@pytest.mark.parametrize(
    "role", [Role.NATIONAL_ANALYST, Role.NATIONAL_ADMINISTRATOR, Role.AREA_ADMINISTRATOR, Role.LEAD_CHIEF_OFFICER]
)
def test_a_reveal_by_anyone_without_the_right_is_not_found(client, sign_in, area, child, role):
    sign_in(person_with_role(role, area))

    response = client.post(url(child), {"reason": "review_meeting"})

    assert response.status_code == 404
    assert "Quennell" not in response.content.decode()
    assert not views_audited().exists()


def test_the_pseudonymised_page_never_puts_details_in_a_get(client, sign_in, area, child):
    sign_in(person_with_role(Role.PRACTITIONER, area))

    response = client.get(url(child), {"reason": "contacting_family"})

    assert "Quennell" not in response.content.decode()
    assert not views_audited().exists()


def test_linked_records_are_counted_within_the_persons_areas(client, sign_in, area, other_area, child):
    record_child(area, nhs_number="943 476 5919")
    record_child(other_area, nhs_number="9434765919")
    practitioner = person_with_role(Role.PRACTITIONER, area)

    sign_in(practitioner)
    assert "1 other record you can see has the same NHS number" in client.get(url(child)).content.decode()

    sign_in(person_with_role(Role.NATIONAL_ANALYST))
    assert "2 other records you can see have the same NHS number" in client.get(url(child)).content.decode()


def test_a_child_without_an_nhs_number_says_it_cannot_be_linked(client, sign_in, area):
    identity = record_child(area, nhs_number=None, nhs_number_unavailable_reason="Not yet registered")
    sign_in(person_with_role(Role.PRACTITIONER, area))

    assert "no NHS number was recorded" in client.get(url(identity)).content.decode()


class TestChildList:
    def test_lists_the_pseudonyms_of_the_persons_areas_only(self, client, sign_in, area, other_area, child):
        elsewhere = record_child(other_area)
        sign_in(person_with_role(Role.PRACTITIONER, area))

        html = client.get("/children/").content.decode()

        assert f'href="/children/{child.pseudonym}/"' in html
        assert elsewhere.pseudonym not in html
        assert "Quennell" not in html
        assert "1 child" in html

    def test_national_roles_see_every_area(self, client, sign_in, area, other_area, child):
        elsewhere = record_child(other_area)
        sign_in(person_with_role(Role.NATIONAL_ANALYST))

        html = client.get("/children/").content.decode()

        assert child.pseudonym in html and elsewhere.pseudonym in html

    def test_empty_state_says_so(self, client, sign_in, area):
        sign_in(person_with_role(Role.PRACTITIONER, area))

        assert "There are no children recorded in the areas you work in." in client.get("/children/").content.decode()

    def test_pages_of_fifty(self, client, sign_in, area):
        for _ in range(51):
            record_child(area, nhs_number=None, nhs_number_unavailable_reason="Not known")
        sign_in(person_with_role(Role.PRACTITIONER, area))

        first = client.get("/children/").content.decode()
        second = client.get("/children/", {"page": 2}).content.decode()

        assert first.count('href="/children/C-') == 50
        assert second.count('href="/children/C-') == 1
        assert '<nav class="govuk-pagination" aria-label="Pages of children">' in first
        assert 'href="?page=2" rel="next"' in first
        assert 'href="?page=1" rel="prev"' in second
        assert client.get("/children/", {"page": 7}).content.decode().count('href="/children/C-') == 1

    def test_anonymous_visitors_are_sent_to_sign_in(self, client):
        response = client.get("/children/")

        assert response.status_code == 302
        assert response["Location"] == "/sign-in/?next=/children/"
