"""Children at risk: the denominators of every rate.

Local authority, regional and national children aged 0-17 come from ChildPopulation for each year
of death (years after the series use its latest year, 2024). Every year is filed under today's
authorities (the loader files the counties replaced in 2020-23 under their unitary successors), so
authorities, panels and deprivation quintiles add up to England in every year. Age bands and sexes are England's
mid-2023 shares applied to those totals (reference.py). A rate over several years divides by the
sum of the yearly populations (child-years at risk).
"""

from collections import defaultdict
from dataclasses import dataclass, field

from safeguarding.organisations.models import ChildPopulation

from ..geography import LATEST_POPULATION_YEAR, authorities
from ..reference import age_band_shares, sex_shares


@dataclass
class Populations:
    years: list[int]
    national: float = 0
    region: dict = field(default_factory=dict)
    la: dict = field(default_factory=dict)
    panel: dict = field(default_factory=dict)
    quintile: dict = field(default_factory=dict)
    # The share of children the filters keep (the age band filter), applied to every denominator.
    scale: float = 1.0

    def for_key(self, dimension, key, *, region=""):
        """Children at risk behind one row of a breakdown, or None where there is no denominator."""
        base = self.region.get(region, 0) if region else self.national
        if dimension == "region":
            value = self.region.get(key)
        elif dimension == "la":
            value = self.la.get(key)
        elif dimension == "panel":
            value = self.panel.get(key)
        elif dimension == "quintile":
            value = self.quintile.get(key)
        elif dimension == "age_band":
            return base * age_band_shares()[key] if key in age_band_shares() else None
        elif dimension == "sex":
            share = sex_shares().get(key)
            value = base * share if share else None
        elif dimension in {"category", "all", "year", "financial_year"}:
            value = base
        else:
            return None
        return value * self.scale if value else None


def _population_year(year):
    return min(year, LATEST_POPULATION_YEAR)


def populations(years, *, age_band="", region=""):
    """Denominators summed over `years` (calendar years of death, or the first years of financial years)."""
    wanted = {_population_year(year) for year in years}
    rows = ChildPopulation.objects.filter(year__in=wanted).values_list("level", "code", "year", "children")
    by_year = defaultdict(dict)
    for level, code, year, children in rows:
        by_year[year][(level, code)] = children
    result = Populations(sorted(years))
    la_totals = defaultdict(float)
    region_totals = defaultdict(float)
    for year in years:
        figures = by_year.get(_population_year(year), {})
        for (level, code), children in figures.items():
            if level == ChildPopulation.Level.NATIONAL:
                result.national += children
            elif level == ChildPopulation.Level.REGIONAL:
                region_totals[code] += children
            else:
                la_totals[code] += children
    result.region = dict(region_totals)
    result.la = dict(la_totals)
    panel_totals = defaultdict(float)
    quintile_totals = defaultdict(float)
    for authority in authorities():
        if region and authority.region_code != region:
            continue
        children = la_totals.get(authority.code, 0)
        panel_totals[authority.panel] += children
        if authority.quintile is not None:
            quintile_totals[authority.quintile] += children
    panel_totals.update(_review_panels(la_totals, region))
    result.panel = dict(panel_totals)
    result.quintile = dict(quintile_totals)
    if age_band:
        result.scale = age_band_shares()[age_band]
    return result


def _review_panels(la_totals, region):
    """Children covered by the child death review panels (deaths synced from pillar 3 name them)."""
    from safeguarding.child_deaths.models import Panel

    totals = {}
    for panel in Panel.objects.prefetch_related("areas__local_authorities__region"):
        authorities_covered = {la for area in panel.areas.all() for la in area.local_authorities.all()}
        if region and not any(la.region.code == region for la in authorities_covered):
            continue
        children = sum(la_totals.get(la.code, 0) for la in authorities_covered)
        if children:
            totals[panel.name] = children
    return totals


def totals_by_year(years, *, age_band="", region=""):
    """{year: children} for England (or one region), scaled to the age band: one query for a trend."""
    level = ChildPopulation.Level.REGIONAL if region else ChildPopulation.Level.NATIONAL
    rows = ChildPopulation.objects.filter(level=level, year__in={_population_year(year) for year in years})
    if region:
        rows = rows.filter(code=region)
    children = dict(rows.values_list("year", "children"))
    scale = age_band_shares()[age_band] if age_band else 1.0
    return {year: children[_population_year(year)] * scale for year in years if _population_year(year) in children}
