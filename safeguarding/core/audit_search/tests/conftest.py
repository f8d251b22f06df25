"""People and events for the audit search tests, named after who they stand for."""

from unittest import mock

import pytest

from safeguarding.core import audit
from safeguarding.organisations.factories import person_with_role
from safeguarding.organisations.models.people import Role


@pytest.fixture
def national_administrator(db):
    return person_with_role(Role.NATIONAL_ADMINISTRATOR, email="nadia.national@example.org")


@pytest.fixture
def area_administrator(area):
    """Administers area A only."""
    return person_with_role(Role.AREA_ADMINISTRATOR, area, email="alex.admin@example.org")


@pytest.fixture
def practitioner(area):
    return person_with_role(Role.PRACTITIONER, area, email="pat.practitioner@example.org")


@pytest.fixture
def record_event(db):
    """record_event(verb, area=None, at=None, **kwargs): an event through audit.record, optionally at a past moment."""

    def _record(verb, area=None, *, at=None, actor=None, target=None, data=None):
        actor = actor or audit.Actor.system("test")
        if at is None:
            return audit.record(actor, verb, target, data, area=area)
        with mock.patch("safeguarding.core.audit.timezone.now", return_value=at):
            return audit.record(actor, verb, target, data, area=area)

    return _record
