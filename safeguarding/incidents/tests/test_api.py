"""API: idempotent notification, list and detail scoped to the token's areas and scopes, audited."""

import pytest

from safeguarding.api.factories import make_token
from safeguarding.api.models import Scope
from safeguarding.core.identity.models import ChildIdentity
from safeguarding.core.models import AuditEvent
from safeguarding.incidents.factories import NHS_NUMBERS, make_incident
from safeguarding.incidents.models import Incident
from safeguarding.incidents.states import IncidentStatus

pytestmark = pytest.mark.django_db

BODY = {
    "area": "area-a",
    "abuse_or_neglect": "known",
    "where_harmed": "in_area",
    "incident_date": "2026-11-20",
    "aware_date": "2026-11-21",
    "harm": "serious_harm",
    "harm_kinds": ["criminal_exploitation"],
    "summary": "Fifteen-year-old stabbed while held in a county-lines property.",
    "child": {"given_names": "Kai", "family_name": "Roberts", "nhs_number": NHS_NUMBERS[2]},
    "child_age_years": 15,
    "sex": "1",
    "ethnic_category": "N",
    "child_disability": "no",
    "child_status": "child_in_need",
    "parallel_proceedings": {"police_investigation": "under_way"},
}


def pointers(response):
    """The problem's field errors as {pointer: [detail, ...]}."""
    found = {}
    for error in response.json()["errors"]:
        found.setdefault(error.get("pointer") or error.get("header") or error.get("parameter"), []).append(
            error["detail"]
        )
    return found


@pytest.fixture
def api(client, area, council):
    _, plaintext = make_token(areas=[area], organisation=council, scopes=[Scope.INCIDENTS_READ, Scope.INCIDENTS_WRITE])

    def call(method, url, body=None, key="key-1", token=plaintext):
        headers = {"Authorization": f"Bearer {token}"}
        if key:
            headers["Idempotency-Key"] = key
        if method == "post":
            return client.post(url, body, content_type="application/json", headers=headers)
        return client.get(url, headers=headers)

    return call


def test_notifying_twice_with_one_key_creates_one_case(api, area):
    first = api("post", "/api/v1/incidents/notifications", BODY)
    second = api("post", "/api/v1/incidents/notifications", BODY)
    assert first.status_code == second.status_code == 201
    assert first.json() == second.json()
    assert second["Idempotent-Replayed"] == "true"
    assert Incident.objects.count() == 1 and ChildIdentity.objects.count() == 1
    incident = Incident.objects.get()
    assert incident.status == IncidentStatus.SUBMITTED and incident.started_by is None
    body = first.json()
    assert body["reference"] == incident.reference and body["child_pseudonym"] == incident.child.pseudonym
    assert [c["key"] for c in body["clocks"]] == ["incident-notify", "incident-rapid-inquiry-decision"]
    assert "Kai" not in first.content.decode()


def test_a_new_key_makes_a_second_case_flagged_as_a_possible_duplicate(api):
    api("post", "/api/v1/incidents/notifications", BODY, key="a")
    second = api("post", "/api/v1/incidents/notifications", BODY, key="b")
    assert second.status_code == 201
    assert second.json()["possible_duplicate_of"] == Incident.objects.order_by("pk").first().reference


def test_bad_input_names_the_fields_and_stores_nothing(api):
    body = {
        **BODY,
        "aware_date": "2026-11-19",
        "child": {**BODY["child"], "nhs_number": "1234567890"},
        "agencies_involved": [424242],
    }
    response = api("post", "/api/v1/incidents/notifications", body)
    assert response.status_code == 400
    errors = pointers(response)
    assert errors["/aware_date"] == ["The date you became aware must be the same as or after the date of the incident"]
    assert "/agencies_involved" in errors
    assert not Incident.objects.exists() and not ChildIdentity.objects.exists()
    # The key was not spent on a refused request: the corrected request goes through with it.
    assert api("post", "/api/v1/incidents/notifications", BODY).status_code == 201


def test_a_missing_harm_type_and_a_future_date_are_refused(api):
    body = {**BODY, "harm": "", "incident_date": "2027-01-01"}
    errors = pointers(api("post", "/api/v1/incidents/notifications", body))
    assert "/harm" in errors


def test_the_idempotency_key_is_required(api):
    response = api("post", "/api/v1/incidents/notifications", BODY, key=None)
    assert response.status_code == 400 and "Idempotency-Key" in pointers(response)


def test_an_area_outside_the_token_is_refused(api, other_area):
    response = api("post", "/api/v1/incidents/notifications", {**BODY, "area": other_area.slug})
    assert response.status_code == 403
    assert response.json()["detail"] == f"This API token does not cover the area {other_area.slug}"
    assert pointers(response) == {"/area": [f"This API token does not cover the area {other_area.slug}"]}


def test_only_a_local_authority_system_notifies(client, area, police):
    _, token = make_token(areas=[area], organisation=police, scopes=[Scope.INCIDENTS_WRITE])
    response = client.post(
        "/api/v1/incidents/notifications",
        BODY,
        content_type="application/json",
        headers={"Authorization": f"Bearer {token}", "Idempotency-Key": "k"},
    )
    assert response.status_code == 403


def test_a_read_only_token_cannot_notify(client, area, council):
    _, token = make_token(areas=[area], organisation=council, scopes=[Scope.INCIDENTS_READ])
    response = client.post(
        "/api/v1/incidents/notifications",
        BODY,
        content_type="application/json",
        headers={"Authorization": f"Bearer {token}", "Idempotency-Key": "k"},
    )
    assert response.status_code == 403 and not Incident.objects.exists()


def test_list_and_detail_show_only_the_tokens_areas_and_no_drafts(api, area, other_area):
    mine = make_incident(area)
    make_incident(area, IncidentStatus.DRAFT)
    theirs = make_incident(other_area)
    listed = api("get", "/api/v1/incidents").json()
    assert [row["reference"] for row in listed["results"]] == [mine.reference]
    detail = api("get", f"/api/v1/incidents/{mine.reference}")
    assert detail.status_code == 200 and detail.json()["status"] == "submitted"
    assert api("get", f"/api/v1/incidents/{theirs.reference}").status_code == 404
    verbs = set(AuditEvent.objects.filter(area=area).values_list("verb", flat=True))
    assert {"api.incidents.listed", "api.incidents.viewed"} <= verbs


def test_the_schema_documents_the_endpoints(client):
    schema = client.get("/api/schema/?format=json").json()
    assert {"/api/v1/incidents", "/api/v1/incidents/notifications", "/api/v1/incidents/{reference}"} <= set(
        schema["paths"]
    )
