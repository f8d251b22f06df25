"""Speed and findings of the national intelligence analysis on the synthetic corpus.

    .venv/bin/python benchmarks/learning_intelligence.py [--scale-reports 1200]

Runs against a fresh SQLite database in a temporary directory (the project's database is not touched):
migrates, takes the demo corpus in through `receive` and codes every finding with the codes the generator
meant. Then times theme counts, recurrence detection (and prints the alerts raised) and the repetition
index (and prints the most widely repeated recommendations). Finally it times the near-duplicate search
alone, without the database, on about 4,600 different texts (the findings of a larger generated corpus: its
recommendations repeat a few dozen texts, which the search collapses), to show the blockwise sparse search
at the scale the brief asks for.
"""

import argparse
import datetime
import os
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

TODAY = datetime.date(2026, 11, 26)


def _timed(label, function, *args, **kwargs):
    begun = time.perf_counter()
    result = function(*args, **kwargs)
    print(f"{label}: {(time.perf_counter() - begun) * 1000:.0f} ms")
    return result


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale-reports", type=int, default=1200)
    arguments = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="intelligence-bench-"))
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.local"
    os.environ["DATABASE_URL"] = f"sqlite:///{workdir / 'bench.sqlite3'}"
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)

    from scipy import sparse
    from scipy.sparse.csgraph import connected_components

    from safeguarding.demo.seeding import SeedReport
    from safeguarding.learning.intelligence import analysis, recurrence, repetition
    from safeguarding.learning.repository import demo, synthetic
    from safeguarding.learning.repository.models import Theme

    begun = time.perf_counter()
    added = demo.receive_corpus(synthetic.generate_corpus(), SeedReport())
    pairs = demo.findings_with_intended_codes(added)
    demo.import_codes(pairs, None, {theme.slug: theme for theme in Theme.objects.all()})
    print(f"corpus: {len(added)} reports, {len(pairs)} coded findings in {time.perf_counter() - begun:.1f} s")

    counts = _timed("theme counts, all years", analysis.theme_counts, None, None)
    print(f"  {len(counts)} themes; leading: " + ", ".join(f"{c.theme.slug} {c.reports}" for c in counts[:3]))
    _timed("theme counts, last 24 months", analysis.theme_counts, datetime.date(2024, 11, 27), TODAY)
    found = _timed("recurrence detection", recurrence.detect, TODAY)
    print(f"  thresholds {vars(found.thresholds)}; {found.summary}")
    for alert in found.raised:
        print(f"  alert: {alert}")

    result = _timed("repetition index, all years (first call)", repetition.repetition_index)
    _timed("repetition index, all years (cached)", repetition.repetition_index)
    _timed("repetition index, last 24 months", repetition.find_repetition, datetime.date(2024, 11, 27), TODAY)
    print(
        f"  {result.recommendations} recommendations, {result.repeated} ({result.percent}%) repeated in another "
        f"area, {len(result.clusters)} clusters across areas"
    )
    for row in result.by_theme[:5]:
        print(f"  {row.theme.slug}: {row.percent}% of {row.recommendations}")
    for cluster in result.clusters[:3]:
        print(
            f"  cluster: {cluster.size} recommendations, {cluster.areas} areas, {cluster.years}: {cluster.example.text}"
        )

    # The synthetic recommendations repeat a few dozen texts, which the search collapses to one row each;
    # the worst case is thousands of DIFFERENT texts, so the scale test uses the larger corpus's findings.
    corpus = synthetic.generate_corpus(reports=arguments.scale_reports, seed=7)
    texts = list(dict.fromkeys(f"{f.what_happened} {f.why}" for r in corpus for f in r.incoming.findings))
    background = repetition.background_texts()
    tracemalloc.start()
    begun = time.perf_counter()
    vectors = repetition.vectorise(texts, background)
    vectorised = time.perf_counter() - begun
    first, second = repetition.near_duplicate_pairs(vectors)
    graph = sparse.coo_matrix(([1] * len(first), (first, second)), shape=(len(texts), len(texts)))
    components, _labels = connected_components(graph, directed=False)
    total = time.perf_counter() - begun
    _current, peak = tracemalloc.get_traced_memory()
    print(
        f"near-duplicate search alone on {len(texts)} different texts: {total:.2f} s "
        f"(vectorising {vectorised:.2f} s), {len(first)} pairs, {components} components, "
        f"peak Python memory {peak / 2**20:.0f} MiB"
    )
    print(f"(working files in {workdir})")


if __name__ == "__main__":
    main()
