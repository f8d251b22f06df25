"""What an administrator may choose from: the roles they may give, their areas, and those areas' partners."""

from safeguarding.core import permissions

from ..models import Organisation, OrganisationKind, Role, SafeguardingArea
from ..models.people import NATIONAL_ROLES


def may_grant_national_roles(admin):
    return admin.has_perm("organisations.grant_national_roles")


def roles_for(admin):
    if may_grant_national_roles(admin):
        return list(Role.choices)
    return [(value, label) for value, label in Role.choices if value not in NATIONAL_ROLES]


def areas_for(admin):
    if permissions.is_national_administrator(admin):
        return SafeguardingArea.objects.all()
    return SafeguardingArea.objects.filter(pk__in=permissions.area_ids_with_role(admin, {Role.AREA_ADMINISTRATOR}))


def organisations_for(admin):
    """Active partners of the administrator's areas, and national bodies for those who give national roles."""
    partners = Organisation.objects.filter(is_active=True, safeguarding_areas__in=areas_for(admin))
    organisations = Organisation.objects.filter(pk__in=partners.values("pk"))
    if may_grant_national_roles(admin):
        national_bodies = Organisation.objects.filter(is_active=True, kind=OrganisationKind.NATIONAL_BODY)
        organisations = organisations | national_bodies
    return organisations.order_by("name")
