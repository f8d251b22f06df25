"""Scoring a whole table at once with Splink on DuckDB, with a stored model's parameters unchanged."""

import logging
import math

import pandas as pd
from splink import DuckDBAPI, Linker

from . import blocking, comparisons
from .model import PROPOSAL_THRESHOLD, FieldScore, Score


def _linker(model, frame):
    logging.getLogger("splink").setLevel(logging.WARNING)
    settings = dict(model.settings)
    # The code's rules, which on-arrival scoring uses too, whatever rules the model was trained beside.
    settings["blocking_rules_to_generate_predictions"] = blocking.splink_rules()
    settings["retain_intermediate_calculation_columns"] = True
    settings["retain_matching_columns"] = True  # with it, the comparison vector (gamma_) columns
    linker = Linker(frame, settings, db_api=DuckDBAPI(), set_up_basic_logging=False)
    # The stored frequencies, not the table's own: a pair scores as it would on arrival.
    for column in comparisons.TF_COLUMNS:
        values = frame[column].dropna().unique()
        rows = [(value, model.frequency(column, value)) for value in values]
        rows = [(value, tf) for value, tf in rows if tf is not None]
        lookup = pd.DataFrame(rows, columns=[column, f"tf_{column}"]).astype({column: object, f"tf_{column}": float})
        linker.table_management.register_term_frequency_lookup(lookup, column, overwrite=True)
    return linker


def predict(model, frame, *, threshold=PROPOSAL_THRESHOLD):
    """Scored pairs (a pandas frame) at or above the match probability `threshold`."""
    linker = _linker(model, frame)
    return linker.inference.predict(threshold_match_probability=threshold).as_pandas_dataframe()


def _sides(row):
    """The two records' values kept in a predicted row (given_name_l -> left["given_name"])."""
    sides = ({}, {})
    for name, value in row.items():
        for side, suffix in zip(sides, ("_l", "_r"), strict=True):
            if name.endswith(suffix):
                side[name[: -len(suffix)]] = None if value is None or pd.isna(value) else value
    return sides


def score_of_row(model, row):
    """The Score of one predicted pair, from Splink's comparison vector and Bayes factors."""
    fields = []
    for comparison in comparisons.COMPARISONS:
        levels = model.levels[comparison.name]
        gamma = int(row[f"gamma_{comparison.name}"])
        # Splink numbers the levels of no weight -1 and the others from the last (0) upwards. A comparison
        # may have two levels of no weight (missing; names swapped, weighed with the given name): the
        # pair's own values, which the row keeps, say which.
        if gamma == -1:
            left, right = _sides(row)
            trained = next(level for level in levels if level.definition.is_null and level.definition.test(left, right))
        else:
            others = [level for level in levels if not level.definition.is_null]
            trained = others[len(others) - 1 - gamma]
        frequency = row.get(f"bf_tf_adj_{comparison.name}", 1.0)
        frequency = 1.0 if frequency is None or pd.isna(frequency) else float(frequency)
        fields.append(
            FieldScore(
                comparison.name,
                comparison.label,
                trained.definition.key,
                trained.definition.words,
                math.log2(float(row[f"bf_{comparison.name}"])) if gamma != -1 else 0.0,
                math.log2(frequency),
            )
        )
    return Score(model.prior_weight, tuple(fields))
