"""Latency of the national repository's search at about 2,000 reports, on SQLite FTS5 and PostgreSQL.

    .venv/bin/python benchmarks/learning_search.py [--reports 2000] [--repeats 10]
    BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/learning_bench .venv/bin/python benchmarks/learning_search.py

Builds a fresh SQLite database in a temporary directory (the project's database is not touched): migrates,
loads England's reference geography, takes in `--reports` synthetic reports through the repository's
`receive` action (the deterministic corpus of repository/synthetic.py: varied findings written from the
category scheme's phrase banks, 40 areas in nine regions, 2019-2026), codes their findings, and does what
routine maintenance would (ANALYZE; VACUUM on PostgreSQL, FTS5 optimize on SQLite). Then it times
each of 24 representative searches (single words, phrases, several words, bad syntax, facets, browsing,
a later page) through `search()`, the interface the pages call (ranking, snippets and every facet's
counts included), three ways after one warm-up each: first time (the cache cleared before each call),
repeated (the same call again), and first after a report arrives (the repository's data version changed
before each call, as receiving a report or coding a finding changes it). Then the public page itself through
Django's test client, what a change costs its writer (`facet_index.refresh` of one entry), and a build of the
facet bitmaps from nothing. The load average is printed at the start and the end: on this shared 2-core
machine it says how far the figures are from an idle one's.

With BENCH_DATABASE_URL set it does the same against that PostgreSQL database (migrated; seeded only if its
repository is empty). It prints figures; it asserts nothing.
"""

import argparse
import io
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

# (label, query text, facet filters, sort, page)
QUERIES = [
    ("one word", "neglect", {}, "relevance", 1),
    ("one word", "grooming", {}, "relevance", 1),
    ("one word", "methadone", {}, "relevance", 1),
    ("one word", "housing", {}, "relevance", 1),
    ("one word, stemmed", "supervised", {}, "relevance", 1),
    ("one word, rare", "consanguinity", {}, "relevance", 1),
    ("phrase", '"domestic violence"', {}, "relevance", 1),
    ("phrase", '"health visitor"', {}, "relevance", 1),
    ("phrase", '"voice of the child"', {}, "relevance", 1),
    ("phrase", '"coercive control"', {}, "relevance", 1),
    ("words", "baby bruising hospital", {}, "relevance", 1),
    ("words", "police school exclusion", {}, "relevance", 1),
    ("words", "mental health mother", {}, "relevance", 1),
    ("bad syntax", 'neglect AND "unbalanced', {}, "relevance", 1),
    ("bad syntax", "NEAR(abuse* ^police -school", {}, "relevance", 1),
    ("word + year", "neglect", {"year": ["2024"]}, "relevance", 1),
    ("phrase + region", '"domestic violence"', {"region": ["E12000007", "E12000002"]}, "relevance", 1),
    ("word + theme", "school", {"theme": ["exploitation"]}, "relevance", 1),
    ("word + harm + age", "hospital", {"harm": ["death"], "age": ["under_1"]}, "relevance", 1),
    ("facets only", "", {"harm_kind": ["neglect"], "agency": ["police"]}, "newest", 1),
    ("browse newest", "", {}, "newest", 1),
    ("browse oldest, page 5", "", {}, "oldest", 5),
    ("word, newest first", "neglect", {}, "newest", 1),
    ("word, page 3", "the", {}, "relevance", 3),
]


def _percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def _seed(reports):
    from django.db.models import F

    from safeguarding.core import audit
    from safeguarding.learning.repository.actions import receive
    from safeguarding.learning.repository.models import FindingTheme, RepositoryEntry, RepositoryFinding, Theme
    from safeguarding.learning.repository.search import facet_index
    from safeguarding.learning.repository.synthetic import generate_corpus
    from safeguarding.organisations.models import Region

    if RepositoryEntry.objects.exists():
        print(f"  the repository already holds {RepositoryEntry.objects.count():,} entries: not seeding")
        return
    regions = {region.code: region for region in Region.objects.all()}
    themes = {theme.slug: theme.pk for theme in Theme.objects.all()}
    actor = audit.Actor.system("benchmark")
    started = time.perf_counter()
    for report in generate_corpus(reports=reports):
        report.incoming.region = regions.get(report.region_code)
        entry, _ = receive(report.incoming, actor=actor, today=report.incoming.published_on)
        findings = RepositoryFinding.objects.filter(entry=entry, edition=F("entry__edition")).order_by("position")
        FindingTheme.objects.bulk_create(
            [
                FindingTheme(finding=finding, theme_id=themes[slug])
                for finding, codes in zip(findings, report.intended_codes, strict=True)
                for slug in codes
                if slug in themes
            ]
        )
    facet_index.refresh(RepositoryEntry.objects.values_list("pk", flat=True))
    findings = RepositoryFinding.objects.count()
    print(f"  {reports:,} reports ({findings:,} findings) received and coded in {time.perf_counter() - started:.0f} s")


def _maintain():
    """What each engine's routine maintenance does to a table that has just had thousands of rows: fresh
    planner statistics (so PostgreSQL chooses the GIN index), a merged GIN pending list and FTS5 segments."""
    from django.db import connection

    from safeguarding.learning.repository.search.index_sql import ENTRY_TABLE, FTS_TABLE

    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f"VACUUM ANALYZE {ENTRY_TABLE}")
        else:
            cursor.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('optimize')")  # noqa: S608 (fixed names)
            cursor.execute("ANALYZE")


def _time(call, repeats, before=None):
    call()  # warm-up
    timings = []
    for _ in range(repeats):
        if before:
            before()
        begun = time.perf_counter()
        call()
        timings.append((time.perf_counter() - begun) * 1000)
    return timings


def _summary(name, timings):
    return f"{name} median {statistics.median(timings):.1f} ms, 95th percentile {_percentile(timings, 0.95):.1f} ms"


def run(database_url, reports, repeats):
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.local"
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    import django

    django.setup()
    import logging

    logging.disable(logging.WARNING)
    from django.core.cache import cache
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import setup_test_environment

    from safeguarding.learning.repository.models import RepositoryEntry
    from safeguarding.learning.repository.search import facet_index, facet_sets, search

    setup_test_environment()
    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    call_command("load_reference_data", stdout=io.StringIO())
    print(f"{connection.vendor} ({connection.settings_dict['NAME']}):")
    _seed(reports)
    _maintain()

    client = Client()
    public = RepositoryEntry.objects.public()
    one_entry = RepositoryEntry.objects.order_by("id").values_list("id", flat=True).first()

    writes = []

    def report_arrived():
        # What a report arriving (or a finding coded) does to search: the repository's data version changes,
        # so nothing computed before it is used again. Timed too: what the change costs its writer.
        begun = time.perf_counter()
        facet_index.refresh([one_entry])
        writes.append((time.perf_counter() - begun) * 1000)

    print(f"  load average at start {' '.join(f'{n:.1f}' for n in os.getloadavg())}")
    print(
        f"  {'query':<44} {'hits':>6} {'first time':>11} {'p95':>6} {'repeated':>9} {'p95':>6}"
        f" {'after change':>13} {'page':>8}"
    )
    first, repeated, changed, pages = [], [], [], []
    for label, text, selected, sort, page in QUERIES:
        options = {"entries": public, "selected": selected, "sort": sort, "page": page}

        def call(text=text, options=options):
            return search(text, **options)

        results = call()
        cold = _time(call, repeats, before=cache.clear)
        warm = _time(call, repeats)
        after_change = _time(call, repeats, before=report_arrived)
        parameters = [("q", text), ("sort", sort), ("page", page)] + [(k, v) for k, vs in selected.items() for v in vs]
        url = f"/learning/?{urlencode(parameters)}"
        page_timings = _time(lambda url=url: client.get(url), repeats)
        first += cold
        repeated += warm
        changed += after_change
        pages += page_timings
        shown = f"{label}: {text or '(no query)'} {' '.join(f'{k}={v}' for k, vs in selected.items() for v in vs)}"
        print(
            f"  {shown[:44]:<44} {results.total:>6}"
            f" {statistics.median(cold):>8.1f} ms {_percentile(cold, 0.95):>3.0f} ms"
            f" {statistics.median(warm):>6.1f} ms {_percentile(warm, 0.95):>3.0f} ms"
            f" {statistics.median(after_change):>10.1f} ms {statistics.median(page_timings):>5.1f} ms"
        )
    print(f"  all {len(QUERIES)} queries x {repeats}, search():")
    print(f"    {_summary('first time (the cache cleared before each call)', first)}")
    print(f"    {_summary('repeated (the same call again)', repeated)}")
    print(f"    {_summary('first after a report arrives (the data version changed before each call)', changed)}")
    print(f"  the public page, repeated: {_summary('', pages).strip()}")
    print(f"  facet_index.refresh of one entry (the writer's side of a change): {_summary('', writes).strip()}")
    if hasattr(facet_sets, "_build"):
        builds = _time(lambda: facet_sets._build("benchmark"), repeats)
        print(f"  facet sets built from scratch (a cold cache and process): {_summary('', builds).strip()}")
    print(f"  load average at end {' '.join(f'{n:.1f}' for n in os.getloadavg())}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--reports", type=int, default=2000)
    parser.add_argument("--repeats", type=int, default=10)
    parser.add_argument("--database-url", help=argparse.SUPPRESS)  # set when the script runs itself for PostgreSQL
    arguments = parser.parse_args()
    if arguments.database_url:
        run(arguments.database_url, arguments.reports, arguments.repeats)
        return
    workdir = Path(tempfile.mkdtemp(prefix="learning-search-bench-"))
    postgres = os.environ.get("BENCH_DATABASE_URL")
    if postgres:
        # Django is set up once per process: PostgreSQL gets a process of its own, run alongside.
        child = subprocess.Popen(  # noqa: S603 (this same script, with the caller's own database address)
            [sys.executable, __file__, "--reports", str(arguments.reports), "--repeats", str(arguments.repeats),
             "--database-url", postgres],
            stdout=subprocess.PIPE,
            text=True,
        )  # fmt: skip
    run(f"sqlite:///{workdir / 'bench.sqlite3'}", arguments.reports, arguments.repeats)
    if postgres:
        print(child.communicate()[0], end="")
    print(f"(working files in {workdir})")


if __name__ == "__main__":
    main()
