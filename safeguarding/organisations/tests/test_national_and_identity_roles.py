"""A national role and an area role that may see children's identities are never held by one person:
giving either to someone who holds (or is invited to) the other is refused with a clear message."""

import pytest
from django.core.exceptions import ValidationError

from safeguarding.core.models import AuditEvent
from safeguarding.organisations import actions
from safeguarding.organisations.factories import OrganisationFactory, UserFactory, person_with_role
from safeguarding.organisations.models import Membership, OrganisationKind, Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def council(area):
    organisation = OrganisationFactory(kind=OrganisationKind.LOCAL_AUTHORITY, name="Area A Council")
    area.partners.add(organisation)
    return organisation


@pytest.fixture
def national_body():
    return OrganisationFactory(kind=OrganisationKind.NATIONAL_BODY, name="National panel")


@pytest.fixture
def national_admin(national_body):
    return person_with_role(Role.NATIONAL_ADMINISTRATOR, organisation=national_body, email="national@example.org")


@pytest.fixture
def analyst(national_body):
    return person_with_role(Role.NATIONAL_ANALYST, organisation=national_body, email="analyst@example.org")


@pytest.mark.parametrize("role", [Role.PRACTITIONER, Role.PANEL_MANAGER, Role.REVIEWER])
def test_an_identity_role_is_refused_to_someone_with_a_national_role(area, council, national_admin, analyst, role):
    before = AuditEvent.objects.count()
    with pytest.raises(ValidationError) as raised:
        actions.grant_membership(national_admin, analyst, council, area, role)
    message = raised.value.message_dict["role"][0]
    assert "holds a national role (national analyst)" in message
    assert "cannot be given to someone with a national role" in message
    assert not Membership.objects.filter(user=analyst, area=area).exists()
    assert AuditEvent.objects.count() == before


def test_a_national_role_is_refused_to_someone_with_an_identity_role(area, council, national_body, national_admin):
    practitioner = person_with_role(Role.PRACTITIONER, area, organisation=council)
    with pytest.raises(ValidationError) as raised:
        actions.grant_membership(national_admin, practitioner, national_body, None, Role.NATIONAL_ADMINISTRATOR)
    assert "holds an area role that may see children's identifying details (practitioner)" in str(raised.value)
    assert not Membership.objects.filter(user=practitioner, area__isnull=True).exists()


def test_area_roles_without_identity_go_with_a_national_role(area, council, national_admin, analyst):
    membership = actions.grant_membership(national_admin, analyst, council, area, Role.AREA_ADMINISTRATOR)
    assert membership.role == Role.AREA_ADMINISTRATOR


def test_an_invitation_is_refused_the_same_way(area, council, national_admin, analyst):
    with pytest.raises(ValidationError) as raised:
        actions.invite_person(
            national_admin,
            email=analyst.email,
            full_name="Ana Lyst",
            organisation=council,
            area=area,
            role=Role.PRACTITIONER,
            accept_url_builder=lambda token: "https://example.org/invitations/",
        )
    assert "holds a national role" in raised.value.message_dict["role"][0]


def test_an_open_invitation_to_a_national_role_counts(area, council, national_body, national_admin):
    newcomer = UserFactory(email="both@example.org")
    actions.invite_person(
        national_admin,
        email=newcomer.email,
        full_name="Both Roles",
        organisation=national_body,
        area=None,
        role=Role.NATIONAL_ANALYST,
        accept_url_builder=lambda token: "https://example.org/invitations/",
    )
    with pytest.raises(ValidationError):
        actions.grant_membership(national_admin, newcomer, council, area, Role.PANEL_MEMBER)


def test_the_grant_role_page_shows_the_message(client, sign_in, area, council, national_admin, analyst):
    sign_in(national_admin)
    response = client.post(
        f"/people/{analyst.pk}/roles/new/",
        {"role": Role.PRACTITIONER, "organisation": council.pk, "area": area.pk},
    )
    assert response.status_code == 200
    assert b"cannot be given to someone with a national role" in response.content


def test_an_invitation_overtaken_by_a_national_role_cannot_be_accepted(area, council, national_body, national_admin):
    from safeguarding.organisations.models import Invitation
    from safeguarding.organisations.models.invitations import hash_token

    person = UserFactory(email="late@example.org")
    person.is_verified = lambda: True
    Invitation.objects.create(
        email=person.email,
        full_name="Late",
        organisation=council,
        area=area,
        role=Role.PRACTITIONER,
        token_hash=hash_token("overtaken"),
        invited_by=national_admin,
    )
    # Granting it now is refused (the open invitation counts); made directly, as older data may hold it.
    with pytest.raises(ValidationError):
        actions.grant_membership(national_admin, person, national_body, None, Role.NATIONAL_ANALYST)
    Membership.objects.create(user=person, organisation=national_body, area=None, role=Role.NATIONAL_ANALYST)
    with pytest.raises(ValidationError) as raised:
        actions.accept_invitation(hash_token("overtaken"), user=person)
    assert "holds a national role" in raised.value.messages[0]
    assert not Membership.objects.filter(user=person, area=area).exists()
