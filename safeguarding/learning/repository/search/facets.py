"""The facets of a repository search: what each one reads from an entry, how its options are labelled and
ordered, and which chosen values a request may carry.

Filters combine with AND across facets and OR within one. A facet's counts are taken with every other
facet's choices applied but not its own, so the alternatives to a choice stay visible with their numbers.
An entry's facet values are read (`facts_of`, two queries for any number of entries) only when the entry or
its codes change, into the facet index (facet_index.py); searches filter and count from bitmaps of it
(facet_sets.py).
"""

from dataclasses import dataclass

from django.db.models import F

from safeguarding.incidents.choices import Harm, HarmKind
from safeguarding.organisations.models import OrganisationKind, Region

from ..models import AgeBand, EntryKind, FindingTheme, Theme

MAX_VALUES_PER_FACET = 40
MAX_VALUE_CHARACTERS = 200
COLUMNS = (
    "id", "published_on", "region__code", "area_name", "harm", "harm_kinds", "age_band", "methodology", "agencies",
    "kind",
)  # fmt: skip


@dataclass(frozen=True)
class Option:
    value: str
    label: str
    count: int
    selected: bool


class Facet:
    """A facet over one column of the entry; `choices` (value -> label), when given, are the only values."""

    def __init__(self, key, label, column=None, choices=None):
        self.key, self.label, self.column, self.choices = key, label, column, dict(choices or {})

    def clean(self, values):
        values = [v for v in values if v and len(v) <= MAX_VALUE_CHARACTERS][:MAX_VALUES_PER_FACET]
        return [v for v in values if v in self.choices] if self.choices else values

    def values_of(self, facts):
        value = facts[self.column]
        return (value,) if value else ()

    def labels(self, values):
        return {v: self.choices.get(v, v) for v in values}

    def order(self, options):
        if self.choices:
            position = {value: index for index, value in enumerate(self.choices)}
            return sorted(options, key=lambda option: position.get(option.value, len(position)))
        return sorted(options, key=lambda option: (-option.count, option.label))

    def options(self, counts, selected):
        values = list(dict.fromkeys([v for v, n in counts.items() if n] + list(selected)))
        labels = self.labels(values)
        return self.order([Option(v, labels.get(v, v), counts.get(v, 0), v in selected) for v in values])


class YearFacet(Facet):
    def clean(self, values):
        return [v for v in super().clean(values) if v.isdigit() and len(v) == 4]

    def values_of(self, facts):
        return (str(facts["published_on"].year),)

    def order(self, options):
        return sorted(options, key=lambda option: option.value, reverse=True)


class ListFacet(Facet):
    """A JSON list of codes (kinds of harm, agencies): an entry counts once under each code it has."""

    def values_of(self, facts):
        return tuple(set(facts[self.column] or ()))


class RegionFacet(Facet):
    def labels(self, values):
        return dict(Region.objects.filter(code__in=values).values_list("code", "name"))


class ThemeFacet(Facet):
    """Themes of the category scheme given to the current edition's findings."""

    def values_of(self, facts):
        return facts["themes"]

    def labels(self, values):
        return dict(Theme.objects.filter(slug__in=values).values_list("slug", "name"))


FACETS = (
    YearFacet("year", "Year published"),
    RegionFacet("region", "Region", "region__code"),
    Facet("area", "Area", "area_name"),
    Facet("harm", "Harm", "harm", Harm.choices),
    ListFacet("harm_kind", "Kind of harm", "harm_kinds", HarmKind.choices),
    Facet("age", "Child's age", "age_band", AgeBand.choices),
    Facet("methodology", "Methodology", "methodology"),
    ThemeFacet("theme", "Theme"),
    ListFacet("agency", "Agencies involved", "agencies", OrganisationKind.choices),
    Facet("kind", "Kind of report", "kind", EntryKind.choices),
)
FACETS_BY_KEY = {facet.key: facet for facet in FACETS}


def selected_filters(query_dict):
    """{facet key: [cleaned values]} from a request's GET (unknown or malformed values are dropped)."""
    selected = {}
    for facet in FACETS:
        values = facet.clean(list(dict.fromkeys(query_dict.getlist(facet.key))))
        if values:
            selected[facet.key] = values
    return selected


def facts_of(entries):
    """Each entry's facet facts, current themes included, as dicts."""
    rows = list(entries.order_by().values(*COLUMNS))
    themes = {}
    codes = FindingTheme.objects.filter(
        finding__entry__in=entries.order_by().values("id"), finding__edition=F("finding__entry__edition")
    ).values_list("finding__entry_id", "theme__slug")
    for entry_id, slug in codes:
        themes.setdefault(entry_id, set()).add(slug)
    for row in rows:
        row["themes"] = tuple(themes.get(row["id"], ()))
    return rows
