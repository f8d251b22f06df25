"""Failed sign-ins are throttled and idle sessions end, with pages that say what happened."""

import datetime

import pytest
import time_machine
from django.test import override_settings
from django.utils import timezone


def _minutes_later(start, minutes):
    """The clock moved on `minutes` from `start`, for everything that reads the time."""
    return time_machine.travel(start + datetime.timedelta(minutes=minutes), tick=False)


@pytest.fixture
def person(django_user_model):
    return django_user_model.objects.create_user("daniel@example.org", "correct-horse-battery", full_name="Dan")


@pytest.mark.django_db
def test_repeated_failures_lock_the_email_address_out(client, person, settings):
    assert settings.AXES_FAILURE_LIMIT == 5
    for attempt in range(5):
        email = "DANIEL@example.org" if attempt % 2 else "daniel@example.org"
        client.post("/sign-in/", {"username": email, "password": "wrong"})
    response = client.post("/sign-in/", {"username": "daniel@example.org", "password": "correct-horse-battery"})
    assert response.status_code == 429
    assert "You cannot sign in for now" in response.content.decode()


@pytest.mark.django_db
def test_failures_below_the_limit_do_not_lock_out(client, person):
    for _ in range(4):
        client.post("/sign-in/", {"username": "daniel@example.org", "password": "wrong"})
    response = client.post("/sign-in/", {"username": "daniel@example.org", "password": "correct-horse-battery"})
    assert response.status_code == 302


@pytest.mark.django_db
@override_settings(SESSION_INACTIVITY_MINUTES=30)
def test_idle_session_ends_with_an_explanation(client, person, sign_in):
    sign_in(person)
    assert client.get("/home/").status_code == 200
    with _minutes_later(timezone.now(), 31):
        response = client.get("/home/")
    assert response["Location"] == "/signed-out/?reason=inactivity"
    page = client.get(response["Location"])
    assert "did nothing in the service for 30 minutes" in page.content.decode()
    assert client.get("/home/").status_code == 302


@pytest.mark.django_db
@override_settings(SESSION_INACTIVITY_MINUTES=30)
def test_activity_keeps_the_session_alive(client, person, sign_in):
    sign_in(person)
    start = timezone.now()
    for minutes in (20, 40, 60):
        with _minutes_later(start, minutes):
            assert client.get("/home/").status_code == 200


@pytest.mark.django_db
def test_lockout_of_one_address_does_not_lock_out_another(client, person, django_user_model):
    django_user_model.objects.create_user("other@example.org", "correct-horse-battery", full_name="Other")
    for _ in range(5):
        client.post("/sign-in/", {"username": "daniel@example.org", "password": "wrong"})
    response = client.post("/sign-in/", {"username": "other@example.org", "password": "correct-horse-battery"})
    assert response.status_code == 302


@pytest.mark.django_db
def test_signed_in_pages_carry_the_time_out_and_its_warning(client, person, sign_in, settings):
    settings.SESSION_INACTIVITY_MINUTES = 30
    sign_in(person)
    html = client.get("/home/").content.decode()
    assert 'data-session-timeout-minutes="30"' in html
    assert 'id="session-timeout-warning" hidden' in html
    assert "session-timeout.mjs" in html


@pytest.mark.django_db
def test_public_pages_have_no_time_out_warning(client):
    html = client.get("/").content.decode()
    assert "session-timeout" not in html


@pytest.mark.django_db
def test_staying_signed_in_resets_the_clock(client, person, sign_in):
    sign_in(person)
    start = timezone.now()
    with _minutes_later(start, 25):
        response = client.post("/session/keep-alive/", {"next": "/home/"})
    assert response["Location"] == "/home/"
    with _minutes_later(start, 50):
        assert client.get("/home/").status_code == 200
        kept = client.post("/session/keep-alive/", headers={"Accept": "application/json"})
        assert kept.status_code == 200 and kept.json()["status"] == "ok"


@pytest.mark.django_db
def test_keep_alive_refuses_open_redirects_and_get(client, person, sign_in):
    sign_in(person)
    assert client.post("/session/keep-alive/", {"next": "https://evil.example/"})["Location"] == "/home/"
    assert client.get("/session/keep-alive/").status_code == 405
