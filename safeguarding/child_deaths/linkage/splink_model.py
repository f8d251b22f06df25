"""The same Fellegi-Sunter model as `scoring`, expressed for Splink on DuckDB, for national-scale batches.

Each comparison's levels take their m and u probabilities from `scoring.LEVELS`, so a pair scores the
same whether it was compared on arrival or in the batch. Input columns: unique_id, given_name,
family_name, date_of_birth and date_of_death (ISO text), sex, postcode (any may be null).
"""

import math

import splink.comparison_level_library as cll
import splink.comparison_library as cl
from splink import DuckDBAPI, Linker, SettingsCreator, block_on

from . import scoring

# Pairs are only compared when they share one of these: national scale without comparing every pair.
BLOCKING_RULES = (
    ("family_name",),
    ("date_of_birth",),
    ("postcode",),
    ("given_name", "date_of_death"),
)


def _level(field, key):
    level = next(level for level in scoring.LEVELS[field] if level.key == key)
    return {"m_probability": level.m, "u_probability": level.u}


def _name(field):
    return cl.CustomComparison(
        output_column_name=field,
        comparison_levels=[
            cll.NullLevel(field),
            cll.ExactMatchLevel(field).configure(**_level(field, "exact")),
            cll.JaroWinklerLevel(field, 0.92).configure(**_level(field, "close")),
            cll.JaroWinklerLevel(field, 0.80).configure(**_level(field, "similar")),
            cll.ElseLevel().configure(**_level(field, "different")),
        ],
    )


def _date_of_birth():
    one_part = (
        "((substr(date_of_birth_l,1,4) = substr(date_of_birth_r,1,4))::int"
        " + (substr(date_of_birth_l,6,2) = substr(date_of_birth_r,6,2))::int"
        " + (substr(date_of_birth_l,9,2) = substr(date_of_birth_r,9,2))::int = 2)"
        " OR (substr(date_of_birth_l,1,4) = substr(date_of_birth_r,1,4)"
        " AND substr(date_of_birth_l,6,2) = substr(date_of_birth_r,9,2)"
        " AND substr(date_of_birth_l,9,2) = substr(date_of_birth_r,6,2))"
    )
    return cl.CustomComparison(
        output_column_name="date_of_birth",
        comparison_levels=[
            cll.NullLevel("date_of_birth"),
            cll.ExactMatchLevel("date_of_birth").configure(**_level("date_of_birth", "exact")),
            cll.CustomLevel(one_part).configure(**_level("date_of_birth", "one_part")),
            cll.ElseLevel().configure(**_level("date_of_birth", "different")),
        ],
    )


def _date_of_death():
    within = "abs(date_diff('day', CAST(date_of_death_l AS DATE), CAST(date_of_death_r AS DATE))) <= 2"
    return cl.CustomComparison(
        output_column_name="date_of_death",
        comparison_levels=[
            cll.NullLevel("date_of_death"),
            cll.ExactMatchLevel("date_of_death").configure(**_level("date_of_death", "exact")),
            cll.CustomLevel(within).configure(**_level("date_of_death", "within_2_days")),
            cll.ElseLevel().configure(**_level("date_of_death", "different")),
        ],
    )


def _sex():
    return cl.CustomComparison(
        output_column_name="sex",
        comparison_levels=[
            cll.CustomLevel(
                "sex_l IS NULL OR sex_r IS NULL OR sex_l NOT IN ('female', 'male') OR sex_r NOT IN ('female', 'male')"
            ).configure(is_null_level=True),
            cll.ExactMatchLevel("sex").configure(**_level("sex", "exact")),
            cll.ElseLevel().configure(**_level("sex", "different")),
        ],
    )


def _postcode():
    district = (
        "CASE WHEN strpos(postcode_l, ' ') > 0 THEN split_part(postcode_l, ' ', 1) "
        "ELSE substr(postcode_l, 1, length(postcode_l) - 1) END = "
        "CASE WHEN strpos(postcode_r, ' ') > 0 THEN split_part(postcode_r, ' ', 1) "
        "ELSE substr(postcode_r, 1, length(postcode_r) - 1) END"
    )
    return cl.CustomComparison(
        output_column_name="postcode",
        comparison_levels=[
            cll.NullLevel("postcode"),
            cll.CustomLevel("replace(postcode_l, ' ', '') = replace(postcode_r, ' ', '')").configure(
                **_level("postcode", "exact")
            ),
            cll.CustomLevel(district).configure(**_level("postcode", "district")),
            cll.ElseLevel().configure(**_level("postcode", "different")),
        ],
    )


def settings(prior=scoring.PRIOR_MATCH_PROBABILITY):
    return SettingsCreator(
        link_type="dedupe_only",
        unique_id_column_name="unique_id",
        probability_two_random_records_match=prior,
        comparisons=[
            _name("given_name"),
            _name("family_name"),
            _date_of_birth(),
            _date_of_death(),
            _sex(),
            _postcode(),
        ],
        blocking_rules_to_generate_predictions=[block_on(*columns) for columns in BLOCKING_RULES],
        retain_intermediate_calculation_columns=True,
        retain_matching_columns=False,
    )


def predict(frame, *, threshold=scoring.PROPOSAL_THRESHOLD, prior=scoring.PRIOR_MATCH_PROBABILITY):
    """Scored pairs (pandas DataFrame) at or above `threshold`, with the model's fixed m and u values."""
    linker = Linker(frame, settings(prior), db_api=DuckDBAPI())
    return linker.inference.predict(threshold_match_probability=threshold).as_pandas_dataframe()


def reasons(row):
    """[field label, outcome, weight] rows for one predicted pair, as the proposal page shows them.

    Splink gives each comparison's Bayes factor (m/u of the level reached); the level is the one of
    the model whose m/u it equals, a Bayes factor of 1 being the null level (not given on both)."""
    rows = []
    for field, levels in scoring.LEVELS.items():
        factor = float(row[f"bf_{field}"])
        if math.isclose(factor, 1.0):
            rows.append([scoring.FIELD_LABELS[field], "not given on both", 0.0])
            continue
        level = min(levels, key=lambda level: abs(math.log2(level.m / level.u) - math.log2(factor)))
        rows.append([scoring.FIELD_LABELS[field], level.label, round(level.weight, 1)])
    return rows
