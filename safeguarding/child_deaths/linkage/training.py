"""Training a linkage model with Splink on DuckDB: nothing is set by hand.

1. u probabilities (how often unrelated records agree at each level) by random sampling of pairs;
2. m probabilities (how often records of one child agree) by expectation maximisation, once for
   each training blocking rule, each rule leaving the other fields free to disagree;
3. the prior (how likely two random records are the same child) from those EM sessions
   (Splink reverses each session's blocking to the whole table and takes the median).
Term frequencies are each value's share of the training records.

The same procedure trains the shipped default (on synthetic notifications), a retrained model
(on the national table) and the benchmark's model (on FEBRL3).
"""

import logging

import pandas as pd
from splink import DuckDBAPI, Linker, SettingsCreator, block_on
from splink.blocking_analysis import count_comparisons_from_blocking_rule

from . import blocking, comparisons
from .model import LinkageModel
from .records import COLUMNS

# Splink's own first guess of the prior, replaced by the estimate from the EM sessions.
STARTING_PRIOR = 1e-4
# EM needs some pairs to learn from; a rule that blocks fewer is skipped.
MINIMUM_EM_PAIRS = 50


class NotEnoughData(ValueError):
    pass


def frame_of(records):
    """A pandas frame of prepared records with every model column, all text (None when missing)."""
    frame = pd.DataFrame(list(records), columns=list(COLUMNS))
    return frame.astype(object).where(frame.notna(), None)


def splink_settings(prior=STARTING_PRIOR):
    return SettingsCreator(
        link_type="dedupe_only",
        unique_id_column_name="unique_id",
        probability_two_random_records_match=prior,
        comparisons=[comparison.as_splink() for comparison in comparisons.COMPARISONS],
        blocking_rules_to_generate_predictions=[block_on(*columns) for columns in blocking.PREDICTION_RULES],
        retain_intermediate_calculation_columns=True,
        retain_matching_columns=False,
        em_convergence=0.0001,
        max_iterations=25,
    )


def _pairs(frame, columns, db_api):
    counts = count_comparisons_from_blocking_rule(
        table_or_tables=frame, blocking_rule=block_on(*columns), link_type="dedupe_only", db_api=db_api
    )
    return int(counts["number_of_comparisons_to_be_scored_post_filter_conditions"])


def frequencies_of(frame):
    """{column: {value: share of the records with a value}}, as Splink computes them."""
    tables = {}
    for column in comparisons.TF_COLUMNS:
        values = frame[column].dropna()
        tables[column] = {str(value): float(share) for value, share in values.value_counts(normalize=True).items()}
    return tables


def _write_effective_parameters(settings, linker, expected_matches):
    """Writes into the saved settings the m and u that both paths score with, for every level.

    u is Splink's estimate (where the random sample never reached a level, Splink's fallback, one in a
    million). m is EM's estimate with Laplace's rule of succession, one pair added to every level:
    (m * n + 1) / (n + k) for n matching pairs expected in the training table and k levels. EM alone
    gives a level no match of the training data reached an m of nearly 0, and so a weight of minus
    a hundred or more: one such agreement would veto a pair on any other data, where that level does
    occur among matches (a street and house number with the town spelt otherwise, say, when the
    training data always spelt towns alike). With the added pair such a level weighs what one match
    in n would, and a level many matches reached keeps its estimate (n is in the thousands).
    A comparison none of whose levels EM reached (its fields always missing) keeps Splink's fallback.
    The training summary names the levels EM did not reach.
    """
    untrained = []
    # Splink's settings object (pinned version) holds the effective values after its fallbacks.
    trained_comparisons = {c.output_column_name: c for c in linker._settings_obj.comparisons}
    for stored in settings["comparisons"]:
        comparison = trained_comparisons[stored["output_column_name"]]
        pairs = [
            (stored_level, level)
            for stored_level, level in zip(stored["comparison_levels"], comparison.comparison_levels, strict=True)
            if not level.is_null_level
        ]
        reached = [isinstance(stored_level.get("m_probability"), float) for stored_level, _level in pairs]
        for (stored_level, level), trained in zip(pairs, reached, strict=True):
            if not trained or not isinstance(stored_level.get("u_probability"), float):
                untrained.append(f"{stored['output_column_name']}:{stored_level['label_for_charts']}")
            m = float(level.m_probability)
            if any(reached):
                m = ((m if trained else 0.0) * expected_matches + 1) / (expected_matches + len(pairs))
            stored_level["m_probability"] = m
            stored_level["u_probability"] = float(level.u_probability)
    return untrained


def train(records, *, seed=2026, max_u_pairs=5e6, description=""):
    """A LinkageModel trained on prepared records (an iterable of records.prepare dicts)."""
    frame = frame_of(records)
    if len(frame) < 100:
        raise NotEnoughData(f"Training needs at least 100 notifications; there are {len(frame)}")
    logging.getLogger("splink").setLevel(logging.WARNING)
    db_api = DuckDBAPI()
    linker = Linker(frame, splink_settings(), db_api=db_api, set_up_basic_logging=False)
    linker.training.estimate_u_using_random_sampling(max_pairs=max_u_pairs, seed=seed)
    sessions = []
    for columns in blocking.TRAINING_RULES:
        pairs = _pairs(frame, columns, db_api)
        if pairs < MINIMUM_EM_PAIRS:
            sessions.append({"rule": blocking.rule_name(columns), "pairs": pairs, "skipped": True})
            continue
        session = linker.training.estimate_parameters_using_expectation_maximisation(
            block_on(*columns), populate_probability_two_random_records_match_from_trained_values=True
        )
        sessions.append(
            {
                "rule": blocking.rule_name(columns),
                "pairs": pairs,
                "iterations": len(session._core_model_settings_history),
            }
        )
    if not any(not session.get("skipped") for session in sessions):
        raise NotEnoughData("No training rule found enough pairs to learn how records of one child differ")
    settings = linker.misc.save_model_to_json()
    prior = settings["probability_two_random_records_match"]
    expected_matches = prior * len(frame) * (len(frame) - 1) / 2
    untrained = _write_effective_parameters(settings, linker, expected_matches)
    summary = {
        "description": description,
        "records": len(frame),
        "u_sample_pairs": int(max_u_pairs),
        "seed": seed,
        "em_sessions": sessions,
        "prior": prior,
        "expected_matches": round(expected_matches),
        "untrained_levels": untrained,
    }
    return LinkageModel(settings, frequencies_of(frame), summary=summary)
