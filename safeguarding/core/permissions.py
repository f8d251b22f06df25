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
def holds_national_role(user):
    """Whoever holds a national role sees pseudonyms only, whatever area role they may also hold."""
    return bool(national_roles(user))


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
# Never for anyone holding a national role (granting both is refused; this also covers older data).
rules.add_perm("core.view_identity", has_identity_role_in_area & ~holds_national_role & has_verified_second_factor)
# A child's pseudonymised record: anyone with a role in its area, or a national role.
rules.add_perm("core.view_pseudonymised", has_role_in_area | is_national_administrator | is_national_analyst)
# The national policy table (clock lengths and thresholds).
rules.add_perm("clocks.edit_policy", is_national_administrator)


# --- Serious incidents (pillar 2, local) ---
# Who starts a draft notification: people of a statutory partner in the area, in these roles.
INCIDENT_STARTER_ROLES = frozenset(
    {Role.PRACTITIONER, Role.AREA_ADMINISTRATOR, Role.LEAD_CHIEF_OFFICER, Role.RAPID_INQUIRY_LEAD}
)
# Who works on the learning after the decision: inquiry leads and reviewers of the area.
INCIDENT_INQUIRY_ROLES = frozenset({Role.RAPID_INQUIRY_LEAD, Role.REVIEWER})


def _incident_memberships(user, obj, roles):
    area_id = _area_of(obj)
    return [m for m in memberships(user) if m.area_id is not None and m.area_id == area_id and m.role in roles]


@rules.predicate
def is_incident_starter(user, obj):
    from safeguarding.organisations.models.organisations import STATUTORY_PARTNER_KINDS

    starters = _incident_memberships(user, obj, INCIDENT_STARTER_ROLES)
    return any(m.organisation.kind in STATUTORY_PARTNER_KINDS for m in starters)


@rules.predicate
def is_incident_notifier(user, obj):
    from safeguarding.organisations.models import OrganisationKind

    return any(
        m.organisation.kind == OrganisationKind.LOCAL_AUTHORITY
        for m in _incident_memberships(user, obj, INCIDENT_STARTER_ROLES)
    )


@rules.predicate
def is_incident_rapid_inquiry_lead(user, obj):
    return bool(_incident_memberships(user, obj, {Role.RAPID_INQUIRY_LEAD}))


@rules.predicate
def is_incident_lead_chief_officer(user, obj):
    return bool(_incident_memberships(user, obj, {Role.LEAD_CHIEF_OFFICER}))


@rules.predicate
def is_incident_inquiry_worker(user, obj):
    return bool(_incident_memberships(user, obj, INCIDENT_INQUIRY_ROLES))


@rules.predicate
def is_incident_case_manager(user, obj):
    """Those who keep the case moving locally: area administrators, lead chief officers, inquiry leads."""
    roles = {Role.AREA_ADMINISTRATOR, Role.LEAD_CHIEF_OFFICER, Role.RAPID_INQUIRY_LEAD}
    return bool(_incident_memberships(user, obj, roles))


@rules.predicate
def is_notified_incident(user, obj):
    return getattr(obj, "status", "draft") != "draft"


# A case: people with a role in its area; national roles read it, pseudonymised, once it is notified.
rules.add_perm(
    "incidents.view_case", has_role_in_area | ((is_national_administrator | is_national_analyst) & is_notified_incident)
)
# obj is the area for a new notification, the incident for a draft.
rules.add_perm("incidents.start_notification", is_incident_starter)
rules.add_perm("incidents.edit_draft", is_incident_starter)
# The notification is the local authority's (Working Together: the LA notifies).
rules.add_perm("incidents.submit_notification", is_incident_notifier)
rules.add_perm("incidents.run_rapid_inquiry", is_incident_rapid_inquiry_lead)
rules.add_perm("incidents.sign_off_decision", is_incident_lead_chief_officer)
rules.add_perm("incidents.request_pause", is_incident_case_manager | is_incident_inquiry_worker)
rules.add_perm("incidents.decide_pause", is_national_administrator)
rules.add_perm("incidents.run_lli", is_incident_inquiry_worker)
rules.add_perm("incidents.write_findings", is_incident_inquiry_worker)
rules.add_perm("incidents.manage_actions", is_incident_case_manager | is_incident_inquiry_worker)
rules.add_perm("incidents.write_report", is_incident_inquiry_worker)
rules.add_perm("incidents.publish_report", is_incident_lead_chief_officer)


# --- Child death review (pillar 3) ---


def _child_death_panel_manager_areas(user):
    return area_ids_with_role(user, {Role.PANEL_MANAGER})


@rules.predicate
def is_child_death_panel_manager(user, case=None):
    """A panel manager of the case's area of residence, or of any area its panel covers."""
    area_ids = _child_death_panel_manager_areas(user)
    if case is None:
        return bool(area_ids)
    if case.area_id in area_ids:
        return True
    if case.panel_id is None:
        return False
    return case.panel.areas.filter(pk__in=area_ids).exists()


@rules.predicate
def is_child_death_responder(user, case):
    """Practitioners of the area of residence record the joint agency response with the panel manager."""
    return Role.PRACTITIONER in area_roles(user, case.area_id) or is_child_death_panel_manager(user, case)


@rules.predicate
def holds_any_area_role(user):
    return bool(area_ids_with_role(user))


@rules.predicate
def works_for_reporting_agency(user, report):
    """Someone of the agency asked for the report, in the case's area or an area its panel covers."""
    if report is None:
        return False
    case = report.case
    area_ids = {case.area_id}
    if case.panel_id:
        area_ids |= set(case.panel.areas.values_list("pk", flat=True))
    return any(
        m.organisation_id == report.organisation_id and m.area_id in area_ids for m in memberships(user)
    ) or is_child_death_panel_manager(user, case)


@rules.predicate
def has_identity_role_for_case(user, case):
    """Identity is seen only through the area of residence: never by the place of death's panel."""
    return bool(area_roles(user, case.area_id) & IDENTITY_ROLES)


@rules.predicate
def reads_submitted_report(user, report):
    """A submitted agency report is read by the agency that wrote it, by the panels reviewing the death
    and by the area of residence's identity roles. Its answers speak of the child and family, so not by
    national roles nor by the place of death's panel, who see the case pseudonymised."""
    from safeguarding.child_deaths.models.cases import panel_area_ids

    if report is None or report.submitted_on is None:
        return False
    case = report.case
    if works_for_reporting_agency(user, report) or has_identity_role_for_case(user, case):
        return True
    return case.area_id in panel_area_ids(user)


@rules.predicate
def is_panel_manager_of_panel(user, panel):
    if panel is None:
        return False
    return panel.areas.filter(pk__in=_child_death_panel_manager_areas(user)).exists()


# Any agency's person with a role in an area notifies a death, wherever the child lived.
rules.add_perm("child_deaths.notify", holds_any_area_role & has_verified_second_factor)
rules.add_perm("child_deaths.manage_case", is_child_death_panel_manager & has_verified_second_factor)
rules.add_perm("child_deaths.record_response", is_child_death_responder & has_verified_second_factor)
rules.add_perm("child_deaths.complete_report", works_for_reporting_agency & has_verified_second_factor)
rules.add_perm("child_deaths.read_report", reads_submitted_report & ~holds_national_role & has_verified_second_factor)
rules.add_perm(
    "child_deaths.view_identity", has_identity_role_for_case & ~holds_national_role & has_verified_second_factor
)
rules.add_perm("child_deaths.manage_panel", is_panel_manager_of_panel & has_verified_second_factor)
rules.add_perm("child_deaths.view_panel_populations", is_national_administrator)
# Comparing every open notification in the country at once (the Splink batch), from the linkage page.
rules.add_perm("child_deaths.run_batch_linkage", is_national_administrator)


# --- Multi-agency arrangements (pillar 1) ---
@rules.predicate
def is_lead_chief_officer_in_area(user, obj):
    return Role.LEAD_CHIEF_OFFICER in area_roles(user, _area_of(obj))


@rules.predicate
def is_statutory_lead_chief_officer_in_area(user, obj):
    """Holds the lead chief officer role in the area for a local authority, health body or police force."""
    from safeguarding.organisations.models.organisations import STATUTORY_PARTNER_KINDS

    area_id = _area_of(obj)
    return any(
        m.area_id == area_id and m.role == Role.LEAD_CHIEF_OFFICER and m.organisation.kind in STATUTORY_PARTNER_KINDS
        for m in memberships(user)
        if m.area_id is not None
    )


# Reading an area's arrangements, drafts included: anyone with a role in the area; national roles.
rules.add_perm("arrangements.view", has_role_in_area | is_national_administrator | is_national_analyst)
# Writing drafts (sections, evidence, agencies, new drafts) and the area's other records
# (funding, scrutiny, outcomes, engagement, meetings, yearly report drafts).
rules.add_perm("arrangements.edit", is_area_administrator | is_lead_chief_officer_in_area)
# Confirming a version for one's agency: the statutory partners' lead chief officers only.
rules.add_perm("arrangements.sign_off", is_statutory_lead_chief_officer_in_area)
# Publishing a version that all three have signed off (and publishing yearly reports).
rules.add_perm("arrangements.publish", is_area_administrator | is_lead_chief_officer_in_area)
# The national transition table, funding spread and deadline.
rules.add_perm("arrangements.view_national", is_national_administrator | is_national_analyst)
rules.add_perm("arrangements.set_deadline", is_national_administrator)


# --- National child mortality database (pillar 3, national) ---
# The analysis (with the free-text circumstances behind emerging hazards) is for the national roles only;
# the public sees published releases, which carry disclosure-controlled tables and no free text.
rules.add_perm("mortality.view_analysis", is_national_analyst | is_national_administrator)
# Building and publishing a year's statistical release (every cell disclosure-controlled) from the release page.
rules.add_perm("mortality.publish_release", is_national_analyst | is_national_administrator)
