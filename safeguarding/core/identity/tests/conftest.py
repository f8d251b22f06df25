"""People and children for the identity tests, named after who they stand for."""

import datetime

import pytest

from safeguarding.core import audit
from safeguarding.core.identity.actions import record_identity
from safeguarding.organisations.factories import person_with_role
from safeguarding.organisations.models import Role

# The NHS's own published example number (valid Modulus 11), and one from the never-issued 999 range.
NHS_NUMBER = "9434765919"
OTHER_NHS_NUMBER = "9990001014"

CHILD = {
    "given_names": "Ellery Jo",
    "family_name": "Quennell",
    "nhs_number": NHS_NUMBER,
    "date_of_birth": datetime.date(2015, 2, 27),
    "address": "14 Saltmarsh Lane, Thornaby",
    "postcode": "TS17 8QQ",
}


def verified(user):
    """As django-otp's middleware leaves a person who entered their TOTP code this session."""
    user.is_verified = lambda: True
    return user


def record_child(area, **overrides):
    return record_identity(audit.Actor.system("tests"), area, **{**CHILD, **overrides})


@pytest.fixture
def child(area):
    return record_child(area)


@pytest.fixture
def practitioner(area):
    return verified(person_with_role(Role.PRACTITIONER, area))


@pytest.fixture
def panel_member(area):
    return verified(person_with_role(Role.PANEL_MEMBER, area))


@pytest.fixture
def area_administrator(area):
    return verified(person_with_role(Role.AREA_ADMINISTRATOR, area))


@pytest.fixture
def other_area_practitioner(other_area):
    return verified(person_with_role(Role.PRACTITIONER, other_area))


@pytest.fixture
def national_analyst(db):
    return verified(person_with_role(Role.NATIONAL_ANALYST))


@pytest.fixture
def national_administrator(db):
    return verified(person_with_role(Role.NATIONAL_ADMINISTRATOR))
