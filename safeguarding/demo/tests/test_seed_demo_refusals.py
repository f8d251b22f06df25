"""`seed_demo` refuses, and leaves nothing behind, where it must not seed."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings
from django_otp.plugins.otp_totp.models import TOTPDevice

from safeguarding.organisations.models import Membership, SafeguardingArea, User


@pytest.fixture
def reference_data(db):
    call_command("load_reference_data", stdout=io.StringIO())


def test_seed_refuses_without_reference_data(db):
    with pytest.raises(CommandError, match="load_reference_data"):
        call_command("seed_demo")
    assert (User.objects.count(), Membership.objects.count(), SafeguardingArea.objects.count()) == (0, 0, 0)
    assert not TOTPDevice.objects.exists()


def test_seed_is_refused_where_demo_accounts_are_disabled(reference_data):
    with override_settings(DEMO_ACCOUNTS_ENABLED=False), pytest.raises(CommandError, match="DEMO_ACCOUNTS_ENABLED"):
        call_command("seed_demo")
    assert User.objects.count() == 0
