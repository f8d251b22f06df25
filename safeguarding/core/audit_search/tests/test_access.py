"""Who may reach the audit search and its export, and which events each of them sees."""

import pytest

from safeguarding.core.audit_search.queries import events_visible_to
from safeguarding.organisations.factories import person_with_role
from safeguarding.organisations.models.people import Role

PAGES = ["/audit/", "/audit/export.csv"]


def _csv(response):
    return b"".join(response.streaming_content).decode()


def _shown(response):
    """The verbs of the events in the results table."""
    return [event.verb for event in response.context["events"]]


@pytest.mark.django_db
@pytest.mark.parametrize("path", PAGES)
def test_anonymous_visitors_are_sent_to_sign_in(client, path):
    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"] == f"/sign-in/?next={path}"


@pytest.mark.parametrize("path", PAGES)
@pytest.mark.parametrize("role", [Role.PRACTITIONER, Role.LEAD_CHIEF_OFFICER, Role.NATIONAL_ANALYST])
def test_people_who_are_not_administrators_get_not_found(client, sign_in, area, record_event, path, role):
    record_event("example.changed", area)
    sign_in(person_with_role(role, area))
    assert client.get(path).status_code == 404


@pytest.mark.parametrize("path", PAGES)
def test_a_person_without_the_second_factor_is_asked_for_it(client, sign_in, area_administrator, path):
    sign_in(area_administrator, second_factor=False)
    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"].startswith("/two-factor/")


def test_national_administrator_sees_every_area_and_national_events(
    client, sign_in, national_administrator, area, other_area, record_event
):
    record_event("example.in_a", area)
    record_event("example.in_b", other_area)
    record_event("example.national")
    sign_in(national_administrator)

    shown = _shown(client.get("/audit/"))
    csv = _csv(client.get("/audit/export.csv"))

    assert shown == ["example.national", "example.in_b", "example.in_a"]
    for verb in shown:
        assert verb in csv


def test_area_administrator_sees_only_their_areas_events(
    client, sign_in, area_administrator, area, other_area, record_event
):
    record_event("example.in_a", area, data={"note": "from area A"})
    record_event("example.in_b", other_area, data={"note": "from area B"})
    record_event("example.national")
    sign_in(area_administrator)

    response = client.get("/audit/")
    html = response.content.decode()
    csv = _csv(client.get("/audit/export.csv"))

    assert _shown(response) == ["example.in_a"]
    assert "example.in_a" in csv
    for other in ["example.in_b", "example.national", "from area B"]:
        assert other not in html
        assert other not in csv
    # Nor can the other area's verbs be discovered through the search form's choices.
    assert 'value="example.in_b"' not in html


def test_area_administrator_cannot_reach_another_area_by_the_area_filter(
    client, sign_in, area_administrator, area, other_area, record_event
):
    record_event("example.in_a", area)
    record_event("example.in_b", other_area)
    sign_in(area_administrator)

    # One area: no area field, and an area in the address is ignored rather than obeyed.
    response = client.get("/audit/", {"area": other_area.pk})
    assert response.status_code == 200
    assert _shown(response) == ["example.in_a"]
    assert "example.in_b" not in response.content.decode()
    assert "example.in_b" not in _csv(client.get("/audit/export.csv", {"area": other_area.pk}))


def test_area_administrator_of_two_areas_may_narrow_to_either_but_no_other(
    client, sign_in, area, other_area, record_event
):
    from safeguarding.organisations.factories import MembershipFactory, SafeguardingAreaFactory

    third_area = SafeguardingAreaFactory(name="Area C Safeguarding Partnership")
    administrator = person_with_role(Role.AREA_ADMINISTRATOR, area, email="two.areas@example.org")
    MembershipFactory(user=administrator, area=other_area, role=Role.AREA_ADMINISTRATOR)
    record_event("example.in_a", area)
    record_event("example.in_b", other_area)
    record_event("example.in_c", third_area)
    sign_in(administrator)

    assert _shown(client.get("/audit/")) == ["example.in_b", "example.in_a"]
    assert _shown(client.get("/audit/", {"area": other_area.pk})) == ["example.in_b"]

    refused = client.get("/audit/", {"area": third_area.pk})
    html = refused.content.decode()
    assert "events" not in refused.context
    assert "Select an area from the list" in html
    assert "example.in_c" not in html
    assert "Area C Safeguarding Partnership" not in html


def test_nobody_but_administrators_is_given_events(area, record_event, practitioner):
    from django.contrib.auth.models import AnonymousUser

    record_event("example.in_a", area)
    assert not events_visible_to(AnonymousUser()).exists()
    assert not events_visible_to(practitioner).exists()
