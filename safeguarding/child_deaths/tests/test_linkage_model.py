"""The linkage model itself: one set of trained parameters, the same score in the batch and on arrival."""

import copy
import datetime
import itertools
import json
import random

import duckdb
import pandas as pd
import pytest

from ..actions.linkage_models import DEFAULT_MODEL_PATH
from ..linkage import batch, blocking, comparisons, records, synthetic, training
from ..linkage.model import LinkageModel, ModelMismatch


@pytest.fixture(scope="module")
def model():
    return LinkageModel.from_json(json.loads(DEFAULT_MODEL_PATH.read_text()))


@pytest.fixture(scope="module")
def national():
    """About 1,500 synthetic notifications (some 400 deaths) and the true pairs."""
    return synthetic.prepared(synthetic.national_notifications(1_500, seed=11))


def child(unique_id, **overrides):
    values = {
        "given_names": "Rowan Elise",
        "family_name": "Hartigan",
        "date_of_birth": datetime.date(2019, 3, 14),
        "date_of_death": datetime.date(2026, 11, 20),
        "sex": "female",
        "address": "3 Orchard Row, Stockton-on-Tees",
        "postcode": "TS18 3AB",
    }
    values.update(overrides)
    return records.prepare(unique_id, **values)


def test_both_paths_give_the_same_probability_for_the_same_pair(model, national):
    """The batch (Splink on DuckDB) and the on-arrival score (Python) read one stored model."""
    prepared, truth = national
    predictions = batch.predict(model, training.frame_of(prepared), threshold=0.0001)
    assert len(predictions) > 500
    by_id = {record["unique_id"]: record for record in prepared}
    for row in predictions.to_dict("records"):
        on_arrival = model.score(by_id[row["unique_id_l"]], by_id[row["unique_id_r"]])
        assert on_arrival.match_weight == pytest.approx(row["match_weight"], abs=1e-9)
        assert on_arrival.probability == pytest.approx(row["match_probability"], abs=1e-12)
        assert [field.level for field in on_arrival.fields] == [
            field.level for field in batch.score_of_row(model, row).fields
        ]
    # And the batch finds the true pairs of this unseen set.
    found = {frozenset(pair) for pair in zip(predictions.unique_id_l, predictions.unique_id_r, strict=True)}
    proposed = {
        frozenset((row["unique_id_l"], row["unique_id_r"]))
        for row in predictions.to_dict("records")
        if row["match_probability"] >= 0.5
    }
    assert len(proposed & truth) / len(truth) > 0.97
    assert len(proposed & truth) / len(proposed) > 0.97
    assert found  # the blocking reached them


def _random_value(rng, column):
    if rng.random() < 0.1:
        return None
    if column in {"date_of_birth", "date_of_death"}:
        day = datetime.date(2015, 1, 1) + datetime.timedelta(days=rng.randrange(800))
        return day.isoformat() if rng.random() < 0.7 else day.replace(day=min(day.month, 28)).isoformat()
    if column == "sex":
        return rng.choice(["female", "male"])
    if column in {"house_number"}:
        return str(rng.randrange(1, 6))
    if column in {"postcode"}:
        return rng.choice(["TS18 3AB", "TS18 3AD", "TS1 4XY", "LS9 9ZQ"])
    if column == "postcode_district":
        return None  # filled from the postcode
    return "".join(rng.choice("abn ") for _ in range(rng.randrange(1, 6))).strip() or None


def test_every_level_is_the_same_in_sql_and_python():
    """Each comparison's SQL (batch) and Python test (arrival) pick the same level on random pairs."""
    rng = random.Random(5)
    columns = [c for c in records.COLUMNS if c != "unique_id"]
    rows = []
    for _ in range(3_000):
        row = {}
        for side in ("l", "r"):
            values = {column: _random_value(rng, column) for column in columns}
            values["postcode_district"] = records.postcode_district(values["postcode"])
            if rng.random() < 0.2 and side == "r":  # names swapped, or copied, to reach those levels
                values["given_name"], values["family_name"] = row["family_name_l"], row["given_name_l"]
            row.update({f"{column}_{side}": value for column, value in values.items()})
        rows.append(row)
    frame = pd.DataFrame(rows).astype(object)
    frame = frame.where(frame.notna(), None)
    connection = duckdb.connect()
    connection.register("pairs", frame)
    for comparison in comparisons.COMPARISONS:
        cases = " ".join(f"WHEN {level.sql} THEN '{level.key}'" for level in comparison.levels if level.sql != "ELSE")
        # The SQL is the code's own level conditions, no outside input.
        from_sql = connection.execute(f"SELECT CASE {cases} ELSE 'different' END FROM pairs").fetchall()  # noqa: S608
        for row, (sql_level,) in zip(rows, from_sql, strict=True):
            left = {column: row[f"{column}_l"] for column in columns}
            right = {column: row[f"{column}_r"] for column in columns}
            assert comparison.level_of(left, right).key == sql_level, (comparison.name, left, right)


def test_swapped_names_are_linked_and_the_swap_counts_once(model):
    first = child("1")
    swapped = child("2", given_names="Hartigan", family_name="Rowan", postcode="")
    assert blocking.blocked(first, swapped)
    result = model.score(first, swapped)
    fields = {field.comparison: field for field in result.fields}
    assert fields["given_name"].level == fields["family_name"].level == "swapped"
    # One slip seen in two fields: weighed with the given name, not again with the family name.
    assert fields["given_name"].total > 0 and fields["family_name"].total == 0
    assert result.proposed
    # The batch names the same levels, though Splink numbers both of the family name's weightless
    # levels (missing, swapped) alike.
    frame = training.frame_of([first, swapped])
    row = batch.predict(model, frame, threshold=0.0).to_dict("records")[0]
    in_batch = {field.comparison: field for field in batch.score_of_row(model, row).fields}
    assert in_batch["family_name"].level == "swapped" and in_batch["given_name"].level == "swapped"
    assert row["match_probability"] == pytest.approx(result.probability, abs=1e-12)


def test_each_combination_of_address_parts_is_a_level_of_its_own(model):
    """House number, street and town are one comparison (a move counts once); which of them agree
    picks the level, so a street mistyped beyond recognition still leaves house number and town."""
    first = child("1")
    cases = {
        "3 Orchard Row, Stockton-on-Tees": "same_address",
        "3 Orchard Row, Thornaby": "same_house",
        "8 Orchard Row, Stockton-on-Tees": "same_street_in_town",
        "3 Bishopton Lane, Stockton-on-Tees": "same_number_in_town",
        "8 Orchard Row, Leeds": "same_street",
        "8 Bishopton Lane, Stockton-on-Tees": "same_locality",
        "3 Mill Lane, Leeds": "same_number",
        "41 Mill Lane, Leeds": "different",
        "3 Orchard Row, Stockton-on-Teez": "same_address",  # a slip in the town's name
    }
    for address, level in cases.items():
        fields = {field.comparison: field for field in model.score(first, child("2", address=address)).fields}
        assert fields["address"].level == level, address
    # A move (another house, street and town) is one disagreement, whatever the number of parts.
    moved = {f.comparison: f for f in model.score(first, child("2", address="41 Mill Lane, Leeds")).fields}
    assert [f for f in moved if moved[f].level == "different"] == ["address"]


def test_no_level_is_given_a_veto_by_training(national):
    """EM gives a level no match of the training data reached an m of nearly 0 (a weight of minus a
    hundred, a veto on any data where the level does occur). Training adds one pair to every level."""
    prepared, _truth = national
    trained = training.train(prepared, max_u_pairs=1e5)
    expected = trained.summary["expected_matches"]
    assert expected == pytest.approx(trained.prior * len(prepared) * (len(prepared) - 1) / 2, rel=1e-3)
    for comparison, levels in trained.levels.items():
        weighed = [level for level in levels if not level.definition.is_null]
        if comparison in {"date_of_death", "sex"} and not any(r["date_of_death"] for r in prepared):
            continue
        for level in weighed:
            # (the summary rounds n to a whole pair)
            assert level.m * (expected + len(weighed)) >= 1 - 1e-5, (comparison, level.definition.key)


def test_a_common_name_with_other_dates_and_address_is_not_linked(model):
    first = child("1", given_names="James", family_name="Smith", sex="male")
    other_boy = child(
        "2",
        given_names="James",
        family_name="Smith",
        sex="male",
        date_of_birth=datetime.date(2012, 7, 2),
        date_of_death=datetime.date(2026, 11, 18),
        address="41 Mill Lane, Leeds",
        postcode="LS6 2QT",
    )
    assert blocking.blocked(first, other_boy)  # compared: same names
    result = model.score(first, other_boy)
    assert not result.proposed and result.probability < 0.01
    # A common name counts for less than a rare one.
    rare = model.score(child("3"), child("4"))
    given = {field.comparison: field for field in result.fields}["given_name"]
    rare_given = {field.comparison: field for field in rare.fields}["given_name"]
    assert given.level == rare_given.level == "exact" and given.total < rare_given.total


@pytest.mark.parametrize("field", ["postcode", "date_of_birth", "address", "sex", "given_names"])
def test_a_missing_field_neither_rewards_nor_punishes(model, field):
    first = child("1")
    complete = model.score(first, child("2", family_name="Hartigen"))
    without = model.score(first, child("2", family_name="Hartigen", **{field: None}))
    compared = {f.comparison: f.total for f in complete.fields}
    missing = {f.comparison: f for f in without.fields}
    name = {"given_names": "given_name"}.get(field, field)
    assert missing[name].level == "missing" and missing[name].total == 0
    assert without.match_weight == pytest.approx(complete.match_weight - compared[name])
    # An unreadable date is missing too, on both paths alike.
    assert records.prepare("x", date_of_birth="31/02/2019")["date_of_birth"] is None


def test_a_model_that_does_not_fit_the_code_is_refused(model):
    data = copy.deepcopy(model.as_json())
    data["splink_settings"]["comparisons"][0]["comparison_levels"][1]["sql_condition"] = "given_name_l <> given_name_r"
    with pytest.raises(ModelMismatch):
        LinkageModel.from_json(json.loads(json.dumps(data)))


def test_keyed_frequencies_hold_no_value_and_score_the_same(model, national):
    keyed = model.keyed(b"a test key of thirty-two bytes!!")
    text = json.dumps(keyed.as_json()["term_frequencies"])
    assert "smith" not in text and "TS18" not in text
    prepared, _truth = national
    for left, right in itertools.pairwise(prepared[:201]):
        assert keyed.score(left, right).match_weight == pytest.approx(model.score(left, right).match_weight)


def test_blocking_reaches_nearly_every_true_pair(national):
    """No rule is a common field alone (the benchmark prints how the pairs grow); together they still
    reach the notifications of one death despite the errors in them."""
    prepared, truth = national
    by_id = {record["unique_id"]: record for record in prepared}
    reached = sum(blocking.blocked(by_id[a], by_id[b]) for a, b in map(tuple, truth))
    assert reached / len(truth) > 0.99


def test_address_is_split_into_house_street_and_locality():
    assert records.split_address("3 Orchard Row, Stockton-on-Tees") == ("3", "orchard row", "stockton on tees")
    assert records.split_address("Flat 2, 9 Wren Court, Middlesbrough") == ("9", "wren court", "middlesbrough")
    assert records.split_address("Orchard Row, Leeds") == (None, "orchard row", "leeds")
    assert records.split_address("") == (None, None, None)
