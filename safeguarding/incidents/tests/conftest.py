import pytest

from safeguarding.organisations.factories import OrganisationFactory, person_with_role
from safeguarding.organisations.models import OrganisationKind, Role


@pytest.fixture
def council(area):
    organisation = OrganisationFactory(kind=OrganisationKind.LOCAL_AUTHORITY, name="Area A Council")
    area.partners.add(organisation)
    return organisation


@pytest.fixture
def police(area):
    organisation = OrganisationFactory(kind=OrganisationKind.POLICE, name="Area A Police")
    area.partners.add(organisation)
    return organisation


@pytest.fixture
def health(area):
    organisation = OrganisationFactory(kind=OrganisationKind.HEALTH, name="Area A Integrated Care Board")
    area.partners.add(organisation)
    return organisation


def verified(user):
    """As the OTP middleware leaves a person who signed in with their second factor."""
    user.is_verified = lambda: True
    return user


@pytest.fixture
def social_worker(area, council):
    """A council practitioner: may start, record the child and submit."""
    return verified(person_with_role(Role.PRACTITIONER, area, organisation=council))


@pytest.fixture
def police_officer(area, police):
    """A police practitioner: may start a draft, not submit it."""
    return verified(person_with_role(Role.PRACTITIONER, area, organisation=police))


@pytest.fixture
def inquiry_lead(area, police):
    return verified(person_with_role(Role.RAPID_INQUIRY_LEAD, area, organisation=police))


@pytest.fixture
def national_admin():
    return verified(person_with_role(Role.NATIONAL_ADMINISTRATOR))
