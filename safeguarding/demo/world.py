"""The synthetic demo world: areas on England's real geography, with invented people.

Every person here is fictional. Areas use real local authorities, police forces and ICBs so that
the reference populations and regions line up; their names are descriptive, not the names of
any real partnership's documents.
"""

from dataclasses import dataclass

from safeguarding.organisations.models import OrganisationKind, Role


@dataclass(frozen=True)
class DemoArea:
    slug: str
    name: str
    local_authority_codes: tuple[str, ...]
    # Relevant agencies (Wood recommendation 3) invented for the area, as (kind, name).
    relevant_agencies: tuple[tuple[str, str], ...]


DEMO_AREAS = (
    DemoArea(
        slug="tees-valley",
        name="Tees Valley Safeguarding Children Partnership",
        local_authority_codes=("E06000001", "E06000002", "E06000003", "E06000004"),
        relevant_agencies=(
            (OrganisationKind.SCHOOL, "Riverside Learning Trust"),
            (OrganisationKind.PROBATION, "Probation Service, Tees Valley"),
            (OrganisationKind.YOUTH_JUSTICE, "Tees Valley Youth Justice Service"),
            (OrganisationKind.VOLUNTARY, "Family Lifeline Tees"),
        ),
    ),
    DemoArea(
        slug="leeds",
        name="Leeds Safeguarding Children Partnership",
        local_authority_codes=("E08000035",),
        relevant_agencies=(
            (OrganisationKind.SCHOOL, "Aire Valley Academies"),
            (OrganisationKind.YOUTH_JUSTICE, "Leeds Youth Justice Service"),
            (OrganisationKind.VOLUNTARY, "Young Lives Leeds"),
        ),
    ),
    DemoArea(
        slug="bristol",
        name="Bristol Safeguarding Children Partnership",
        local_authority_codes=("E06000023",),
        relevant_agencies=((OrganisationKind.VOLUNTARY, "Harbourside Family Support"),),
    ),
)

NATIONAL_BODY_NAME = "National Safeguarding Learning Body"
# Where the demo areas' reviewers work: an independent practice, partner of no area.
INDEPENDENT_PRACTICE_NAME = "Northern Independent Review Practice"


@dataclass(frozen=True)
class DemoPerson:
    email_name: str
    full_name: str
    role: str
    # Which of the area's organisations the role is held for: "local_authority", "health",
    # "police", a relevant agency's kind, "national_body", or "independent_practice" (the reviewers'
    # own practice, which is no agency of the area, so the independence check lets them lead its inquiries).
    organisation: str


# One account per area role in every demo area. The names here are Tees Valley's; the other areas' people
# have names of their own (AREA_NAMES), so that two accounts never read as one person.
AREA_PEOPLE = (
    DemoPerson("area.admin", "Amira Khan", Role.AREA_ADMINISTRATOR, "local_authority"),
    DemoPerson("lco.council", "Robert Hughes", Role.LEAD_CHIEF_OFFICER, "local_authority"),
    DemoPerson("lco.health", "Grace Okafor", Role.LEAD_CHIEF_OFFICER, "health"),
    DemoPerson("lco.police", "Daniel Price", Role.LEAD_CHIEF_OFFICER, "police"),
    DemoPerson("practitioner", "Sophie Turner", Role.PRACTITIONER, "local_authority"),
    DemoPerson("ri.lead", "Marcus Bennett", Role.RAPID_INQUIRY_LEAD, "police"),
    DemoPerson("reviewer", "Helen Marsh", Role.REVIEWER, "independent_practice"),
    DemoPerson("panel.member", "Priya Shah", Role.PANEL_MEMBER, "health"),
    DemoPerson("panel.manager", "Thomas Reid", Role.PANEL_MANAGER, "health"),
)
AREAS_WITH_PEOPLE = ("tees-valley", "leeds", "bristol")
AREA_NAMES = {
    "leeds": {
        "area.admin": "Nadia Hussain",
        "lco.council": "Simon Whitaker",
        "lco.health": "Ama Mensah",
        "lco.police": "Gavin Lloyd",
        "practitioner": "Chloe Barker",
        "ri.lead": "Kieran Doyle",
        "reviewer": "Rachel Dunmore",
        "panel.member": "Kwame Asante",
        "panel.manager": "Laura Finch",
    },
    "bristol": {
        "area.admin": "Joanna Pike",
        "lco.council": "Martin Osei",
        "lco.health": "Claire Donovan",
        "lco.police": "Stephen Walsh",
        "practitioner": "Megan Hale",
        "ri.lead": "Tariq Rahman",
        "reviewer": "Susan Elwood",
        "panel.member": "Anjali Mehta",
        "panel.manager": "Owen Pritchard",
    },
}

NATIONAL_PEOPLE = (
    DemoPerson("national.analyst", "Oliver Grant", Role.NATIONAL_ANALYST, "national_body"),
    DemoPerson("national.admin", "Fatima Ali", Role.NATIONAL_ADMINISTRATOR, "national_body"),
)

DEMO_EMAIL_DOMAIN = "demo.safeguarding.example"


def full_name(person, area_slug=None):
    """The person's name in the area: each area's people are different people."""
    return AREA_NAMES.get(area_slug, {}).get(person.email_name, person.full_name)


def demo_email(person, area_slug=None):
    prefix = f"{person.email_name}.{area_slug}" if area_slug else person.email_name
    return f"{prefix}@{DEMO_EMAIL_DOMAIN}"


# The fixed TOTP secret every demo account uses, so a newcomer can add one entry to an
# authenticator app (or run `manage.py demo_totp_code`). Published on purpose: demo accounts
# cannot sign in where DEMO_ACCOUNTS_ENABLED is false, as in production.
DEMO_TOTP_KEY_HEX = "3132333435363738393031323334353637383930"
