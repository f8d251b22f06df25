"""England's geography as the national analysis sees it: local authorities, their region, panel,
children and deprivation, and the specialist children's hospitals where many children die."""

from dataclasses import dataclass

from safeguarding.organisations.models import ChildPopulation, LocalAuthority, Region

from .reference import deprivation_quintiles

# The latest year of the child population series; later years use it (the series ends at mid-2024).
LATEST_POPULATION_YEAR = 2024

# Specialist children's hospitals (real places; the deaths attributed to them are synthetic),
# by the region whose children they mostly receive, with the local authority they stand in.
SPECIALIST_CENTRES = {
    "E12000001": [("Great North Children's Hospital", "E08000021")],
    "E12000002": [
        ("Alder Hey Children's Hospital", "E08000012"),
        ("Royal Manchester Children's Hospital", "E08000003"),
    ],
    "E12000003": [("Leeds Children's Hospital", "E08000035"), ("Sheffield Children's Hospital", "E08000039")],
    "E12000004": [("Nottingham Children's Hospital", "E06000018")],
    "E12000005": [("Birmingham Children's Hospital", "E08000025")],
    "E12000006": [("Great Ormond Street Hospital", "E09000007")],
    "E12000007": [("Great Ormond Street Hospital", "E09000007"), ("Evelina London Children's Hospital", "E09000022")],
    "E12000008": [("Southampton Children's Hospital", "E06000045"), ("Oxford Children's Hospital", "E10000025")],
    "E12000009": [("Bristol Royal Hospital for Children", "E06000023")],
}
SPECIALIST_HOSPITALS = frozenset(name for centres in SPECIALIST_CENTRES.values() for name, _ in centres)


@dataclass(frozen=True)
class Authority:
    code: str
    name: str
    region_code: str
    panel: str
    quintile: int | None


def panel_name_for_icb(icb_name):
    """Child death review partners are the local authorities and ICBs: one panel per ICB footprint."""
    name = icb_name.removeprefix("NHS ").removesuffix(" Integrated Care Board").removesuffix(" ICB")
    return f"{name} Child Death Overview Panel"


def authorities():
    """Every children's services authority with its region, panel (its largest ICB's) and quintile."""
    quintiles = deprivation_quintiles()
    rows = []
    queryset = LocalAuthority.objects.select_related("region").prefetch_related(
        "localauthorityicbshare_set__integrated_care_board"
    )
    for authority in queryset.order_by("code"):
        shares = sorted(
            authority.localauthorityicbshare_set.all(),
            key=lambda share: (-share.share, share.integrated_care_board.code),
        )
        panel = (
            panel_name_for_icb(shares[0].integrated_care_board.name)
            if shares
            else f"{authority.region.name} Child Death Overview Panel"
        )
        rows.append(
            Authority(authority.code, authority.name, authority.region.code, panel, quintiles.get(authority.code))
        )
    return rows


def population_year(year):
    return min(year, LATEST_POPULATION_YEAR)


def children_by_code(level, year):
    """{code: children aged 0-17} for a level in `year` (the latest year for years after the series)."""
    rows = ChildPopulation.objects.filter(level=level, year=population_year(year))
    return dict(rows.values_list("code", "children"))


def region_names():
    return dict(Region.objects.values_list("code", "name"))


def authority_names():
    return dict(LocalAuthority.objects.values_list("code", "name"))
