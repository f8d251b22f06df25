"""Topic briefings: each theme's published counts by year, and the learning behind them.

Published material only (public reports, current editions, coded findings). Every count passes through
`disclosure` before it is shown; the findings and reports columns add up to their totals, so they are
suppressed as tables (no hidden count can be recovered by subtraction).
"""

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import F

from safeguarding.learning.intelligence.analysis import coded_rows
from safeguarding.learning.repository.models import RepositoryEntry, RepositoryFinding, Theme

from . import disclosure


@dataclass(frozen=True)
class PublishedRow:
    label: str
    findings: int | None  # None when hidden
    reports: int | None
    areas: int | None

    @property
    def findings_text(self):
        return disclosure.count(self.findings)

    @property
    def reports_text(self):
        return disclosure.count(self.reports)

    @property
    def areas_text(self):
        return disclosure.count(self.areas)


@dataclass(frozen=True)
class ThemeTable:
    theme: Theme
    years: list  # PublishedRow per year, oldest first
    total: PublishedRow


def _published_sets():
    """{theme id: {year: (finding ids, entry ids, area keys)}} and the same over all years, in one pass."""
    by_year = defaultdict(lambda: defaultdict(lambda: (set(), set(), set())))
    overall = defaultdict(lambda: (set(), set(), set()))
    for theme_id, finding_id, entry_id, area, published_on in coded_rows(public_only=True):
        for sets in (by_year[theme_id][published_on.year], overall[theme_id]):
            sets[0].add(finding_id)
            sets[1].add(entry_id)
            sets[2].add(area)
    return by_year, overall


def _alone(value):
    """A count that adds up to nothing published: hidden on its own when small."""
    return None if disclosure.is_hidden(value) else value


def _table(theme, per_year, overall, years):
    findings, findings_total = disclosure.column_with_total([len(per_year[year][0]) for year in years])
    reports, reports_total = disclosure.column_with_total([len(per_year[year][1]) for year in years])
    # Areas do not add up across years (one area writes in many), so each is hidden on its own.
    areas = [_alone(len(per_year[year][2])) for year in years]
    rows = [PublishedRow(str(year), findings[index], reports[index], areas[index]) for index, year in enumerate(years)]
    total = PublishedRow("All years", findings_total, reports_total, _alone(len(overall[2])))
    return ThemeTable(theme, rows, total)


def _years(by_year):
    """Every year from the first to the last with published coded findings (gaps shown as 0)."""
    seen = {year for per_year in by_year.values() for year in per_year}
    return list(range(min(seen), max(seen) + 1)) if seen else []


def all_theme_tables():
    """One table per active theme in the scheme's order, for the index of briefings."""
    by_year, overall = _published_sets()
    years = _years(by_year)
    themes = Theme.objects.filter(is_active=True).select_related("group")
    return [_table(theme, by_year[theme.pk], overall[theme.pk], years) for theme in themes]


def theme_table(theme):
    by_year, overall = _published_sets()
    return _table(theme, by_year[theme.pk], overall[theme.pk], _years(by_year))


def extracts(theme):
    """The published findings coded with `theme`, newest report first: the learning in the reports' words."""
    return (
        RepositoryFinding.objects.filter(
            codes__theme=theme, entry__in=RepositoryEntry.objects.public(), edition=F("entry__edition")
        )
        .select_related("entry")
        .order_by("-entry__published_on", "entry__reference", "position")
    )
