import pytest

from safeguarding.incidents.factories import make_incident
from safeguarding.incidents.models import LocalLearningInquiry
from safeguarding.incidents.states import IncidentStatus
from safeguarding.learning.reviewers.factories import make_reviewer
from safeguarding.organisations.factories import UserFactory, person_with_role
from safeguarding.organisations.models import Role


def verified(user):
    user.is_verified = lambda: True
    return user


@pytest.fixture
def national_admin(db):
    return verified(person_with_role(Role.NATIONAL_ADMINISTRATOR))


@pytest.fixture
def national_analyst(db):
    return verified(person_with_role(Role.NATIONAL_ANALYST))


@pytest.fixture
def reviewer(db):
    return make_reviewer(UserFactory(full_name="Helen Marsh"))


def completed_lli(area, reviewer, status=IncidentStatus.PUBLISHED):
    incident = make_incident(area, status)
    LocalLearningInquiry.objects.create(incident=incident, lead_reviewer=reviewer.user)
    return incident
