"""England's safeguarding areas (one per children's services authority), their statutory partners and a
relevant agency, child death overview panels on a regional footprint, and the people who work in them."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.contrib.auth.hashers import make_password
from django.utils.text import slugify

from config.env import env_str
from safeguarding.child_deaths.models import Panel
from safeguarding.core import audit
from safeguarding.organisations.models import (
    LocalAuthority,
    LocalAuthorityIcbShare,
    Membership,
    Organisation,
    OrganisationKind,
    Role,
    SafeguardingArea,
    User,
)

from .bulk import insert, target

SLUG_PREFIX = "nat-"
DEFAULT_DEMO_PASSWORD = "demo-safeguarding-2026"  # noqa: S105 (as seed_demo; refused in production)
EMAIL_DOMAIN = "national.safeguarding.example"
AREAS_PER_PANEL = 4
# People per area by role (about 33 an area, so about 5,000 in England).
AREA_STAFF = {
    Role.AREA_ADMINISTRATOR: 1,
    Role.LEAD_CHIEF_OFFICER: 3,
    Role.PRACTITIONER: 12,
    Role.RAPID_INQUIRY_LEAD: 3,
    Role.REVIEWER: 4,
    Role.PANEL_MEMBER: 8,
    Role.PANEL_MANAGER: 2,
}
NATIONAL_STAFF = {Role.NATIONAL_ANALYST: 6, Role.NATIONAL_ADMINISTRATOR: 3}
LEAD_CHIEF_OFFICER_KINDS = (OrganisationKind.LOCAL_AUTHORITY, OrganisationKind.HEALTH, OrganisationKind.POLICE)


@dataclass
class NationalArea:
    area: SafeguardingArea
    region_code: str
    local_authority: Organisation
    health: Organisation
    police: Organisation
    agency: Organisation
    people: dict = field(default_factory=lambda: defaultdict(list))  # role -> [User]
    panel: Panel = None

    def partner(self, kind):
        return {"local_authority": self.local_authority, "health": self.health, "police": self.police}[kind]


@dataclass
class NationalWorld:
    areas: list
    national_body: Organisation
    national_people: dict
    panels: list

    def national(self, role, index=0):
        people = self.national_people[role]
        return people[index % len(people)]


def email(role, number, slug=None):
    where = f".{slug.removeprefix(SLUG_PREFIX)}" if slug else ""
    return f"{role.replace('_', '.')}.{number}{where}@{EMAIL_DOMAIN}"


def _organisations():
    """The statutory partner organisations of every authority, police force and ICB (made when missing)."""
    existing = {
        OrganisationKind.LOCAL_AUTHORITY: {
            o.local_authority_id: o for o in Organisation.objects.exclude(local_authority=None)
        },
        OrganisationKind.POLICE: {
            o.police_force_area_id: o for o in Organisation.objects.exclude(police_force_area=None)
        },
        OrganisationKind.HEALTH: {
            o.integrated_care_board_id: o for o in Organisation.objects.exclude(integrated_care_board=None)
        },
    }
    authorities = list(LocalAuthority.objects.select_related("police_force_area").order_by("code"))
    largest_icb = {}
    for share in LocalAuthorityIcbShare.objects.select_related("integrated_care_board").order_by("share"):
        largest_icb[share.local_authority_id] = share.integrated_care_board  # the largest share comes last
    new = []
    for la in authorities:
        if la.pk not in existing[OrganisationKind.LOCAL_AUTHORITY]:
            org = Organisation(kind=OrganisationKind.LOCAL_AUTHORITY, name=la.name, code=la.code, local_authority=la)
            existing[OrganisationKind.LOCAL_AUTHORITY][la.pk] = org
            new.append(org)
        force = la.police_force_area
        if force.pk not in existing[OrganisationKind.POLICE]:
            org = Organisation(kind=OrganisationKind.POLICE, name=force.name, code=force.code, police_force_area=force)
            existing[OrganisationKind.POLICE][force.pk] = org
            new.append(org)
        icb = largest_icb.get(la.pk)
        if icb is not None and icb.pk not in existing[OrganisationKind.HEALTH]:
            org = Organisation(kind=OrganisationKind.HEALTH, name=icb.name, code=icb.code, integrated_care_board=icb)
            existing[OrganisationKind.HEALTH][icb.pk] = org
            new.append(org)
    insert(Organisation, new)
    return authorities, largest_icb, existing


def build_world(trail, actor, when, *, scale=1.0):
    """Areas, partners, panels and people; `scale` below 1 keeps that share of England's authorities."""
    authorities, largest_icb, orgs = _organisations()
    authorities = authorities[: max(2, round(len(authorities) * scale))]
    areas = []
    for la in authorities:
        name = f"{la.name} Safeguarding Children Partnership"
        areas.append(SafeguardingArea(name=name, slug=f"{SLUG_PREFIX}{slugify(la.name)}"[:100]))
    insert(SafeguardingArea, areas)
    agencies = insert(
        Organisation,
        [Organisation(kind=OrganisationKind.SCHOOL, name=f"{la.name} Schools Trust") for la in authorities],
    )
    national_body, _ = Organisation.objects.get_or_create(
        kind=OrganisationKind.NATIONAL_BODY, name="National Safeguarding Learning Body"
    )
    area_las, area_partners, result = [], [], []
    for area, la, agency in zip(areas, authorities, agencies, strict=True):
        icb = largest_icb.get(la.pk)
        national = NationalArea(
            area=area,
            region_code="",
            local_authority=orgs[OrganisationKind.LOCAL_AUTHORITY][la.pk],
            health=orgs[OrganisationKind.HEALTH][icb.pk] if icb else orgs[OrganisationKind.LOCAL_AUTHORITY][la.pk],
            police=orgs[OrganisationKind.POLICE][la.police_force_area_id],
            agency=agency,
        )
        area_las.append(SafeguardingArea.local_authorities.through(safeguardingarea=area, localauthority=la))
        for org in {national.local_authority, national.health, national.police, agency}:
            area_partners.append(SafeguardingArea.partners.through(safeguardingarea=area, organisation=org))
        trail.add(
            actor, "area.created", target("organisations.safeguardingarea", area.pk, area.name), when=when, area=area
        )
        result.append(national)
    insert(SafeguardingArea.local_authorities.through, area_las)
    insert(SafeguardingArea.partners.through, area_partners)
    regions = dict(LocalAuthority.objects.values_list("pk", "region__code"))
    for national, la in zip(result, authorities, strict=True):
        national.region_code = regions[la.pk]
    panels = _panels(result, trail, actor, when)
    national_people = _people(result, national_body, trail, actor, when)
    return NationalWorld(result, national_body, national_people, panels)


def _panels(areas, trail, actor, when):
    by_region = defaultdict(list)
    for national in areas:
        by_region[national.region_code].append(national)
    groups = []
    for code in sorted(by_region):
        members = by_region[code]
        groups += [members[i : i + AREAS_PER_PANEL] for i in range(0, len(members), AREAS_PER_PANEL)]
    panels = insert(
        Panel,
        [
            Panel(
                name=f"{group[0].area.name.removesuffix(' Safeguarding Children Partnership')} and neighbours "
                f"child death overview panel",
                slug=f"{group[0].area.slug}-cdop"[:100],
            )
            for group in groups
        ],
    )
    links = []
    for panel, group in zip(panels, groups, strict=True):
        for national in group:
            national.panel = panel
            links.append(Panel.areas.through(panel=panel, safeguardingarea=national.area))
        trail.add(actor, "panel.created", target("child_deaths.panel", panel.pk, panel.name), when=when)
    insert(Panel.areas.through, links)
    return panels


def _people(areas, national_body, trail, actor, when):
    # One hash for everyone: Argon2 takes a twentieth of a second a person, which 5,000 people would pay.
    password = make_password(env_str("DEMO_PASSWORD", DEFAULT_DEMO_PASSWORD))
    users, memberships = [], []
    for national in areas:
        for role, count in AREA_STAFF.items():
            for number in range(1, count + 1):
                kind = LEAD_CHIEF_OFFICER_KINDS[number - 1] if role == Role.LEAD_CHIEF_OFFICER else None
                org = {
                    Role.LEAD_CHIEF_OFFICER: national.partner(kind) if kind else None,
                    Role.PANEL_MEMBER: national.health,
                    Role.PANEL_MANAGER: national.health,
                    Role.RAPID_INQUIRY_LEAD: national.police,
                    Role.REVIEWER: national.agency,
                }.get(role, national.local_authority)
                user = User(
                    email=email(role, number, national.area.slug),
                    full_name=f"{Role(role).label} {number} of {national.area.name}"[:200],
                    password=password,
                    is_demo=True,
                    date_joined=when,
                )
                users.append(user)
                memberships.append((user, org, national.area, role))
                national.people[role].append(user)
    national_people = defaultdict(list)
    for role, count in NATIONAL_STAFF.items():
        for number in range(1, count + 1):
            user = User(
                email=email(role, number),
                full_name=f"{Role(role).label} {number}",
                password=password,
                is_demo=True,
                date_joined=when,
            )
            users.append(user)
            memberships.append((user, national_body, None, role))
            national_people[role].append(user)
    insert(User, users)
    rows = insert(Membership, [Membership(user=u, organisation=o, area=a, role=r) for u, o, a, r in memberships])
    for membership, (user, _org, area, role) in zip(rows, memberships, strict=True):
        trail.add(
            actor,
            "membership.granted",
            target("organisations.membership", membership.pk, user.email),
            {"role": role},
            when=when,
            area=area,
        )
    return national_people


def national_actor(user, organisation, role):
    return audit.Actor.person(user, organisation=organisation, role=role)
