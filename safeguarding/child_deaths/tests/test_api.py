"""The child death API: idempotent notification, scoped reads, nothing identifying in answers."""

import datetime

import pytest
from django.urls import reverse

from safeguarding.api.factories import make_token
from safeguarding.api.models import Scope
from safeguarding.core.models import AuditEvent

from ..factories import make_case
from ..models import ChildDeathCase, Notification

pytestmark = pytest.mark.django_db

BODY = {
    "agency": "ambulance",
    "given_names": "Ada",
    "family_name": "Pennock",
    "nhs_number": "9990000018",
    "date_of_birth": "2024-02-10",
    "postcode": "TS5 6AA",
    "area": "area-a",
    "date_of_death": "2026-11-22",
    "place_of_death": "home",
    "place_of_death_area": "area-a",
    "sex": "2",
    "ethnic_category": "F",
    "expectation": "unexpected",
    "jar_criteria": ["sudden_no_cause"],
    "circumstances": "Found unresponsive in her cot by a parent.",
    "notifier_name": "Sam Lowe",
    "notifier_role": "Paramedic",
    "notifier_contact": "control@ambulance.example",
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
def writer(area):
    _, plaintext = make_token(areas=[area], scopes=[Scope.CHILD_DEATHS_WRITE, Scope.CHILD_DEATHS_READ])
    return {"Authorization": f"Bearer {plaintext}"}


def post(client, headers, body=BODY, key="notif-1"):
    return client.post(
        reverse("child_deaths_api:notify"),
        body,
        content_type="application/json",
        headers={**headers, "Idempotency-Key": key},
    )


def test_notification_is_created_once_per_idempotency_key(client, writer):
    first = post(client, writer)
    again = post(client, writer)
    assert first.status_code == again.status_code == 201
    assert first.json() == again.json()
    assert Notification.objects.count() == 1
    case = ChildDeathCase.objects.get()
    assert first.json()["reference"] == case.reference
    assert case.age_band == "1-4"
    # The replay is audited as a request, but only the first names the case it created.
    notified = AuditEvent.objects.filter(verb="api.child_deaths.notified", area=case.area)
    assert notified.filter(target_id=str(case.pk)).count() == 1
    assert AuditEvent.objects.filter(verb="child_death.notified").count() == 1


def test_bad_fields_are_named_and_nothing_is_stored(client, writer):
    response = post(client, writer, {**BODY, "date_of_death": "2010-01-01", "nhs_number": "1234567890"})
    assert response.status_code == 400
    errors = pointers(response)
    assert "/date_of_death" in errors and "/nhs_number" in errors
    assert not Notification.objects.exists()


def test_an_area_the_token_does_not_cover_is_refused(client, writer, other_area):
    response = post(client, writer, {**BODY, "area": other_area.slug})
    assert response.status_code == 403
    assert response.json()["detail"] == f"This API token does not cover the area {other_area.slug}"
    assert pointers(response) == {"/area": [f"This API token does not cover the area {other_area.slug}"]}
    assert not Notification.objects.exists()


def test_write_needs_the_write_scope(client, area):
    _, plaintext = make_token(areas=[area], scopes=[Scope.CHILD_DEATHS_READ])
    response = post(client, {"Authorization": f"Bearer {plaintext}"})
    assert response.status_code == 403


def test_reads_are_scoped_and_pseudonymised(client, writer, area, other_area):
    mine = make_case(area)
    theirs = make_case(other_area, nhs_number="9990000026", date_of_birth=datetime.date(2015, 1, 1))
    listing = client.get(reverse("child_deaths_api:list"), headers=writer).json()
    assert [row["reference"] for row in listing["results"]] == [mine.reference]
    detail = client.get(reverse("child_deaths_api:detail", args=[mine.reference]), headers=writer)
    assert detail.status_code == 200
    assert detail.json()["pseudonym"] == mine.child.pseudonym
    assert "Hartigan" not in detail.content.decode() and "9434765919" not in detail.content.decode()
    other = client.get(reverse("child_deaths_api:detail", args=[theirs.reference]), headers=writer)
    assert other.status_code == 404
