"""A password alone never reaches the service: a TOTP code is set up and then asked for at each sign-in."""

import binascii

import pytest
from django.utils import timezone
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from safeguarding.core.models import AuditEvent

PASSWORD = "correct-horse-battery"


@pytest.fixture
def person(django_user_model):
    return django_user_model.objects.create_user("grace@example.org", PASSWORD, full_name="Grace Okafor")


def _code(device, offset_steps=0):
    totp = TOTP(binascii.unhexlify(device.key), step=device.step, digits=device.digits)
    totp.time = timezone.now().timestamp() + offset_steps * device.step
    return f"{totp.token():06d}"


def _wait_out_throttling(device):
    """After a wrong code django-otp makes the next try wait; this stands for waiting."""
    device.refresh_from_db()
    device.throttling_failure_count = 0
    device.throttling_failure_timestamp = None
    device.save()


def _password_step(client):
    response = client.post("/sign-in/", {"username": "grace@example.org", "password": PASSWORD})
    assert response.status_code == 302


@pytest.mark.django_db
def test_first_sign_in_sends_person_to_set_up_and_confirms_their_device(client, person):
    _password_step(client)
    response = client.get("/home/")
    assert response["Location"] == "/two-factor/set-up/?next=/home/"
    page = client.get(response["Location"])
    assert page.status_code == 200
    html = page.content.decode()
    assert "data:image/svg+xml;base64," in html
    device = TOTPDevice.objects.get(user=person)
    assert not device.confirmed
    response = client.post("/two-factor/set-up/", {"code": _code(device), "next": "/home/"})
    assert response["Location"] == "/home/"
    device.refresh_from_db()
    assert device.confirmed
    assert client.get("/home/").status_code == 200
    verbs = list(AuditEvent.objects.order_by("sequence").values_list("verb", flat=True))
    assert verbs == ["two_factor.set_up", "auth.signed_in"]


@pytest.mark.django_db
def test_reloading_set_up_keeps_the_same_secret(client, person):
    _password_step(client)
    client.get("/two-factor/set-up/")
    client.get("/two-factor/set-up/")
    assert TOTPDevice.objects.filter(user=person).count() == 1


@pytest.mark.django_db
def test_later_sign_in_asks_for_the_code(client, person):
    device = TOTPDevice.objects.create(user=person, name="Phone", confirmed=True)
    _password_step(client)
    assert client.get("/home/")["Location"] == "/two-factor/?next=/home/"
    response = client.post("/two-factor/?next=/home/", {"code": _code(device), "next": "/home/"})
    assert response["Location"] == "/home/"
    assert client.get("/home/").status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("", "Enter the 6-digit code from your authenticator app"),
        ("12ab56", "The code must be 6 digits, like 123456"),
        ("1234567", "The code must be 6 digits, like 123456"),
    ],
)
def test_malformed_codes_are_named(client, person, code, message):
    TOTPDevice.objects.create(user=person, name="Phone", confirmed=True)
    _password_step(client)
    response = client.post("/two-factor/", {"code": code})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert client.get("/home/").status_code == 302


@pytest.mark.django_db
def test_wrong_or_reused_code_is_refused(client, person):
    device = TOTPDevice.objects.create(user=person, name="Phone", confirmed=True)
    _password_step(client)
    stale = _code(device, offset_steps=-20)
    response = client.post("/two-factor/", {"code": stale})
    assert "The code is not correct or has expired" in response.content.decode()
    _wait_out_throttling(device)
    good = _code(device)
    assert client.post("/two-factor/", {"code": good}).status_code == 302
    client.post("/sign-out/")
    _password_step(client)
    response = client.post("/two-factor/", {"code": good})
    assert "The code is not correct or has expired" in response.content.decode()


@pytest.mark.django_db
def test_open_redirects_are_refused_after_the_code(client, person):
    device = TOTPDevice.objects.create(user=person, name="Phone", confirmed=True)
    _password_step(client)
    response = client.post("/two-factor/", {"code": _code(device), "next": "https://evil.example/"})
    assert response["Location"] == "/home/"


@pytest.mark.django_db
def test_public_pages_and_sign_out_stay_open_before_the_code(client, person):
    _password_step(client)
    assert client.get("/").status_code == 200
    assert client.get("/accessibility/").status_code == 200
    assert client.post("/sign-out/").status_code == 302


@pytest.mark.django_db
def test_the_session_key_is_renewed_when_the_code_is_accepted(client, person):
    device = TOTPDevice.objects.create(user=person, name="Phone", confirmed=True)
    _password_step(client)
    key_after_password = client.session.session_key
    client.post("/two-factor/?next=/home/", {"code": _code(device), "next": "/home/"})
    assert client.session.session_key != key_after_password
    assert client.get("/home/").status_code == 200
    # The key from the password step opens nothing: that session is gone.
    from django.contrib.sessions.backends.db import SessionStore

    assert not SessionStore().exists(key_after_password)


@pytest.mark.django_db
def test_the_session_key_is_renewed_when_a_new_device_is_confirmed(client, person):
    _password_step(client)
    client.get("/two-factor/set-up/")
    key_after_password = client.session.session_key
    device = TOTPDevice.objects.get(user=person)
    client.post("/two-factor/set-up/", {"code": _code(device), "next": "/home/"})
    assert client.session.session_key != key_after_password
