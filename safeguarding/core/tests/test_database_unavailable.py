"""A request that finds the database unreachable (a restart, a failover) answers 503 with Retry-After, a page or
problem+json, rather than 500: the client may simply try again (docs/faults.md)."""

import pytest
from django.db import InterfaceError, OperationalError
from django.test import override_settings
from django.urls import include, path

from safeguarding.core.views import errors


def _connection_lost(request):
    raise OperationalError("server closed the connection unexpectedly")


def _connection_closed(request):
    raise InterfaceError("connection already closed")


def _bug(request):
    raise RuntimeError("deliberate failure")


urlpatterns = [
    path("lost/", _connection_lost),
    path("api/v1/lost", _connection_lost),
    path("api/v1/closed", _connection_closed),
    path("api/v1/bug", _bug),
    path("", include("config.urls")),
]
handler500 = "safeguarding.core.views.errors.server_error"

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("crashes_answered")]


@pytest.fixture
def crashes_answered(client):
    client.raise_request_exception = False


@override_settings(ROOT_URLCONF=__name__)
def test_a_page_that_lost_the_database_says_the_service_is_unavailable_and_when_to_try_again(client):
    response = client.get("/lost/")
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    html = response.content.decode()
    assert "Sorry, the service is unavailable" in html and "govuk-heading-l" in html


@override_settings(ROOT_URLCONF=__name__)
@pytest.mark.parametrize("url", ["/api/v1/lost", "/api/v1/closed"])
def test_the_api_answers_a_lost_database_with_a_503_problem(client, url):
    response = client.get(url)
    assert response.status_code == 503
    assert response["Content-Type"] == "application/problem+json"
    assert response["Retry-After"] == "5"
    body = response.json()
    assert body["status"] == 503 and body["type"].endswith("#problem-unavailable")
    assert "try again in a few seconds" in body["detail"]


@override_settings(ROOT_URLCONF=__name__)
def test_a_bug_is_still_a_500(client):
    response = client.get("/api/v1/bug")
    assert response.status_code == 500
    assert "Retry-After" not in response


@override_settings(ROOT_URLCONF=__name__)
def test_when_even_the_page_cannot_be_drawn_a_plain_503_answers(client, monkeypatch):
    def unreachable(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr(errors, "_error_page", unreachable)
    response = client.get("/lost/")
    assert response.status_code == 503 and response["Retry-After"] == "5"
    assert "Sorry, the service is unavailable" in response.content.decode()
