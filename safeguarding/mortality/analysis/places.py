"""Residence and place of death side by side: deaths in each specialist centre by the children's
home regions, and how many children died outside their home local authority."""

from dataclasses import dataclass

from django.db.models import Count

from safeguarding.child_deaths.models.vocabulary import PlaceOfDeath

from ..geography import region_names


@dataclass(frozen=True)
class PlaceTable:
    regions: list  # (code, name) columns
    rows: list  # (hospital, [deaths per region], total)
    place_types: list  # (label, deaths, share)
    away_from_home: int
    total: int


def residence_and_place(queryset):
    names = region_names()
    counts = queryset.exclude(hospital="").order_by().values_list("hospital", "region_code").annotate(n=Count("pk"))
    grid = {}
    for hospital, region, n in counts:
        grid.setdefault(hospital, {})[region] = n
    regions = sorted(names.items(), key=lambda item: item[1])
    rows = [
        (hospital, [grid[hospital].get(code, 0) for code, _ in regions], sum(grid[hospital].values()))
        for hospital in sorted(grid)
    ]
    total = queryset.count()
    by_type = dict(queryset.order_by().values_list("place_type").annotate(n=Count("pk")))
    place_types = [
        (label, by_type.get(value, 0), by_type.get(value, 0) / total if total else None)
        for value, label in PlaceOfDeath.choices
    ]
    away = queryset.exclude(place_la_code="").exclude(place_la_code__isnull=True)
    away_count = sum(1 for la, place in away.values_list("la_code", "place_la_code").iterator() if la != place)
    return PlaceTable(regions, rows, place_types, away_count, total)
