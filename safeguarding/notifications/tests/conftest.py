import datetime

import pytest

from safeguarding.organisations.factories import OrganisationFactory, person_with_role
from safeguarding.organisations.models import OrganisationKind, Role

# A child whose identity must never reach a notification or an email.
IDENTITY = {
    "given_names": "Ellis",
    "family_name": "Marsh",
    "nhs_number": "9434765870",
    "date_of_birth": datetime.date(2026, 2, 3),
    "postcode": "TS1 4ZZ",
}
IDENTITY_TEXTS = ("Ellis", "Marsh", "9434765870", "943 476 5870", "2026-02-03", "3 February 2026", "TS1 4ZZ")


def _partner(area, kind, name):
    organisation = OrganisationFactory(kind=kind, name=name)
    area.partners.add(organisation)
    return organisation


@pytest.fixture
def partners(area):
    return {
        "council": _partner(area, OrganisationKind.LOCAL_AUTHORITY, "Area A Council"),
        "police": _partner(area, OrganisationKind.POLICE, "Area A Police"),
        "health": _partner(area, OrganisationKind.HEALTH, "Area A Integrated Care Board"),
    }


@pytest.fixture
def people(area, partners):
    """The area's lead chief officers (one per statutory partner), an inquiry lead and a practitioner."""
    return {
        "lco_council": person_with_role(Role.LEAD_CHIEF_OFFICER, area, organisation=partners["council"]),
        "lco_police": person_with_role(Role.LEAD_CHIEF_OFFICER, area, organisation=partners["police"]),
        "lco_health": person_with_role(Role.LEAD_CHIEF_OFFICER, area, organisation=partners["health"]),
        "inquiry_lead": person_with_role(Role.RAPID_INQUIRY_LEAD, area, organisation=partners["police"]),
        "social_worker": person_with_role(Role.PRACTITIONER, area, organisation=partners["council"]),
        "admin": person_with_role(Role.AREA_ADMINISTRATOR, area, organisation=partners["council"]),
    }


def verified(user):
    user.is_verified = lambda: True
    return user
