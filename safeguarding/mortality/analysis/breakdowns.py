"""Deaths and rates per 100,000 children by one dimension, with 95% confidence limits."""

from dataclasses import dataclass

from django.db.models import Count

from safeguarding import stats
from safeguarding.child_deaths.models.vocabulary import AgeBand, Category, EthnicityGroup, Sex

from ..geography import authority_names, region_names
from ..models import financial_year_label
from .denominators import populations, totals_by_year

PER = 100_000
QUINTILE_LABELS = {1: "1 (most deprived)", 2: "2", 3: "3", 4: "4", 5: "5 (least deprived)"}

# dimension -> (model field, the title of its column)
DIMENSIONS = {
    "age_band": ("age_band", "Age at death"),
    "sex": ("sex", "Sex"),
    "ethnicity": ("ethnicity_group", "Ethnic group"),
    "region": ("region_code", "Region of residence"),
    "panel": ("panel", "Child death overview panel"),
    "la": ("la_code", "Local authority of residence"),
    "quintile": ("deprivation_quintile", "Deprivation quintile of the local authority"),
    "category": ("category", "Category of death"),
    "year": ("year_of_death", "Year of death"),
    "financial_year": ("financial_year", "Financial year of death"),
}


@dataclass(frozen=True)
class RateRow:
    key: object
    label: str
    deaths: int
    population: float | None
    rate: float | None
    lower: float | None
    upper: float | None
    share: float | None = None  # of all deaths in the table, 0-1, with Wilson limits below
    share_lower: float | None = None
    share_upper: float | None = None


def _labels(dimension):
    if dimension == "age_band":
        return dict(AgeBand.choices)
    if dimension == "sex":
        return dict(Sex.choices)
    if dimension == "ethnicity":
        return dict(EthnicityGroup.choices)
    if dimension == "category":
        return {**dict(Category.choices), "": "Not yet reviewed"}
    if dimension == "region":
        return region_names()
    if dimension == "la":
        return authority_names()
    if dimension == "quintile":
        return {**QUINTILE_LABELS, None: "Not known"}
    return {}


def _label(dimension, key, labels):
    if dimension == "financial_year":
        return financial_year_label(key)
    return str(labels.get(key, key if key not in (None, "") else "Not recorded"))


def years_of(queryset, dimension="year"):
    field = "financial_year" if dimension == "financial_year" else "year_of_death"
    return sorted(queryset.order_by().values_list(field, flat=True).distinct())


def rates_by(queryset, dimension, filters):
    """One row per value of the dimension (every known value, zeros included where it has a denominator)."""
    if dimension not in DIMENSIONS:
        raise ValueError(f"dimension must be one of {', '.join(DIMENSIONS)}, got {dimension!r}")
    field = DIMENSIONS[dimension][0]
    counts = dict(queryset.order_by().values_list(field).annotate(n=Count("pk")))
    years = [filters.year] if filters.year else years_of(queryset, dimension)
    labels = _labels(dimension)
    if dimension in {"year", "financial_year"}:
        keys = years
    else:
        keys = list(labels) if dimension not in {"la", "panel"} else []
        keys += [key for key in counts if key not in keys]
        if dimension == "category" and "" not in counts:
            keys.remove("")
        if dimension == "quintile" and None not in counts:
            keys.remove(None)
    total = sum(counts.values())
    rows = []
    by_year = {}
    if dimension in {"year", "financial_year"}:
        by_year = totals_by_year(keys, age_band=filters.age_band, region=filters.region)
    for key in keys:
        deaths = counts.get(key, 0)
        if dimension in {"year", "financial_year"}:
            population = by_year.get(key)
        else:
            population = _shared_populations(queryset, years, filters).for_key(dimension, key, region=filters.region)
        rows.append(_row(dimension, key, labels, deaths, population, total))
    return rows


def _shared_populations(queryset, years, filters):
    # Cached on the queryset object: a page asks for many breakdowns over the same years.
    cache = queryset.__dict__.setdefault("_mortality_populations", {})
    key = (tuple(years), filters.age_band, filters.region)
    if key not in cache:
        cache[key] = populations(years, age_band=filters.age_band, region=filters.region)
    return cache[key]


def _row(dimension, key, labels, deaths, population, total):
    share = stats.wilson_ci(deaths, total) if total else (None, None, None)
    shares = {"share": share[0], "share_lower": share[1], "share_upper": share[2]}
    if population:
        estimate = stats.rate_with_ci(deaths, population, per=PER)
        return RateRow(key, _label(dimension, key, labels), deaths, population, *estimate, **shares)
    return RateRow(key, _label(dimension, key, labels), deaths, None, None, None, None, **shares)


def overall(queryset, filters):
    """All deaths in the selection, with the rate per 100,000 children."""
    years = [filters.year] if filters.year else years_of(queryset)
    deaths = queryset.count()
    if not years:
        return RateRow("all", "All deaths", 0, None, None, None, None)
    population = _shared_populations(queryset, years, filters).for_key("all", "all", region=filters.region)
    return _row("all", "all", {}, deaths, population, deaths)


def complete_years(queryset, dimension="year"):
    """Years (or financial years) with deaths recorded in all twelve of their months: a trend over a
    part year would read a short year as a fall."""
    field = "financial_year" if dimension == "financial_year" else "year_of_death"
    months = queryset.order_by().values_list(field, "month_of_death").distinct()
    seen = {}
    for year, month in months:
        seen.setdefault(year, set()).add(month)
    return sorted(year for year, found in seen.items() if len(found) == 12)
