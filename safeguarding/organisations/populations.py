"""Children (0-17) covered by groups of safeguarding areas: a panel's areas, or the areas proposed for one.

Each group counts from the latest year that has a figure for every one of its local authorities. All groups are
counted from two reads, so a list of panels costs the same however many panels it shows.
"""

from collections import defaultdict

from .models import ChildPopulation, SafeguardingArea


def children_of_area_groups(groups):
    """{key: (children, year)} for {key: areas (instances or ids)}; (0, None) for a group with no complete year."""
    area_ids = {key: {getattr(area, "pk", area) for area in areas} for key, areas in groups.items()}
    codes_of_area = defaultdict(set)
    every_area = set().union(*area_ids.values()) if area_ids else set()
    links = SafeguardingArea.local_authorities.through.objects.filter(safeguardingarea_id__in=every_area)
    for area_id, code in links.values_list("safeguardingarea_id", "localauthority__code"):
        codes_of_area[area_id].add(code)
    every_code = set().union(*codes_of_area.values()) if codes_of_area else set()
    figures = defaultdict(dict)  # year -> {code: children}
    rows = ChildPopulation.objects.filter(level=ChildPopulation.Level.LOCAL_AUTHORITY, code__in=every_code)
    for code, year, children in rows.values_list("code", "year", "children"):
        figures[year][code] = children
    counted = {}
    for key, ids in area_ids.items():
        codes = set().union(*(codes_of_area[area_id] for area_id in ids)) if ids else set()
        complete = [year for year, by_code in figures.items() if codes and codes <= by_code.keys()]
        if not complete:
            counted[key] = (0, None)
            continue
        year = max(complete)
        counted[key] = (sum(figures[year][code] for code in codes), year)
    return counted
