"""The national transition table: every area in England and every local authority not yet in one."""

from dataclasses import dataclass, field

from safeguarding.organisations.models import LocalAuthority, Region, SafeguardingArea

from .transition import TransitionState, standings

NO_AREA_FORMED = "No area formed"


@dataclass
class AreaRow:
    area: SafeguardingArea
    regions: list
    local_authorities: list
    standing: object


@dataclass
class RegionGroup:
    region: Region
    areas: list = field(default_factory=list)
    unformed: list = field(default_factory=list)  # local authorities in no area

    @property
    def counts(self):
        counts = {state: 0 for state in TransitionState.values}
        for row in self.areas:
            counts[row.standing.state] += 1
        return counts


def transition_table(deadline, today):
    """(area rows sorted by name, region groups sorted by region name, summary counts by state)."""
    areas = list(
        SafeguardingArea.objects.filter(nation=SafeguardingArea.Nation.ENGLAND).prefetch_related(
            "local_authorities__region"
        )
    )
    states = standings(areas, deadline, today)
    rows = []
    for area in areas:
        authorities = sorted(area.local_authorities.all(), key=lambda la: la.name)
        regions = sorted({la.region for la in authorities}, key=lambda r: r.name)
        rows.append(AreaRow(area, regions, authorities, states[area.pk]))
    groups = {region.pk: RegionGroup(region) for region in Region.objects.all()}
    for row in rows:
        for region in row.regions:
            groups[region.pk].areas.append(row)
    for authority in LocalAuthority.objects.filter(safeguarding_areas__isnull=True).select_related("region"):
        groups[authority.region_id].unformed.append(authority)
    summary = {state: 0 for state in TransitionState.values}
    for row in rows:
        summary[row.standing.state] += 1
    summary_rows = [(TransitionState(state).label, count) for state, count in summary.items()]
    unformed_total = sum(len(group.unformed) for group in groups.values())
    return rows, sorted(groups.values(), key=lambda g: g.region.name), summary_rows, unformed_total


CSV_COLUMNS = ["Area", "Regions", "Local authorities", "State", "Published on", "Draft version"]


def csv_rows(rows, groups):
    for row in rows:
        yield [
            row.area.name,
            "; ".join(region.name for region in row.regions),
            "; ".join(f"{la.name} ({la.code})" for la in row.local_authorities),
            row.standing.label,
            row.standing.published_on.isoformat() if row.standing.published_on else "",
            row.standing.draft_number or "",
        ]
    for group in groups:
        for authority in group.unformed:
            yield [NO_AREA_FORMED, group.region.name, f"{authority.name} ({authority.code})", NO_AREA_FORMED, "", ""]
