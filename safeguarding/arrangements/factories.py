"""Factories for arrangements tests: an area with its three partners and their lead chief officers,
and drafts filled in enough to be complete."""

from dataclasses import dataclass

from safeguarding.organisations.factories import OrganisationFactory, person_with_role
from safeguarding.organisations.models import OrganisationKind, Role

from .actions import drafts
from .models import Evidence, Section


@dataclass
class Partnership:
    area: object
    administrator: object
    council_lco: object
    health_lco: object
    police_lco: object
    agency: object

    @property
    def chief_officers(self):
        return [self.council_lco, self.health_lco, self.police_lco]


def partnership(area):
    """The area's three statutory partners with a lead chief officer each, an administrator and a
    relevant agency."""
    council = OrganisationFactory(kind=OrganisationKind.LOCAL_AUTHORITY, name=f"{area.slug} council")
    health = OrganisationFactory(kind=OrganisationKind.HEALTH, name=f"{area.slug} ICB")
    police = OrganisationFactory(kind=OrganisationKind.POLICE, name=f"{area.slug} police")
    agency = OrganisationFactory(kind=OrganisationKind.YOUTH_JUSTICE, name=f"{area.slug} youth justice service")
    area.partners.add(council, health, police, agency)
    return Partnership(
        area=area,
        administrator=person_with_role(Role.AREA_ADMINISTRATOR, area, organisation=council),
        council_lco=person_with_role(Role.LEAD_CHIEF_OFFICER, area, organisation=council),
        health_lco=person_with_role(Role.LEAD_CHIEF_OFFICER, area, organisation=health),
        police_lco=person_with_role(Role.LEAD_CHIEF_OFFICER, area, organisation=police),
        agency=agency,
    )


def complete_draft(user, area, *, text="The partners agree this section."):
    """A new draft with every section written, evidence where needed and one relevant agency."""
    draft = drafts.start_draft(user, area)
    for section in Section.objects.filter(document=draft):
        drafts.edit_section(user, section, body=f"{text} ({section.title})", expected_version=section.version)
        if section.definition and section.definition.needs_evidence and not section.evidence.exists():
            Evidence.objects.create(
                section=section, title="Audit report", url="https://example.org/audit.pdf", added_by=user
            )
    agency = area.partners.exclude(kind__in=["local_authority", "health", "police"]).first()
    if agency is not None and not draft.relevant_agencies.filter(organisation=agency).exists():
        drafts.add_relevant_agency(user, draft, organisation=agency, role="Takes part in the risk strategy")
    draft.refresh_from_db()
    return draft


def local_authority(code, name, region, *, children=None, year=2024):
    """A local authority (with its police force area) in `region`, and optionally its child population."""
    from safeguarding.organisations.models import ChildPopulation, LocalAuthority, PoliceForceArea

    force, _ = PoliceForceArea.objects.get_or_create(code=f"E23{code[-6:]}", defaults={"name": f"{name} Police"})
    authority = LocalAuthority.objects.create(
        code=code, old_code=code[-3:], name=name, region=region, police_force_area=force
    )
    if children is not None:
        ChildPopulation.objects.create(level="local_authority", code=code, year=year, children=children)
    return authority
