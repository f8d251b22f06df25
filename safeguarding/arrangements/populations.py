"""Children in an area and the children each statutory partner serves there, from ChildPopulation."""

from collections import defaultdict

from django.db.models import Max

from safeguarding.organisations.models import ChildPopulation, LocalAuthorityIcbShare, SafeguardingArea

from .funding import Partner


def _children_by_authority(authorities, year):
    """{LA code: children} from the latest estimate in or before `year` (estimates lag a year or two)."""
    codes = [la.code for la in authorities]
    rows = ChildPopulation.objects.filter(level=ChildPopulation.Level.LOCAL_AUTHORITY, code__in=codes, year__lte=year)
    latest = dict(rows.values_list("code").annotate(latest=Max("year")))
    return {row.code: row.children for row in rows if latest.get(row.code) == row.year}


def area_children(area, year):
    """The area's children, or None when no estimate is loaded for any of its authorities."""
    return children_of_areas([area], [year])[area.pk, year]


def children_of_areas(areas, years):
    """{(area id, year): the area's children, or None} for every area and year, read together: a list of areas or
    of years costs the same two reads however long it is. Each authority counts its latest estimate in or before
    the year, as `_children_by_authority` does for one area."""
    area_ids = [area.pk for area in areas]
    codes_of_area = defaultdict(set)
    links = SafeguardingArea.local_authorities.through.objects.filter(safeguardingarea_id__in=area_ids)
    for area_id, code in links.values_list("safeguardingarea_id", "localauthority__code"):
        codes_of_area[area_id].add(code)
    estimates = defaultdict(dict)  # code -> {year: children}
    if years:
        rows = ChildPopulation.objects.filter(
            level=ChildPopulation.Level.LOCAL_AUTHORITY,
            code__in=set().union(*codes_of_area.values()) if codes_of_area else set(),
            year__lte=max(years),
        )
        for code, estimate_year, children in rows.values_list("code", "year", "children"):
            estimates[code][estimate_year] = children
    counted = {}
    for area_id in area_ids:
        for year in years:
            latest = {}
            for code in codes_of_area[area_id]:
                known = [estimate_year for estimate_year in estimates[code] if estimate_year <= year]
                if known:
                    latest[code] = estimates[code][max(known)]
            counted[area_id, year] = sum(latest.values()) if latest else None
    return counted


def statutory_partners(area, year):
    """The area's statutory partners as funding.Partner rows, each with the children it serves there."""
    authorities = list(area.local_authorities.all())
    counts = _children_by_authority(authorities, year)
    shares = LocalAuthorityIcbShare.objects.filter(local_authority__in=authorities)
    partners = []
    for organisation in area.partners.filter(kind__in=["local_authority", "health", "police"]).order_by("kind", "name"):
        served = None
        if organisation.local_authority_id:
            served = counts.get(organisation.local_authority.code)
        elif organisation.police_force_area_id:
            served = sum(
                counts.get(la.code, 0)
                for la in authorities
                if la.police_force_area_id == organisation.police_force_area_id
            )
        elif organisation.integrated_care_board_id:
            served = round(
                sum(
                    counts.get(share.local_authority.code, 0) * float(share.share)
                    for share in shares.select_related("local_authority")
                    if share.integrated_care_board_id == organisation.integrated_care_board_id
                )
            )
        partners.append(Partner(organisation.pk, organisation.name, organisation.kind, served))
    return partners
