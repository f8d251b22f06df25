"""Counts of coded findings by theme: the numbers behind the national intelligence page, the recurrence
alerts and the national body's reports.

Only the current edition of each report counts (a corrected report replaces its earlier findings), and
only findings a national analyst has coded (a finding's codes are its themes). A report's date is the
date it was published. Areas are counted by the area that wrote the report, frozen at publication; an
imported report without a linked area is counted by its area's name.

These functions count everything in the repository, including rapid inquiry summaries that are not
public, unless `public_only=True`. They are for the national roles: anything published from them must
pass through `safeguarding.stats.suppression` first.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import F

from safeguarding.learning.repository.models import FindingTheme, Theme


@dataclass(frozen=True)
class ThemeCount:
    theme: Theme
    findings: int
    reports: int
    areas: int
    # The contributing reports (RepositoryEntry pks), for links and for recurrence alerts.
    entry_ids: frozenset


@dataclass(frozen=True)
class YearCount:
    year: int
    findings: int
    reports: int
    areas: int


def area_key(area_id, area_name):
    """One area, whether linked to a SafeguardingArea or known only by its published name."""
    return ("area", area_id) if area_id is not None else ("name", area_name.strip().lower())


def coded_rows(start=None, end=None, *, region=None, themes=None, public_only=False):
    """(theme_id, finding_id, entry_id, area key, published_on) for each code on a current-edition finding
    of a report published between `start` and `end` (both inclusive, either may be None)."""
    codes = FindingTheme.objects.filter(finding__edition=F("finding__entry__edition"))
    if start is not None:
        codes = codes.filter(finding__entry__published_on__gte=start)
    if end is not None:
        codes = codes.filter(finding__entry__published_on__lte=end)
    if region is not None:
        codes = codes.filter(finding__entry__region=region)
    if themes is not None:
        codes = codes.filter(theme__in=themes)
    if public_only:
        codes = codes.filter(finding__entry__is_public=True)
    rows = codes.values_list(
        "theme_id",
        "finding_id",
        "finding__entry_id",
        "finding__entry__area_id",
        "finding__entry__area_name",
        "finding__entry__published_on",
    )
    for theme_id, finding_id, entry_id, area_id, area_name, published_on in rows.iterator(chunk_size=2000):
        yield theme_id, finding_id, entry_id, area_key(area_id, area_name), published_on


def coded_report_count(start, end):
    """Reports published between `start` and `end` (inclusive) with at least one coded current-edition finding:
    the volume a theme's share of reports is taken of."""
    codes = FindingTheme.objects.filter(
        finding__edition=F("finding__entry__edition"),
        finding__entry__published_on__gte=start,
        finding__entry__published_on__lte=end,
    )
    return codes.values("finding__entry_id").distinct().count()


def theme_counts(start, end, *, region=None, public_only=False, include_empty=False):
    """Per theme, between `start` and `end` (inclusive): coded findings, distinct reports, distinct areas.

    Sorted with the theme in most reports first (then most areas, most findings, scheme order). Themes
    with no coded finding in the period are left out unless `include_empty`.
    """
    findings, entries, areas = defaultdict(set), defaultdict(set), defaultdict(set)
    for theme_id, finding_id, entry_id, area, _published_on in coded_rows(
        start, end, region=region, public_only=public_only
    ):
        findings[theme_id].add(finding_id)
        entries[theme_id].add(entry_id)
        areas[theme_id].add(area)
    themes = Theme.objects.select_related("group")
    if not include_empty:
        themes = themes.filter(pk__in=findings.keys())
    counts = [
        ThemeCount(
            theme=theme,
            findings=len(findings[theme.pk]),
            reports=len(entries[theme.pk]),
            areas=len(areas[theme.pk]),
            entry_ids=frozenset(entries[theme.pk]),
        )
        for theme in themes
    ]
    order = {theme.pk: index for index, theme in enumerate(themes)}
    return sorted(counts, key=lambda count: (-count.reports, -count.areas, -count.findings, order[count.theme.pk]))


def theme_trend(theme, years, *, region=None, public_only=False):
    """One YearCount per year in `years` (calendar years of publication, in the order given)."""
    years = list(years)
    if not years:
        return []
    findings, entries, areas = defaultdict(set), defaultdict(set), defaultdict(set)
    rows = coded_rows(
        datetime.date(min(years), 1, 1),
        datetime.date(max(years), 12, 31),
        region=region,
        themes=[theme],
        public_only=public_only,
    )
    for _theme_id, finding_id, entry_id, area, published_on in rows:
        findings[published_on.year].add(finding_id)
        entries[published_on.year].add(entry_id)
        areas[published_on.year].add(area)
    return [YearCount(year, len(findings[year]), len(entries[year]), len(areas[year])) for year in years]


def coded_years(*, public_only=False):
    """The years of publication that have at least one coded finding, oldest first."""
    codes = FindingTheme.objects.filter(finding__edition=F("finding__entry__edition"))
    if public_only:
        codes = codes.filter(finding__entry__is_public=True)
    return [day.year for day in codes.dates("finding__entry__published_on", "year")]
