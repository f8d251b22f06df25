"""People of child death review, named after who they stand for."""

import pytest

from safeguarding.organisations.factories import person_with_role
from safeguarding.organisations.models import Role

from ..factories import PanelFactory


def verified(user):
    """As django-otp's middleware leaves a person who entered their TOTP code this session."""
    user.is_verified = lambda: True
    return user


@pytest.fixture
def panel(area):
    return PanelFactory(name="Area A Child Death Overview Panel", slug="area-a-panel", areas=[area])


@pytest.fixture
def panel_manager(area, panel):
    return verified(person_with_role(Role.PANEL_MANAGER, area))


@pytest.fixture
def practitioner(area):
    return verified(person_with_role(Role.PRACTITIONER, area))


@pytest.fixture
def other_area_panel_manager(other_area):
    return verified(person_with_role(Role.PANEL_MANAGER, other_area))


@pytest.fixture
def national_analyst(db):
    return verified(person_with_role(Role.NATIONAL_ANALYST))


@pytest.fixture
def national_administrator(db):
    return verified(person_with_role(Role.NATIONAL_ADMINISTRATOR))
