"""Giving and ending roles, one lead chief officer per statutory partner per area, and resetting two-factor."""

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django_otp.plugins.otp_totp.models import TOTPDevice

from safeguarding.core.models import AuditEvent
from safeguarding.organisations import actions
from safeguarding.organisations.factories import MembershipFactory, OrganisationFactory, UserFactory, person_with_role
from safeguarding.organisations.models import Invitation, Membership, OrganisationKind, Role
from safeguarding.organisations.models.invitations import hash_token, new_token

pytestmark = pytest.mark.django_db


def partner(area, kind, name):
    organisation = OrganisationFactory(kind=kind, name=name)
    area.partners.add(organisation)
    return organisation


@pytest.fixture
def council(area):
    return partner(area, OrganisationKind.LOCAL_AUTHORITY, "Area A Council")


@pytest.fixture
def police(area):
    return partner(area, OrganisationKind.POLICE, "Area A Police")


@pytest.fixture
def other_council(other_area):
    return partner(other_area, OrganisationKind.LOCAL_AUTHORITY, "Area B Council")


@pytest.fixture
def national_body():
    return OrganisationFactory(kind=OrganisationKind.NATIONAL_BODY, name="National panel")


@pytest.fixture
def area_admin(area, council):
    admin = person_with_role(Role.AREA_ADMINISTRATOR, area, organisation=council, email="admin.a@example.org")
    admin.full_name = "Grace Adeyemi"
    admin.save()
    return admin


@pytest.fixture
def national_admin(national_body):
    return person_with_role(Role.NATIONAL_ADMINISTRATOR, organisation=national_body, email="national@example.org")


@pytest.fixture
def newcomer():
    return UserFactory(email="sam.newcomer@example.org", full_name="Sam Newcomer")


# Giving a role


def test_area_admin_gives_a_role_in_their_area(area, council, area_admin, newcomer):
    membership = actions.grant_membership(area_admin, newcomer, council, area, Role.REVIEWER)

    assert (membership.user, membership.organisation, membership.area, membership.role) == (
        newcomer,
        council,
        area,
        Role.REVIEWER,
    )
    event = AuditEvent.objects.get(verb="membership.granted")
    assert event.actor == area_admin and event.area == area
    assert event.data == {"role": "reviewer", "organisation_id": council.pk, "user_id": newcomer.pk}


def test_area_admin_cannot_give_a_role_in_another_area(other_area, other_council, area_admin, newcomer):
    with pytest.raises(PermissionDenied):
        actions.grant_membership(area_admin, newcomer, other_council, other_area, Role.PRACTITIONER)
    assert not newcomer.memberships.exists()
    assert not AuditEvent.objects.exists()


def test_practitioner_cannot_give_roles(area, council, newcomer):
    practitioner = person_with_role(Role.PRACTITIONER, area, organisation=council)
    with pytest.raises(PermissionDenied):
        actions.grant_membership(practitioner, newcomer, council, area, Role.PRACTITIONER)
    assert not newcomer.memberships.exists()


def test_only_a_national_admin_gives_national_roles(national_body, area_admin, national_admin, newcomer):
    with pytest.raises(PermissionDenied):
        actions.grant_membership(area_admin, newcomer, national_body, None, Role.NATIONAL_ANALYST)

    membership = actions.grant_membership(national_admin, newcomer, national_body, None, Role.NATIONAL_ANALYST)

    assert membership.is_national
    assert AuditEvent.objects.get(verb="membership.granted").area is None


def test_the_same_role_twice_is_refused(area, council, area_admin, newcomer):
    actions.grant_membership(area_admin, newcomer, council, area, Role.REVIEWER)
    with pytest.raises(ValidationError) as refusal:
        actions.grant_membership(area_admin, newcomer, council, area, Role.REVIEWER)
    assert refusal.value.message_dict == {
        "role": [f"Sam Newcomer already holds this role for Area A Council in {area.name}"]
    }
    assert newcomer.memberships.count() == 1


# One lead chief officer per statutory partner per area


def test_one_lead_chief_officer_per_partner_kind_per_area(area, other_area, council, police, other_council, area_admin):
    national_admin = person_with_role(Role.NATIONAL_ADMINISTRATOR)
    first = UserFactory(full_name="Lee First")
    actions.grant_membership(area_admin, first, council, area, Role.LEAD_CHIEF_OFFICER)
    # A second local authority in the same area: its partners' kind already has its lead chief officer.
    second_council = partner(area, OrganisationKind.LOCAL_AUTHORITY, "Area A District Council")

    with pytest.raises(ValidationError) as refusal:
        actions.grant_membership(area_admin, UserFactory(), second_council, area, Role.LEAD_CHIEF_OFFICER)

    assert refusal.value.message_dict == {
        "role": [
            f"{area.name} already has a lead chief officer from a local authority (Lee First). "
            "End that role before giving it to someone else"
        ]
    }
    # The police have their own; another area has its own.
    actions.grant_membership(area_admin, UserFactory(), police, area, Role.LEAD_CHIEF_OFFICER)
    actions.grant_membership(national_admin, UserFactory(), other_council, other_area, Role.LEAD_CHIEF_OFFICER)
    assert Membership.objects.filter(role=Role.LEAD_CHIEF_OFFICER).count() == 3


def test_ending_the_lead_chief_officer_frees_the_role(area, council, area_admin):
    first = actions.grant_membership(area_admin, UserFactory(), council, area, Role.LEAD_CHIEF_OFFICER)
    actions.end_membership(area_admin, first)

    actions.grant_membership(area_admin, UserFactory(), council, area, Role.LEAD_CHIEF_OFFICER)
    assert Membership.objects.filter(role=Role.LEAD_CHIEF_OFFICER).count() == 1


def test_a_lead_chief_officer_works_for_a_statutory_partner(area, area_admin):
    charity = partner(area, OrganisationKind.VOLUNTARY, "Area A Children's Charity")
    with pytest.raises(ValidationError) as refusal:
        actions.grant_membership(area_admin, UserFactory(), charity, area, Role.LEAD_CHIEF_OFFICER)
    assert refusal.value.message_dict == {
        "organisation": ["A lead chief officer must work for a local authority, a health body or a police force"]
    }


def test_inviting_a_second_lead_chief_officer_is_refused(area, council, area_admin):
    def invite(email):
        return actions.invite_person(
            area_admin,
            email=email,
            full_name="Someone",
            organisation=council,
            area=area,
            role=Role.LEAD_CHIEF_OFFICER,
            accept_url_builder=lambda token: f"/invitations/#{token}",
        )

    invite("first@example.org")
    with pytest.raises(ValidationError) as refusal:
        invite("second@example.org")
    assert refusal.value.message_dict == {
        "role": [
            f"Someone has already been invited to be {area.name}'s lead chief officer from a local authority. "
            "Revoke that invitation before inviting someone else"
        ]
    }


def test_an_invitation_overtaken_by_another_lead_chief_officer_cannot_be_accepted(area, council, area_admin):
    token = new_token()
    Invitation.objects.create(
        email="late@example.org",
        full_name="Late Comer",
        organisation=council,
        area=area,
        role=Role.LEAD_CHIEF_OFFICER,
        token_hash=hash_token(token),
        invited_by=area_admin,
    )
    MembershipFactory(organisation=council, area=area, role=Role.LEAD_CHIEF_OFFICER)

    with pytest.raises(ValidationError) as refusal:
        actions.accept_invitation(hash_token(token), "kettle-harbour-lantern")

    assert refusal.value.messages == [
        f"Someone else has become a lead chief officer for {area.name} from your kind of organisation "
        "since you were invited. Ask your administrator"
    ]
    assert not get_user_model().objects.filter(email="late@example.org").exists()  # nothing half-stored


# Ending a role


def test_ending_a_role_deletes_it_and_audits_what_it_was(area, council, area_admin, newcomer):
    membership = MembershipFactory(user=newcomer, organisation=council, area=area, role=Role.PANEL_MEMBER)
    membership_id = membership.pk

    actions.end_membership(area_admin, membership)

    assert not Membership.objects.filter(pk=membership_id).exists()
    event = AuditEvent.objects.get(verb="membership.ended")
    assert event.actor == area_admin and event.area == area
    assert event.target_type == "organisations.membership" and event.target_id == str(membership_id)
    assert event.data == {
        "role": "panel_member",
        "organisation_id": council.pk,
        "user_id": newcomer.pk,
        "area_id": area.pk,
    }


def test_another_areas_admin_cannot_end_a_role(area, council, other_area, other_council, newcomer):
    membership = MembershipFactory(user=newcomer, organisation=council, area=area)
    other_admin = person_with_role(Role.AREA_ADMINISTRATOR, other_area, organisation=other_council)

    with pytest.raises(PermissionDenied):
        actions.end_membership(other_admin, membership)
    assert Membership.objects.filter(pk=membership.pk).exists()


def test_an_area_admin_cannot_end_a_national_role(national_body, area_admin, newcomer):
    membership = MembershipFactory(user=newcomer, organisation=national_body, area=None, role=Role.NATIONAL_ANALYST)
    with pytest.raises(PermissionDenied):
        actions.end_membership(area_admin, membership)
    assert Membership.objects.filter(pk=membership.pk).exists()


def test_an_admin_cannot_end_their_own_last_administrator_role(area, other_area, council, other_council, area_admin):
    own = area_admin.memberships.get()

    with pytest.raises(ValidationError) as refusal:
        actions.end_membership(area_admin, own)
    assert refusal.value.messages == [
        "You cannot end your own last administrator role. Ask another administrator to do it if it must end"
    ]
    assert Membership.objects.filter(pk=own.pk).exists()

    # With another administrator role they keep, they may end this one.
    MembershipFactory(user=area_admin, organisation=other_council, area=other_area, role=Role.AREA_ADMINISTRATOR)
    actions.end_membership(area_admin, own)
    assert not Membership.objects.filter(pk=own.pk).exists()


def test_an_admin_may_end_their_own_other_roles(area, council, area_admin):
    own_practitioner_role = MembershipFactory(user=area_admin, organisation=council, area=area)
    actions.end_membership(area_admin, own_practitioner_role)
    assert list(area_admin.memberships.values_list("role", flat=True)) == [Role.AREA_ADMINISTRATOR]


# Resetting two-factor authentication


def with_authenticator(user):
    TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=True)
    return user


def test_area_admin_resets_two_factor_of_someone_in_their_area(area, council, area_admin):
    person = with_authenticator(person_with_role(Role.PRACTITIONER, area, organisation=council))

    assert actions.reset_two_factor(area_admin, person) == 1

    assert not TOTPDevice.objects.filter(user=person).exists()
    event = AuditEvent.objects.get(verb="two_factor.reset")
    assert event.actor == area_admin and event.area == area
    assert event.target_id == str(person.pk)
    assert event.data == {"user_id": person.pk, "devices_removed": 1}


def test_area_admin_cannot_reset_someone_elsewhere(other_area, other_council, area_admin):
    person = with_authenticator(person_with_role(Role.PRACTITIONER, other_area, organisation=other_council))
    with pytest.raises(PermissionDenied):
        actions.reset_two_factor(area_admin, person)
    assert TOTPDevice.objects.filter(user=person).exists()


def test_area_admin_cannot_reset_a_national_administrator(area, council, area_admin, national_admin):
    MembershipFactory(user=national_admin, organisation=council, area=area, role=Role.PRACTITIONER)
    with_authenticator(national_admin)
    with pytest.raises(PermissionDenied):
        actions.reset_two_factor(area_admin, national_admin)
    assert TOTPDevice.objects.filter(user=national_admin).exists()


def test_national_admin_resets_anyone(other_area, other_council, national_admin):
    person = with_authenticator(person_with_role(Role.PRACTITIONER, other_area, organisation=other_council))
    actions.reset_two_factor(national_admin, person)
    assert not TOTPDevice.objects.filter(user=person).exists()
    assert AuditEvent.objects.get(verb="two_factor.reset").area == other_area


def test_practitioner_cannot_reset_anyone(area, council):
    practitioner = person_with_role(Role.PRACTITIONER, area, organisation=council)
    colleague = with_authenticator(person_with_role(Role.PRACTITIONER, area, organisation=council))
    with pytest.raises(PermissionDenied):
        actions.reset_two_factor(practitioner, colleague)
    assert TOTPDevice.objects.filter(user=colleague).exists()
