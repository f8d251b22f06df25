"""Adding a relevant agency with its official code checked by format, linked to its areas; finding organisations."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from safeguarding.core.models import AuditEvent
from safeguarding.onboarding.actions.organisations import add_organisation, check_code, search
from safeguarding.onboarding.models import AgencyType
from safeguarding.organisations.factories import person_with_role
from safeguarding.organisations.models import OrganisationKind, Role

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("agency_type", "code", "expected"),
    [
        (AgencyType.SCHOOL, " 111 222 ", "111222"),
        (AgencyType.NHS_TRUST, "rtd", "RTD"),
        (AgencyType.GP_PRACTICE, "A81001", "A81001"),
        (AgencyType.ACADEMY_TRUST, "07318714", "07318714"),
        (AgencyType.CHARITY, "", ""),
        (AgencyType.PROBATION, "", ""),
    ],
)
def test_good_codes_are_normalised(agency_type, code, expected):
    assert check_code(agency_type, code) == expected


@pytest.mark.parametrize(
    ("agency_type", "code", "message"),
    [
        (AgencyType.SCHOOL, "12345", "Enter the DfE unique reference number (URN) in the correct format, like 100000"),
        (AgencyType.SCHOOL, "", "Enter the DfE unique reference number (URN)"),
        (AgencyType.NHS_TRUST, "A81001", "Enter the ODS code in the correct format, like RTD"),
        (AgencyType.GP_PRACTICE, "RTD", "Enter the ODS code in the correct format, like A81001"),
        (AgencyType.CHARITY, "12", "Enter the registered charity number in the correct format, like 1089464"),
        (AgencyType.YOUTH_JUSTICE, "X1", "A youth justice service has no official code here"),
    ],
)
def test_bad_codes_are_refused_naming_the_code(agency_type, code, message):
    with pytest.raises(ValidationError) as refusal:
        check_code(agency_type, code)
    assert refusal.value.message_dict["code"] == [message]


def test_an_area_administrator_adds_a_school_to_their_area(area, other_area):
    admin = person_with_role(Role.AREA_ADMINISTRATOR, area)
    school = add_organisation(admin, agency_type=AgencyType.SCHOOL, name="Hill Primary", code="123456", areas=[area])
    assert school.kind == OrganisationKind.SCHOOL and school.agency_profile.agency_type == AgencyType.SCHOOL
    assert area.partners.filter(pk=school.pk).exists()
    assert AuditEvent.objects.filter(verb="organisation.added", area=area).count() == 1
    with pytest.raises(PermissionDenied):
        add_organisation(admin, agency_type=AgencyType.SCHOOL, name="Far School", code="654321", areas=[other_area])
    with pytest.raises(ValidationError) as refusal:
        add_organisation(admin, agency_type=AgencyType.SCHOOL, name="Copy", code="123456", areas=[area])
    assert refusal.value.message_dict["code"] == [
        "Hill Primary already has the DfE unique reference number (URN) 123456"
    ]


def test_a_practitioner_cannot_add_an_agency(area):
    with pytest.raises(PermissionDenied):
        add_organisation(
            person_with_role(Role.PRACTITIONER, area),
            agency_type=AgencyType.CHARITY,
            name="Help",
            code="",
            areas=[area],
        )


def test_search_by_words_or_code(area):
    admin = person_with_role(Role.AREA_ADMINISTRATOR, area)
    add_organisation(admin, agency_type=AgencyType.NHS_TRUST, name="South Tees Hospitals", code="RTR", areas=[area])
    add_organisation(admin, agency_type=AgencyType.HOSPICE, name="Zoe's Place Hospice", code="", areas=[area])
    assert [o.name for o in search("tees hosp")] == ["South Tees Hospitals"]
    assert [o.name for o in search("rtr")] == ["South Tees Hospitals"]
    assert list(search("")) == []


def test_the_pages_add_and_find_an_agency(area, client, sign_in):
    admin = person_with_role(Role.AREA_ADMINISTRATOR, area)
    sign_in(admin)
    bad = client.post(
        reverse("onboarding:new-organisation"),
        {"agency_type": "gp_practice", "name": "Park Surgery", "code": "123", "areas": [area.pk]},
    ).content.decode()
    assert "Enter the ODS code in the correct format, like A81001" in bad
    response = client.post(
        reverse("onboarding:new-organisation"),
        {"agency_type": "gp_practice", "name": "Park Surgery", "code": "a81001", "areas": [area.pk]},
    )
    assert response.status_code == 302
    page = client.get(reverse("onboarding:organisations"), {"q": "park"}).content.decode()
    assert "Park Surgery" in page and "A81001" in page and area.name in page
    found = client.get(reverse("onboarding:organisation-search-json"), {"q": "A81001"}).json()
    assert [r["name"] for r in found["results"]] == ["Park Surgery"]
