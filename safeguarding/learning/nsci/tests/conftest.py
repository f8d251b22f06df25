import pytest

from safeguarding.organisations.factories import OrganisationFactory, person_with_role
from safeguarding.organisations.models import OrganisationKind, Role


@pytest.fixture
def analyst(db):
    """A national analyst: proposes inquiries, reads them, decides nothing."""
    return person_with_role(Role.NATIONAL_ANALYST, email="analyst@national.example")


@pytest.fixture
def administrator(db):
    """A national administrator: assesses, decides, sets up, runs and publishes."""
    return person_with_role(Role.NATIONAL_ADMINISTRATOR, email="administrator@national.example")


@pytest.fixture
def council(area):
    organisation = OrganisationFactory(kind=OrganisationKind.LOCAL_AUTHORITY, name="Area A Council")
    area.partners.add(organisation)
    return organisation


@pytest.fixture
def other_police(other_area):
    organisation = OrganisationFactory(kind=OrganisationKind.POLICE, name="Area B Police")
    other_area.partners.add(organisation)
    return organisation
