"""A small corner of England's reference data (Teesside and Tyneside), as load_reference_data writes it."""

from types import SimpleNamespace

import pytest

from safeguarding.organisations.models import (
    ChildPopulation,
    IntegratedCareBoard,
    LocalAuthority,
    Organisation,
    OrganisationKind,
    PoliceForceArea,
    Region,
)

AUTHORITIES = [
    # code, name, police force, children 0-17 in 2024
    ("E06000001", "Hartlepool", "E23000013", 21_090),
    ("E06000002", "Middlesbrough", "E23000013", 35_617),
    ("E06000003", "Redcar and Cleveland", "E23000013", 27_499),
    ("E06000004", "Stockton-on-Tees", "E23000013", 45_102),
    ("E08000021", "Newcastle upon Tyne", "E23000007", 61_206),
]


@pytest.fixture
def geography(db):
    region = Region.objects.create(code="E12000001", name="North East")
    forces = {
        "E23000013": PoliceForceArea.objects.create(code="E23000013", name="Cleveland"),
        "E23000007": PoliceForceArea.objects.create(code="E23000007", name="Northumbria"),
    }
    icb = IntegratedCareBoard.objects.create(code="E54000050", name="NHS North East and North Cumbria ICB")
    other_icb = IntegratedCareBoard.objects.create(code="E54000051", name="NHS Merged North ICB")
    authorities = {}
    for code, name, force, children in AUTHORITIES:
        authority = LocalAuthority.objects.create(
            code=code, old_code=code[-3:], name=name, region=region, police_force_area=forces[force]
        )
        ChildPopulation.objects.create(
            level=ChildPopulation.Level.LOCAL_AUTHORITY, code=code, year=2024, children=children
        )
        ChildPopulation.objects.create(
            level=ChildPopulation.Level.LOCAL_AUTHORITY, code=code, year=2023, children=children
        )
        Organisation.objects.create(
            kind=OrganisationKind.LOCAL_AUTHORITY, name=f"{name} Council", code=code, local_authority=authority
        )
        authorities[name] = authority
    police = {
        code: Organisation.objects.create(
            kind=OrganisationKind.POLICE, name=f"{force.name} Police", code=code, police_force_area=force
        )
        for code, force in forces.items()
    }
    health = Organisation.objects.create(
        kind=OrganisationKind.HEALTH, name=icb.name, code=icb.code, integrated_care_board=icb
    )
    merged_health = Organisation.objects.create(
        kind=OrganisationKind.HEALTH, name=other_icb.name, code=other_icb.code, integrated_care_board=other_icb
    )
    return SimpleNamespace(
        authorities=authorities,
        cleveland_police=police["E23000013"],
        northumbria_police=police["E23000007"],
        health=health,
        merged_health=merged_health,
    )


@pytest.fixture
def national_admin(db):
    from safeguarding.organisations.factories import person_with_role
    from safeguarding.organisations.models import Role

    return person_with_role(Role.NATIONAL_ADMINISTRATOR, email="national.admin@example.org")


def council(authority):
    return Organisation.objects.get(local_authority=authority)


def form(admin, geography, names, *, name="Tees Valley Safeguarding Partnership", email_prefix="tees", **overrides):
    """Forms an area from the authorities `names` through the action, with all its invitations."""
    from safeguarding.onboarding.actions.areas import form_area

    authorities = [geography.authorities[n] for n in names]
    arguments = {
        "name": name,
        "local_authorities": authorities,
        "local_authority_partner": council(authorities[0]),
        "health_body": geography.health,
        "police_force": Organisation.objects.get(police_force_area=authorities[0].police_force_area),
        "administrator": ("Ada Admin", f"{email_prefix}.admin@example.org"),
        "chief_officers": {
            OrganisationKind.LOCAL_AUTHORITY: ("Lee Council", f"{email_prefix}.la@example.org"),
            OrganisationKind.HEALTH: ("Hana Health", f"{email_prefix}.health@example.org"),
            OrganisationKind.POLICE: ("Pat Police", f"{email_prefix}.police@example.org"),
        },
        "accept_url_builder": lambda token: f"https://example.org/invitations/#{token}",
    }
    arguments.update(overrides)
    return form_area(admin, **arguments)
