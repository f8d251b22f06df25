"""GET /api/v1/areas, /api/v1/areas/{slug} and /api/v1/whoami: scopes, area scoping and audit."""

import pytest
from rest_framework.pagination import PageNumberPagination

from safeguarding.api.factories import make_token
from safeguarding.api.models import Scope
from safeguarding.core.models import AuditEvent
from safeguarding.organisations.factories import SafeguardingAreaFactory
from safeguarding.organisations.models import LocalAuthority, PoliceForceArea, Region

pytestmark = pytest.mark.django_db


def bearer(plaintext):
    return {"HTTP_AUTHORIZATION": f"Bearer {plaintext}"}


@pytest.fixture
def hartlepool(area):
    region = Region.objects.create(code="E12000001", name="North East")
    police = PoliceForceArea.objects.create(code="E23000013", name="Cleveland")
    authority = LocalAuthority.objects.create(
        code="E06000001", old_code="805", name="Hartlepool", region=region, police_force_area=police
    )
    area.local_authorities.add(authority)
    return authority


def test_list_shows_only_the_tokens_areas_with_their_local_authorities(client, area, other_area, hartlepool):
    _, plaintext = make_token(areas=[area])

    response = client.get("/api/v1/areas", **bearer(plaintext))

    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 1
    assert body["results"] == [
        {
            "id": area.pk,
            "slug": "area-a",
            "name": "Area A Safeguarding Partnership",
            "nation": "england",
            "local_authority_codes": ["E06000001"],
            "local_authorities": [{"code": "E06000001", "name": "Hartlepool"}],
        }
    ]


def test_list_is_paginated(client, area, monkeypatch):
    areas = [area, *SafeguardingAreaFactory.create_batch(2)]
    _, plaintext = make_token(areas=areas)
    # PAGE_SIZE is read into the class when DRF loads, so the test shrinks the class's copy.
    monkeypatch.setattr(PageNumberPagination, "page_size", 2)

    first = client.get("/api/v1/areas", **bearer(plaintext)).json()
    second = client.get(first["next"], **bearer(plaintext)).json()

    assert first["count"] == 3
    assert len(first["results"]) == 2
    assert len(second["results"]) == 1
    assert {a["id"] for a in first["results"] + second["results"]} == {a.pk for a in areas}


def test_detail_of_the_tokens_area(client, area):
    _, plaintext = make_token(areas=[area])

    response = client.get("/api/v1/areas/area-a", **bearer(plaintext))

    assert response.status_code == 200
    assert response.json()["name"] == "Area A Safeguarding Partnership"


def test_another_areas_detail_answers_404_like_a_missing_one(client, area, other_area):
    _, plaintext = make_token(areas=[area])

    other = client.get("/api/v1/areas/area-b", **bearer(plaintext))
    missing = client.get("/api/v1/areas/no-such-area", **bearer(plaintext))

    assert other.status_code == missing.status_code == 404
    assert {k: v for k, v in other.json().items() if k not in {"instance", "request_id"}} == {
        k: v for k, v in missing.json().items() if k not in {"instance", "request_id"}
    }
    assert not AuditEvent.objects.exists()


def test_token_without_the_scope_is_refused_with_403(client, area):
    _, plaintext = make_token(areas=[area], scopes=[Scope.INCIDENTS_READ])

    listing = client.get("/api/v1/areas", **bearer(plaintext))
    detail = client.get("/api/v1/areas/area-a", **bearer(plaintext))

    assert listing.status_code == detail.status_code == 403
    assert listing.json()["detail"] == "This API token does not have the scope this request needs: areas:read"
    assert not AuditEvent.objects.exists()


def test_endpoints_answer_401_without_a_token(client, area):
    assert client.get("/api/v1/areas").status_code == 401
    assert client.get("/api/v1/areas/area-a").status_code == 401


def test_listing_is_audited_per_area_with_the_api_client_as_actor(client, area, other_area):
    token, plaintext = make_token(areas=[area, other_area], name="Council case system")

    client.get("/api/v1/areas", **bearer(plaintext))

    events = AuditEvent.objects.filter(verb="api.areas.listed")
    assert {event.area for event in events} == {area, other_area}
    for event in events:
        assert event.actor_kind == AuditEvent.ActorKind.API_CLIENT
        assert event.actor is None
        assert event.actor_label == "api-token:Council case system"
        assert event.organisation == token.organisation
        assert event.data == {"token": token.prefix, "method": "GET", "count": 2}


def test_viewing_an_area_is_audited_with_it_as_target(client, area, other_area):
    _, plaintext = make_token(areas=[area, other_area])

    client.get("/api/v1/areas/area-b", **bearer(plaintext))

    event = AuditEvent.objects.get()
    assert (event.verb, event.area, event.actor_kind) == ("api.areas.viewed", other_area, "api_client")
    assert (event.target_type, event.target_id) == ("organisations.safeguardingarea", str(other_area.pk))


def test_whoami_describes_the_token(client, area, other_area):
    token, plaintext = make_token(areas=[area], scopes=[Scope.INCIDENTS_WRITE, Scope.AREAS_READ], name="Case system")

    response = client.get("/api/v1/whoami", **bearer(plaintext))

    assert response.status_code == 200
    assert response.json() == {
        "token_name": "Case system",
        "token_prefix": token.prefix,
        "organisation": {
            "id": token.organisation.pk,
            "name": token.organisation.name,
            "kind": "local_authority",
            "code": token.organisation.code,
        },
        "scopes": ["areas:read", "incidents:write"],
        "areas": [{"id": area.pk, "slug": "area-a", "name": "Area A Safeguarding Partnership"}],
        "expires_at": None,
    }


def test_api_answers_json_to_a_browser_too(client, area):
    _, plaintext = make_token(areas=[area])

    response = client.get("/api/v1/areas", HTTP_ACCEPT="text/html,*/*;q=0.8", **bearer(plaintext))

    assert response["Content-Type"] == "application/json"
    assert response.json()["count"] == 1
