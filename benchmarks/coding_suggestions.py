"""How well the coding suggestions match the coders' final codes, on the synthetic corpus.

    .venv/bin/python benchmarks/coding_suggestions.py [--seed 2026]

Runs against a fresh SQLite database in a temporary directory (the project's database is not touched):
migrates (which loads the category scheme), takes the synthetic corpus in through `receive`, gives every
finding the codes the generator meant (the coders' final codes), then splits by time: the classifier
learns from findings published before 2025 and both strategies are scored on those published in 2025
and 2026. For each strategy it prints top-1 accuracy, precision/recall/F1 of the suggestions at or
above the pre-tick threshold, the training time and the latency of one suggestion; then the latency of
`suggest_themes` as the coding page calls it (database look-ups and cached model included).
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

SPLIT_YEAR = 2025


def _score(name, suggest, test, threshold, training_seconds=None):
    from safeguarding.learning.repository.coding.metrics import suggestion_accuracy

    cases, timings = [], []
    for text, final in test:
        begun = time.perf_counter()
        suggestions = suggest(text)
        timings.append((time.perf_counter() - begun) * 1000)
        cases.append(({s.slug: s.confidence for s in suggestions}, final))
    result = suggestion_accuracy(cases, threshold)
    trained = f"{training_seconds:.2f} s" if training_seconds is not None else "none"
    print(
        f"{name:<18} top-1 {result.top1_accuracy:6.1%}   precision {result.precision:6.1%}   "
        f"recall {result.recall:6.1%}   F1 {result.f1:6.1%}   training {trained:>7}   "
        f"suggestion median {statistics.median(timings):5.2f} ms (slowest {max(timings):5.1f} ms)"
    )
    return cases


def _sweep(cases, name):
    from safeguarding.learning.repository.coding.metrics import suggestion_accuracy

    line = "  ".join(
        f"{t:.1f}: P {r.precision:.0%} R {r.recall:.0%} F1 {r.f1:.0%}"
        for t in (0.3, 0.4, 0.5, 0.6, 0.7)
        for r in [suggestion_accuracy(cases, t)]
    )
    print(f"  {name} by threshold   {line}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seed", type=int, default=2026)
    arguments = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="coding-bench-"))
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.local"
    os.environ["DATABASE_URL"] = f"sqlite:///{workdir / 'bench.sqlite3'}"
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)

    from safeguarding.demo.seeding import SeedReport
    from safeguarding.learning.repository import demo, synthetic
    from safeguarding.learning.repository.coding import suggest
    from safeguarding.learning.repository.models import Theme

    begun = time.perf_counter()
    added = demo.receive_corpus(synthetic.generate_corpus(seed=arguments.seed), SeedReport())
    pairs = demo.findings_with_intended_codes(added)
    demo.import_codes(pairs, None, {theme.slug: theme for theme in Theme.objects.all()})
    seconds = time.perf_counter() - begun
    print(f"corpus: {len(added)} reports, {len(pairs)} findings received and coded in {seconds:.1f} s")

    train = [(f.text, slugs) for f, slugs in pairs if f.entry.published_on.year < SPLIT_YEAR]
    test = [(f.text, set(slugs)) for f, slugs in pairs if f.entry.published_on.year >= SPLIT_YEAR]
    print(f"split by time: {len(train)} findings before {SPLIT_YEAR} to learn from, {len(test)} after to score")
    threshold = suggest.PRE_TICK_THRESHOLD
    print(f"pre-tick threshold {threshold:.2f}; precision/recall over (finding, code) pairs")

    baseline = suggest.keyword_baseline()
    baseline_cases = _score("keyword baseline", baseline.suggest, test, threshold)
    classifier = suggest.ThemeClassifier.train(train)
    classifier_cases = _score("classifier", classifier.suggest, test, threshold, classifier.training_seconds)
    _sweep(baseline_cases, "baseline  ")
    _sweep(classifier_cases, "classifier")

    suggest.forget_trained_models()
    text = test[0][0]
    begun = time.perf_counter()
    result = suggest.suggest_themes(text)
    cold = time.perf_counter() - begun
    timings = []
    for text, _final in test[:100]:
        begun = time.perf_counter()
        suggest.suggest_themes(text)
        timings.append((time.perf_counter() - begun) * 1000)
    print(
        f"suggest_themes as the coding page calls it ({result.strategy}, trained on all {len(pairs)} coded findings): "
        f"first call {cold:.2f} s (training), then median {statistics.median(timings):.1f} ms"
    )
    print(f"(working files in {workdir})")


if __name__ == "__main__":
    main()
