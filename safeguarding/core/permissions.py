"""Who may do what: every access rule of the service, in one place.

Rules are `rules` predicates over (user, object). Views and the API ask `user.has_perm(name, obj)`
or use the scoped querysets in `safeguarding.core.scoping`; neither repeats these rules.
"""

import rules

from safeguarding.organisations.models.people import NATIONAL_ROLES, Role

# Area roles whose holders may see a child's identifying details for cases in their area
# (and only after choosing a reason, which is audited). National roles never may.
IDENTITY_ROLES = frozenset(
    {Role.PRACTITIONER, Role.RAPID_INQUIRY_LEAD, Role.REVIEWER, Role.PANEL_MEMBER, Role.PANEL_MANAGER}
)


def memberships(user):
    """The person's memberships, read once per request object and cached on it.

    An API client (safeguarding.api.authentication.ApiClient) is not a person: it carries one
    grant per area of its token instead, with a role that no rule below names.
    """
    if not getattr(user, "is_authenticated", False):
        return ()
    grants = getattr(user, "area_grants", None)
    if grants is not None:
        return grants
    cached = getattr(user, "_membership_cache", None)
    if cached is None:
        cached = tuple(user.memberships.select_related("organisation", "area"))
        user._membership_cache = cached
    return cached


def national_roles(user):
    return {m.role for m in memberships(user) if m.area_id is None and m.role in NATIONAL_ROLES}


def area_roles(user, area):
    area_id = getattr(area, "pk", area)
    return {m.role for m in memberships(user) if m.area_id is not None and m.area_id == area_id}


def area_ids_with_role(user, roles=None):
    """The ids of the areas where the person holds any role (or one of `roles`)."""
    return {m.area_id for m in memberships(user) if m.area_id is not None and (roles is None or m.role in roles)}


def _area_of(obj):
    """The safeguarding area an object belongs to: itself if it is an area, else its `area`."""
    from safeguarding.organisations.models import SafeguardingArea

    if isinstance(obj, SafeguardingArea):
        return obj.pk
    return getattr(obj, "area_id", None)


@rules.predicate
def is_national_administrator(user):
    return Role.NATIONAL_ADMINISTRATOR in national_roles(user)


@rules.predicate
def is_national_analyst(user):
    return Role.NATIONAL_ANALYST in national_roles(user)


@rules.predicate
def is_area_administrator(user, obj=None):
    if obj is None:
        return bool(area_ids_with_role(user, {Role.AREA_ADMINISTRATOR}))
    return Role.AREA_ADMINISTRATOR in area_roles(user, _area_of(obj))


@rules.predicate
def has_role_in_area(user, obj):
    return bool(area_roles(user, _area_of(obj)))


@rules.predicate
def has_identity_role_in_area(user, obj):
    return bool(area_roles(user, _area_of(obj)) & IDENTITY_ROLES)


@rules.predicate
def has_verified_second_factor(user):
    """Signed in with a TOTP code in this session (django-otp's is_verified)."""
    is_verified = getattr(user, "is_verified", None)
    return bool(is_verified and is_verified())


# People, memberships and invitations of an area.
rules.add_perm("organisations.manage_people", is_national_administrator | is_area_administrator)
# National roles (analyst, administrator) can only be given by a national administrator.
rules.add_perm("organisations.grant_national_roles", is_national_administrator)
# API tokens for an organisation's case-management system.
rules.add_perm("organisations.manage_api_tokens", is_national_administrator | is_area_administrator)
# The audit trail: national administrators see all of it, area administrators their area's.
rules.add_perm("core.search_audit", is_national_administrator | is_area_administrator)
# A child's identifying details: an area identity role and a verified second factor.
rules.add_perm("core.view_identity", has_identity_role_in_area & has_verified_second_factor)
# A child's pseudonymised record: anyone with a role in its area, or a national role.
rules.add_perm("core.view_pseudonymised", has_role_in_area | is_national_administrator | is_national_analyst)
# The national policy table (clock lengths and thresholds).
rules.add_perm("clocks.edit_policy", is_national_administrator)
