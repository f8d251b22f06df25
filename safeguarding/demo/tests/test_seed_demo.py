"""`seed_demo` on a world seeded once for the module (seeding is the slow part); each test is rolled back to it.
The refusals, which need a world with no demo in it, are in test_seed_demo_refusals.py."""

import io

import pytest
from django.core.management import call_command
from django_otp.plugins.otp_totp.models import TOTPDevice

from safeguarding.core.testing import kept_for_the_module
from safeguarding.demo.totp import current_demo_code
from safeguarding.organisations.models import Membership, Role, SafeguardingArea, User


@pytest.fixture(scope="module")
def _seeded_once(django_db_setup, django_db_blocker):
    """What the first `seed_demo` printed, with the world it made kept for the module's tests."""
    with kept_for_the_module(django_db_blocker):
        call_command("load_reference_data", stdout=io.StringIO())
        output = io.StringIO()
        call_command("seed_demo", stdout=output)
        yield output.getvalue()


@pytest.fixture
def first_seeding_output(_seeded_once, db):
    return _seeded_once


def _counts():
    return (
        User.objects.count(),
        Membership.objects.count(),
        SafeguardingArea.objects.count(),
        TOTPDevice.objects.count(),
    )


def test_seed_creates_an_account_for_every_role_in_every_area(first_seeding_output):
    output = first_seeding_output
    assert "Password for every demo account: demo-safeguarding-2026" in output
    assert "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ" in output
    for role in Role:
        holders = Membership.objects.filter(role=role)
        if role in {Role.NATIONAL_ANALYST, Role.NATIONAL_ADMINISTRATOR}:
            assert holders.filter(area__isnull=True).count() == 1
        else:
            assert set(holders.values_list("area__slug", flat=True)) >= {"tees-valley", "leeds", "bristol"}
    tees = SafeguardingArea.objects.get(slug="tees-valley")
    assert tees.local_authorities.count() == 4
    assert set(tees.partners.values_list("kind", flat=True)) >= {"local_authority", "police", "health", "school"}
    assert all(user.is_demo for user in User.objects.all())
    # Each area's people are different people: no two accounts share a name.
    names = list(User.objects.filter(email__contains=".tees-valley@").values_list("full_name", flat=True))
    names += User.objects.filter(email__contains=".leeds@").values_list("full_name", flat=True)
    names += User.objects.filter(email__contains=".bristol@").values_list("full_name", flat=True)
    assert len(names) == 27 and len(set(names)) == 27
    assert "reviewer.bristol@demo.safeguarding.example" in output


def test_quiet_seeding_prints_only_what_a_newcomer_needs_to_sign_in(first_seeding_output, capsys):
    call_command("seed_demo", verbosity=0)
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "Demo accounts, one for each role in each area:"
    assert not any("created" in line for line in lines)
    assert lines[-2] == "Password for every demo account: demo-safeguarding-2026"
    assert lines[-1].startswith("Two-factor key for every demo account: GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ")
    assert len(lines) == 1 + 29 + 3


def test_seeding_twice_changes_nothing(first_seeding_output):
    before = _counts()
    password_hash = User.objects.order_by("pk").first().password
    call_command("seed_demo", stdout=io.StringIO())
    assert _counts() == before
    assert User.objects.order_by("pk").first().password == password_hash


def test_demo_account_signs_in_with_password_and_demo_code(first_seeding_output, client):
    email = "practitioner.tees-valley@demo.safeguarding.example"
    response = client.post("/sign-in/", {"username": email, "password": "demo-safeguarding-2026"})
    assert response.status_code == 302
    response = client.post("/two-factor/", {"code": current_demo_code()})
    assert response.status_code == 302
    assert "Sophie Turner" in client.get("/home/").content.decode()
