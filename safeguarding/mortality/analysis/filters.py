"""The filters an analyst applies to every page: year, region, age band, category."""

from dataclasses import dataclass

from safeguarding.child_deaths.models.vocabulary import AgeBand, Category


class FilterError(ValueError):
    """A filter value that is not allowed; `field` names the form field at fault."""

    def __init__(self, field, message):
        super().__init__(message)
        self.field = field


@dataclass(frozen=True)
class Filters:
    year: int | None = None
    region: str = ""
    age_band: str = ""
    category: str = ""

    @classmethod
    def parse(cls, query, *, years, regions):
        """From a query dict; unknown values raise ValueError naming the field (the page shows it)."""
        year = (query.get("year") or "").strip()
        region = (query.get("region") or "").strip()
        age_band = (query.get("age_band") or "").strip()
        category = (query.get("category") or "").strip()
        if year and (not year.isdigit() or int(year) not in years):
            raise FilterError("year", f"year must be one of the years with deaths recorded, got {year!r}")
        if region and region not in regions:
            raise FilterError("region", f"region must be one of England's regions, got {region!r}")
        if age_band and age_band not in AgeBand.values:
            raise FilterError("age_band", f"age_band must be one of the age bands, got {age_band!r}")
        if category and category not in Category.values:
            raise FilterError("category", f"category must be one of the ten categories, got {category!r}")
        return cls(int(year) if year else None, region, age_band, category)

    def apply(self, queryset):
        if self.year:
            queryset = queryset.filter(year_of_death=self.year)
        if self.region:
            queryset = queryset.filter(region_code=self.region)
        if self.age_band:
            queryset = queryset.filter(age_band=self.age_band)
        if self.category:
            queryset = queryset.filter(category=self.category)
        return queryset

    def as_query(self):
        pairs = {"year": self.year or "", "region": self.region, "age_band": self.age_band, "category": self.category}
        return {key: value for key, value in pairs.items() if value}
