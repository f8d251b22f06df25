"""Failed sign-ins are throttled per email address and client address, also behind a reverse proxy."""

import ipaddress

import pytest
from django.test import RequestFactory, override_settings

from safeguarding.core.throttling import client_ip_address

PROXY = "10.0.0.2"
BEHIND_PROXY = override_settings(TRUSTED_PROXIES=[ipaddress.ip_network("10.0.0.0/8")])


def _request(remote, forwarded=None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().post("/sign-in/", **extra)


def test_without_trusted_proxies_the_forwarded_header_is_ignored():
    assert client_ip_address(_request("203.0.113.7", "198.51.100.1")) == "203.0.113.7"


@BEHIND_PROXY
@pytest.mark.parametrize(
    ("remote", "forwarded", "client"),
    [
        (PROXY, "203.0.113.7", "203.0.113.7"),
        # The client may send its own X-Forwarded-For: only what our proxies appended counts.
        (PROXY, "1.2.3.4, 203.0.113.7", "203.0.113.7"),
        (PROXY, "203.0.113.7, 10.0.0.9", "203.0.113.7"),
        # A request straight from the internet: its header is not believed.
        ("203.0.113.7", "1.2.3.4", "203.0.113.7"),
        (PROXY, "not-an-address", PROXY),
        (PROXY, None, PROXY),
    ],
)
def test_behind_trusted_proxies_the_right_most_untrusted_address_is_the_client(remote, forwarded, client):
    assert client_ip_address(_request(remote, forwarded)) == client


@pytest.fixture
def person(django_user_model):
    return django_user_model.objects.create_user("sophie@example.org", "correct-horse-battery", full_name="Sophie")


def _attempt(client, password, from_address):
    return client.post(
        "/sign-in/",
        {"username": "sophie@example.org", "password": password},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=from_address,
    )


@pytest.mark.django_db
@BEHIND_PROXY
def test_an_attacker_behind_the_proxy_does_not_lock_the_person_out_everywhere(client, settings, person):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _attempt(client, "wrong", "203.0.113.7")
    assert _attempt(client, "correct-horse-battery", "203.0.113.7").status_code == 429
    # The person herself, at another address behind the same proxy, signs in.
    assert _attempt(client, "correct-horse-battery", "198.51.100.9").status_code == 302


@pytest.mark.django_db
def test_without_the_setting_everyone_behind_the_proxy_shares_one_address(client, settings, person):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _attempt(client, "wrong", "203.0.113.7")
    assert _attempt(client, "correct-horse-battery", "198.51.100.9").status_code == 429
