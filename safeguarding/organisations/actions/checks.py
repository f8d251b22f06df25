"""The rules every change to people and roles shares: who may give a role, to which organisation, where."""

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError

from safeguarding.core import permissions

from ..models import Invitation, Membership, OrganisationKind, Role, SafeguardingArea
from ..models.organisations import STATUTORY_PARTNER_KINDS
from ..models.people import NATIONAL_ROLES

ADMINISTRATOR_ROLES = frozenset({Role.AREA_ADMINISTRATOR, Role.NATIONAL_ADMINISTRATOR})

# How a sentence names each statutory partner ("a lead chief officer from a police force").
_PARTNER_NAMES = {
    OrganisationKind.LOCAL_AUTHORITY: "a local authority",
    OrganisationKind.HEALTH: "a health body",
    OrganisationKind.POLICE: "a police force",
}


def normalise_email(email):
    """Email addresses are stored lower-case, as User.objects.create_user stores them."""
    return (email or "").strip().lower()


def check_scope(role, area):
    """National roles are held for all of England; every other role for one area."""
    if role in NATIONAL_ROLES and area is not None:
        raise ValidationError({"area": "A national role is held for the whole of England: do not choose an area"})
    if role not in NATIONAL_ROLES and area is None:
        raise ValidationError({"area": "Choose the area for this role"})


def check_may_manage_role(admin, area, role):
    """Area administrators manage roles in their areas; only national administrators manage national roles."""
    if role in NATIONAL_ROLES or area is None:
        if not admin.has_perm("organisations.grant_national_roles"):
            raise PermissionDenied("Only a national administrator can manage national roles")
    elif not admin.has_perm("organisations.manage_people", area):
        raise PermissionDenied(f"You cannot manage people in {area.name}")


def check_national_and_identity_roles_apart(email, role):
    """Whoever holds a national role sees pseudonyms only, so no one holds both a national role and an area
    role that may see children's identities (permissions.IDENTITY_ROLES). Open invitations count as held."""
    if role in NATIONAL_ROLES:
        conflicting, message = (
            permissions.IDENTITY_ROLES,
            (
                "{person} holds an area role that may see children's identifying details ({held}). National roles "
                "see pseudonyms only: end that role before giving a national one"
            ),
        )
    elif role in permissions.IDENTITY_ROLES:
        conflicting, message = (
            NATIONAL_ROLES,
            (
                "{person} holds a national role ({held}), which sees pseudonyms only. Roles that may see children's "
                "identifying details cannot be given to someone with a national role: end the national role first"
            ),
        )
    else:
        return
    email = normalise_email(email)
    held = {m.role for m in Membership.objects.filter(user__email__iexact=email, role__in=sorted(conflicting))}
    held |= set(
        Invitation.objects.open().filter(email=email, role__in=sorted(conflicting)).values_list("role", flat=True)
    )
    if held:
        labels = ", ".join(sorted(Role(value).label.lower() for value in held))
        raise ValidationError({"role": message.format(person=email, held=labels)})


def check_organisation_fits(organisation, area, role):
    """A role is held for an organisation that takes part where the role is held."""
    if not organisation.is_active:
        raise ValidationError({"organisation": f"{organisation.name} is no longer active: choose another"})
    if role in NATIONAL_ROLES:
        if organisation.kind != OrganisationKind.NATIONAL_BODY:
            raise ValidationError({"organisation": "For a national role, choose a national body"})
    elif not area.partners.filter(pk=organisation.pk).exists():
        raise ValidationError(
            {"organisation": f"{organisation.name} is not a partner of {area.name}: choose one of its partners"}
        )


def lock_area(area):
    """Serialises changes to one area's roles, so two administrators cannot both give its last free
    lead chief officer role. (SQLite already allows one writer at a time.)"""
    SafeguardingArea.objects.select_for_update().filter(pk=area.pk).first()


def check_lead_chief_officer_free(organisation, area, role, *, ignore_invitation=None):
    """One lead chief officer per statutory partner per area (Wood recommendation 1): one from the local
    authority, one from health, one from the police. A database constraint cannot say this, because the
    partner's kind lives on the organisation, so it is checked here with the area locked (lock_area)."""
    if role != Role.LEAD_CHIEF_OFFICER:
        return
    if organisation.kind not in STATUTORY_PARTNER_KINDS:
        raise ValidationError(
            {"organisation": "A lead chief officer must work for a local authority, a health body or a police force"}
        )
    partner = _PARTNER_NAMES[organisation.kind]
    holder = (
        Membership.objects.filter(area=area, role=Role.LEAD_CHIEF_OFFICER, organisation__kind=organisation.kind)
        .select_related("user")
        .first()
    )
    if holder is not None:
        raise ValidationError(
            {
                "role": f"{area.name} already has a lead chief officer from {partner} ({holder.user.full_name}). "
                "End that role before giving it to someone else"
            }
        )
    waiting = Invitation.objects.open().filter(
        area=area, role=Role.LEAD_CHIEF_OFFICER, organisation__kind=organisation.kind
    )
    if ignore_invitation is not None:
        waiting = waiting.exclude(pk=ignore_invitation.pk)
    if waiting.exists():
        raise ValidationError(
            {
                "role": f"Someone has already been invited to be {area.name}'s lead chief officer from {partner}. "
                "Revoke that invitation before inviting someone else"
            }
        )


def people_administered_by(admin):
    """The people an administrator manages: everyone for national administrators, else the people
    holding a role in one of their areas."""
    people = get_user_model().objects.all()
    if permissions.is_national_administrator(admin):
        return people
    return people.filter(pk__in=Membership.objects.administered_by(admin).values("user_id"))


def check_may_manage_person(admin, person):
    """Only national administrators manage people who hold a national role."""
    if not people_administered_by(admin).filter(pk=person.pk).exists():
        raise PermissionDenied("You do not manage this person")
    holds_national_role = person.memberships.filter(area__isnull=True).exists()
    if holds_national_role and not permissions.is_national_administrator(admin):
        raise PermissionDenied("Only a national administrator can manage a person who holds a national role")


def area_of_person_for(admin, person):
    """The area an event about a person is filed under, so that their area administrators see it."""
    membership = (
        Membership.objects.administered_by(admin).filter(user=person, area__isnull=False).order_by("area_id").first()
    )
    return membership.area if membership else None
