# ruff: noqa: S608, S611 (SQL is built only from this module's fixed table and column names; every value
# a person typed is passed as a query parameter)
"""The facets of a repository search: what each one filters on and how its counts are made.

Filters combine with AND across facets and OR within one. A facet's counts are taken with every other
facet's filter applied but not its own, so the alternatives to a choice stay visible with their numbers.
"""

from collections import Counter
from dataclasses import dataclass

from django.db import connection
from django.db.models import Count, F
from django.db.models.expressions import RawSQL
from django.db.models.functions import ExtractYear

from safeguarding.incidents.choices import Harm, HarmKind
from safeguarding.organisations.models import OrganisationKind, Region

from ..models import AgeBand, EntryKind, FindingTheme, RepositoryEntry, Theme

MAX_VALUES_PER_FACET = 40
MAX_VALUE_CHARACTERS = 200


@dataclass(frozen=True)
class Option:
    value: str
    label: str
    count: int
    selected: bool


class Facet:
    key = ""  # the URL parameter
    label = ""

    def clean(self, values):
        return [v for v in values if v and len(v) <= MAX_VALUE_CHARACTERS][:MAX_VALUES_PER_FACET]

    def filter(self, entries, values):
        raise NotImplementedError

    def counts(self, entries):
        """{value: number of entries}"""
        raise NotImplementedError

    def labels(self, values):
        return {value: value for value in values}

    def order(self, options):
        return sorted(options, key=lambda option: (-option.count, option.label))

    def options(self, entries, selected):
        counts = self.counts(entries)
        values = [v for v, n in counts.items() if n] + [v for v in selected if not counts.get(v)]
        labels = self.labels(values)
        return self.order([Option(v, labels.get(v, v), counts.get(v, 0), v in selected) for v in dict.fromkeys(values)])


class FieldFacet(Facet):
    def __init__(self, key, label, field, choices=None):
        self.key, self.label, self.field, self.choices = key, label, field, dict(choices or {})

    def clean(self, values):
        values = super().clean(values)
        return [v for v in values if v in self.choices] if self.choices else values

    def filter(self, entries, values):
        return entries.filter(**{f"{self.field}__in": values})

    def counts(self, entries):
        rows = entries.order_by().values(self.field).annotate(n=Count("id"))
        return {row[self.field]: row["n"] for row in rows if row[self.field]}

    def labels(self, values):
        return {v: self.choices.get(v, v) for v in values}

    def order(self, options):
        if not self.choices:
            return super().order(options)
        position = {value: index for index, value in enumerate(self.choices)}
        return sorted(options, key=lambda option: position.get(option.value, len(position)))


class YearFacet(Facet):
    key, label = "year", "Year published"

    def clean(self, values):
        return [v for v in super().clean(values) if v.isdigit() and len(v) == 4]

    def filter(self, entries, values):
        return entries.filter(published_on__year__in=[int(v) for v in values])

    def counts(self, entries):
        rows = entries.order_by().annotate(y=ExtractYear("published_on")).values("y").annotate(n=Count("id"))
        return {str(row["y"]): row["n"] for row in rows}

    def order(self, options):
        return sorted(options, key=lambda option: option.value, reverse=True)


class RegionFacet(Facet):
    key, label = "region", "Region"

    def filter(self, entries, values):
        return entries.filter(region__code__in=values)

    def counts(self, entries):
        rows = entries.order_by().filter(region__isnull=False).values("region__code").annotate(n=Count("id"))
        return {row["region__code"]: row["n"] for row in rows}

    def labels(self, values):
        return dict(Region.objects.filter(code__in=values).values_list("code", "name"))


class JsonListFacet(Facet):
    """A facet over a JSON list of codes (kinds of harm, agencies): an entry counts once per code it has."""

    def __init__(self, key, label, field, choices):
        self.key, self.label, self.field, self.choices = key, label, field, dict(choices)

    def clean(self, values):
        return [v for v in super().clean(values) if v in self.choices]

    def filter(self, entries, values):
        table, column = RepositoryEntry._meta.db_table, RepositoryEntry._meta.get_field(self.field).column
        if connection.vendor == "sqlite":
            elements = f"json_each(e.{column}) AS j"
        else:
            elements = f"jsonb_array_elements_text(e.{column}) AS j(value)"
        placeholders = ", ".join(["%s"] * len(values))
        having = RawSQL(f"SELECT e.id FROM {table} AS e, {elements} WHERE j.value IN ({placeholders})", list(values))
        return entries.filter(id__in=having)

    def counts(self, entries):
        counter = Counter()
        for codes in entries.order_by().values_list(self.field, flat=True):
            counter.update(set(codes or []))
        return dict(counter)

    def labels(self, values):
        return {v: self.choices.get(v, v) for v in values}

    def order(self, options):
        position = {value: index for index, value in enumerate(self.choices)}
        return sorted(options, key=lambda option: position.get(option.value, len(position)))


class ThemeFacet(Facet):
    """Themes of the category scheme given to the current edition's findings."""

    key, label = "theme", "Theme"

    def _current_codes(self):
        return FindingTheme.objects.filter(finding__edition=F("finding__entry__edition"))

    def filter(self, entries, values):
        coded = self._current_codes().filter(theme__slug__in=values).values("finding__entry_id")
        return entries.filter(id__in=coded)

    def counts(self, entries):
        rows = (
            self._current_codes()
            .filter(finding__entry__in=entries.order_by().values("id"))
            .values("theme__slug")
            .annotate(n=Count("finding__entry", distinct=True))
        )
        return {row["theme__slug"]: row["n"] for row in rows}

    def labels(self, values):
        return dict(Theme.objects.filter(slug__in=values).values_list("slug", "name"))


FACETS = (
    YearFacet(),
    RegionFacet(),
    FieldFacet("area", "Area", "area_name"),
    FieldFacet("harm", "Harm", "harm", Harm.choices),
    JsonListFacet("harm_kind", "Kind of harm", "harm_kinds", HarmKind.choices),
    FieldFacet("age", "Child's age", "age_band", AgeBand.choices),
    FieldFacet("methodology", "Methodology", "methodology"),
    ThemeFacet(),
    JsonListFacet("agency", "Agencies involved", "agencies", OrganisationKind.choices),
    FieldFacet("kind", "Kind of report", "kind", EntryKind.choices),
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


def apply_filters(entries, selected, *, except_key=None):
    for key, values in selected.items():
        if key != except_key:
            entries = FACETS_BY_KEY[key].filter(entries, values)
    return entries
