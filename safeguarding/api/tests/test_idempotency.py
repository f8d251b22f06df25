"""A retried POST with the same Idempotency-Key returns the first answer and creates nothing new."""

import json

import pytest
from rest_framework.decorators import api_view, authentication_classes, permission_classes
from rest_framework.permissions import IsAuthenticated
from rest_framework.test import APIRequestFactory

from safeguarding.api.authentication import ApiTokenAuthentication
from safeguarding.api.factories import make_token
from safeguarding.api.idempotency import respond_once
from safeguarding.api.models import IdempotencyRecord
from safeguarding.organisations.models import Organisation

pytestmark = pytest.mark.django_db


@api_view(["POST"])
@authentication_classes([ApiTokenAuthentication])
@permission_classes([IsAuthenticated])
def create_organisation(request):
    def create():
        organisation = Organisation.objects.create(kind="other", name=request.data["name"])
        return 201, {"id": organisation.pk, "name": organisation.name}

    return respond_once(request, "test-organisations", create)


@pytest.fixture
def post(area):
    _, plaintext = make_token(areas=[area])
    factory = APIRequestFactory()

    def _post(body, key="key-1"):
        headers = {"HTTP_AUTHORIZATION": f"Bearer {plaintext}"}
        if key is not None:
            headers["HTTP_IDEMPOTENCY_KEY"] = key
        return create_organisation(factory.post("/x", body, format="json", **headers))

    return _post


def test_the_same_key_twice_creates_once_and_replays_the_answer(post):
    before = Organisation.objects.count()
    first = post({"name": "Harbour Trust"})
    second = post({"name": "Harbour Trust"})
    assert first.status_code == second.status_code == 201
    assert first.data == second.data
    assert second["Idempotent-Replayed"] == "true"
    assert Organisation.objects.count() == before + 1
    assert IdempotencyRecord.objects.count() == 1


def test_a_new_key_creates_a_new_record(post):
    post({"name": "Harbour Trust"}, key="key-1")
    post({"name": "Harbour Trust"}, key="key-2")
    assert Organisation.objects.filter(name="Harbour Trust").count() == 2


def test_a_reused_key_with_a_different_body_is_refused(post):
    post({"name": "Harbour Trust"})
    response = post({"name": "Another Trust"})
    assert response.status_code == 409
    problem = json.loads(response.content)
    assert "already used for a different request" in problem["detail"]
    assert problem["errors"] == [
        {"header": "Idempotency-Key", "code": "idempotency_key_reused", "detail": problem["detail"]}
    ]
    assert not Organisation.objects.filter(name="Another Trust").exists()


def test_the_key_is_required(post):
    response = post({"name": "Harbour Trust"}, key=None)
    assert response.status_code == 400
    assert "Idempotency-Key header is required" in json.loads(response.content)["detail"]
    assert not Organisation.objects.filter(name="Harbour Trust").exists()
