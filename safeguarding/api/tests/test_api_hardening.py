"""What a partner system probing the API expects: one error format, bounded fields, NUL refused, lists it can
follow, rate limits, and an audit trail with one 'notified' per record created."""

import json
from unittest import mock

import pytest
from django.test import Client

from safeguarding.api.factories import make_token
from safeguarding.api.idempotency import _stored
from safeguarding.api.models import Scope
from safeguarding.api.throttling import TokenRateThrottle
from safeguarding.core.models import AuditEvent
from safeguarding.incidents.factories import make_incident
from safeguarding.incidents.models import Incident
from safeguarding.incidents.tests.test_api import BODY
from safeguarding.organisations.factories import OrganisationFactory
from safeguarding.organisations.models import OrganisationKind

pytestmark = pytest.mark.django_db
NOTIFY = "/api/v1/incidents/notifications"


@pytest.fixture
def headers(area):
    council = OrganisationFactory(kind=OrganisationKind.LOCAL_AUTHORITY, name="Area A Council")
    _, plaintext = make_token(areas=[area], organisation=council, scopes=list(Scope.values))
    return {"Authorization": f"Bearer {plaintext}"}


def notify(client, headers, body=BODY, key="k-1"):
    return client.post(NOTIFY, body, content_type="application/json", headers={**headers, "Idempotency-Key": key})


def assert_problem(response, status):
    assert response.status_code == status
    assert response["Content-Type"] == "application/problem+json"
    problem = response.json()
    assert {"type", "title", "status", "detail", "instance", "request_id", "errors"} <= set(problem)
    assert problem["status"] == status and problem["request_id"] == response["X-Request-Id"]
    return problem


def test_a_nul_byte_is_refused_naming_the_field(client, headers):
    problem = assert_problem(notify(client, headers, {**BODY, "area": "area\u0000a"}), 400)
    assert problem["errors"][0]["pointer"] == "/area" and "NUL" in problem["errors"][0]["detail"]
    nested = notify(client, headers, {**BODY, "parallel_proceedings": {"inquest\u0000": "planned"}})
    assert assert_problem(nested, 400)["errors"][0]["pointer"] == "/parallel_proceedings/inquest\u0000"
    assert not Incident.objects.exists()


def test_every_error_under_the_api_is_a_problem(client, headers):
    assert_problem(client.get("/api/v1/no-such-thing", headers=headers), 404)
    assert_problem(client.delete("/api/v1/areas", headers=headers), 405)
    form = client.post(NOTIFY, {"area": "area-a"}, headers={**headers, "Idempotency-Key": "f"})
    assert_problem(form, 415)
    assert_problem(client.get("/api/v1/areas"), 401)


def test_a_crash_answers_a_problem_with_the_request_id(headers):
    crashing = Client(raise_request_exception=False)
    with mock.patch("safeguarding.api.views.WhoAmI.get", side_effect=RuntimeError("boom")):
        response = crashing.get("/api/v1/whoami", headers=headers)
    problem = assert_problem(response, 500)
    assert "boom" not in json.dumps(problem)


def test_text_above_its_maximum_is_refused_naming_the_field(client, headers):
    problem = assert_problem(notify(client, headers, {**BODY, "summary": "x" * 1_000_000}), 400)
    assert [(e["pointer"], e["code"]) for e in problem["errors"]] == [("/summary", "max_length")]
    long_name = {**BODY, "child": {**BODY["child"], "family_name": "x" * 201}}
    assert assert_problem(notify(client, headers, long_name, key="k-2"), 400)["errors"][0]["pointer"] == (
        "/child/family_name"
    )
    assert not Incident.objects.exists()


def test_every_text_field_of_every_request_body_has_a_maximum(client):
    schema = client.get("/api/schema/?format=json").json()
    components = schema["components"]["schemas"]
    unbounded = []

    def visit(name, shape):
        for field, prop in shape.get("properties", {}).items():
            prop = prop.get("allOf", [prop])[0] if "allOf" in prop else prop
            if "$ref" in prop:
                continue
            if prop.get("type") == "string" and "enum" not in prop and "format" not in prop and "maxLength" not in prop:
                unbounded.append(f"{name}.{field}")

    for name, shape in components.items():
        if name.endswith("Request"):
            visit(name, shape)
    assert not unbounded


def test_the_schema_declares_errors_enums_and_headers(client):
    schema = client.get("/api/schema/?format=json").json()
    notify_op = schema["paths"]["/api/v1/incidents/notifications"]["post"]
    assert {"201", "400", "401", "403", "409", "415", "429"} <= set(notify_op["responses"])
    assert list(notify_op["requestBody"]["content"]) == ["application/json"]
    assert "application/problem+json" in notify_op["responses"]["400"]["content"]
    assert {"Location", "Idempotent-Replayed"} <= set(notify_op["responses"]["201"]["headers"])
    assert "Retry-After" in notify_op["responses"]["429"]["headers"]
    components = schema["components"]["schemas"]
    assert {"HarmEnum", "StateEnum", "UnitEnum"} <= set(components)


def test_both_notification_endpoints_share_field_names_and_vocabulary(client):
    components = client.get("/api/schema/?format=json").json()["components"]["schemas"]
    incident, death = components["NotificationInRequest"], components["DeathNotificationInRequest"]
    for field in ("area", "sex", "ethnic_category"):
        assert field in incident["properties"] and field in death["properties"]
    assert components["SexEnum"]["enum"] == ["1", "2", "9", "X"]


def test_lists_page_filter_order_and_show_clocks(client, headers, area):
    older, newer = make_incident(area), make_incident(area)
    Incident.objects.filter(pk=older.pk).update(updated_at="2026-11-01T09:00:00Z")
    listing = client.get("/api/v1/incidents", {"page_size": 1}, headers=headers).json()
    assert listing["count"] == 2 and [i["reference"] for i in listing["results"]] == [older.reference]
    assert listing["results"][0]["clocks"] and "updated_at" in listing["results"][0]
    since = client.get("/api/v1/incidents", {"updated_since": "2026-11-20T00:00:00Z"}, headers=headers).json()
    assert [i["reference"] for i in since["results"]] == [newer.reference]
    assert client.get("/api/v1/incidents", {"status": "rapid_inquiry"}, headers=headers).json()["count"] == 0
    for bad in ({"page_size": 101}, {"page_size": 0}, {"updated_since": "yesterday"}, {"status": "lost"}):
        problem = assert_problem(client.get("/api/v1/incidents", bad, headers=headers), 400)
        assert problem["errors"][0]["parameter"] == next(iter(bad))


def test_updated_since_with_any_offset_is_compared_in_utc_or_refused(client, headers, area):
    make_incident(area)
    # An offset PostgreSQL cannot hold (beyond 15:59) is read in UTC rather than passed on.
    far = client.get("/api/v1/incidents", {"updated_since": "8137-04-02T15:51:48-20:09"}, headers=headers)
    assert far.status_code == 200 and far.json()["count"] == 0
    earlier = client.get("/api/v1/incidents", {"updated_since": "2026-11-25T20:00:00-10:30"}, headers=headers)
    assert earlier.json()["count"] == 1
    # A moment that leaves the calendar once in UTC is a bad value, named.
    beyond = client.get("/api/v1/incidents", {"updated_since": "9999-12-31T23:00:00-05:00"}, headers=headers)
    assert assert_problem(beyond, 400)["errors"][0]["parameter"] == "updated_since"


def test_a_token_over_its_rate_limit_is_told_when_to_come_back(client, headers, monkeypatch):
    monkeypatch.setattr(TokenRateThrottle, "THROTTLE_RATES", {"api_token": "2/minute"})
    for _ in range(2):
        assert client.get("/api/v1/whoami", headers=headers).status_code == 200
    refused = client.get("/api/v1/whoami", headers=headers)
    assert_problem(refused, 429)
    assert int(refused["Retry-After"]) > 0


def test_replays_are_audited_as_replays_never_as_new_notifications(client, headers):
    first = notify(client, headers)
    again = notify(client, headers)
    assert first["Idempotent-Replayed"] == "false" and again["Idempotent-Replayed"] == "true"
    assert first["Location"] == f"/api/v1/incidents/{first.json()['reference']}"
    assert AuditEvent.objects.filter(verb="api.incidents.notified").count() == 1
    replayed = AuditEvent.objects.get(verb="api.incidents.notification_replayed")
    assert replayed.data["replay_of"] == first.json()["reference"]


def test_the_loser_of_a_race_audits_no_incident_that_does_not_exist(client, headers):
    """Two retries of one key at once: the second does not see the first's record until its own insert fails."""
    notify(client, headers)
    with mock.patch("safeguarding.api.idempotency._stored", side_effect=[None, mock.DEFAULT]) as stored:
        stored.side_effect = [None, _stored(*_key_of_first())]
        loser = notify(client, headers)
    assert loser.status_code == 201 and loser["Idempotent-Replayed"] == "true"
    assert Incident.objects.count() == 1
    notified = AuditEvent.objects.filter(verb="api.incidents.notified")
    assert notified.count() == 1 and notified.get().target_id == str(Incident.objects.get().pk)
    assert AuditEvent.objects.filter(verb="incident.notified").count() <= 1


def _key_of_first():
    from safeguarding.api.models import IdempotencyRecord

    record = IdempotencyRecord.objects.get()
    return record.token, record.endpoint, record.key
