"""Reference geography for the national analysis, and the people who may (and may not) see it."""

import io

import pytest
from django.core.management import call_command

from safeguarding.organisations.factories import person_with_role
from safeguarding.organisations.models import Role


@pytest.fixture
def geography(db):
    call_command("load_reference_data", stdout=io.StringIO())


@pytest.fixture
def national_analyst(db):
    return person_with_role(Role.NATIONAL_ANALYST)


@pytest.fixture
def national_administrator(db):
    return person_with_role(Role.NATIONAL_ADMINISTRATOR)
