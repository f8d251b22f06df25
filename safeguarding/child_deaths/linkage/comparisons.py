"""What the model compares: each field's levels, from the most to the least alike, defined once.

Each level has its SQL condition (what Splink evaluates in DuckDB for the batch) and the same test in
Python (what scores a single notification on arrival). They are written side by side so they can be
read together; tests run both on the same pairs and require the same level. No weight is written
here: m and u probabilities come from training (see `model.py`) and are read from the stored model.

Every level's key is stored in the model as Splink's `label_for_charts`, so the on-arrival scorer
finds each trained level by key and checks that its SQL is still the one written here.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass

import jellyfish


@dataclass(frozen=True)
class Level:
    key: str
    words: str  # what the panel manager reads, e.g. "the same"
    sql: str
    test: Callable[[dict, dict], bool]
    tf_column: str | None = None
    is_null: bool = False

    def as_splink(self):
        level = {"sql_condition": self.sql, "label_for_charts": self.key}
        if self.is_null:
            level["is_null_level"] = True
        if self.tf_column:
            level["tf_adjustment_column"] = self.tf_column
            level["tf_adjustment_weight"] = 1.0
        return level


@dataclass(frozen=True)
class Comparison:
    name: str  # Splink's output_column_name
    label: str  # what the panel manager reads, e.g. "Given name"
    levels: tuple

    def level_of(self, left, right):
        """The first level whose test holds: the same choice as Splink's CASE expression."""
        return next(level for level in self.levels if level.test(left, right))

    def as_splink(self):
        return {
            "output_column_name": self.name,
            "comparison_description": self.label,
            "comparison_levels": [level.as_splink() for level in self.levels],
        }


# SQL's NULL makes every test on a missing value false; the Python tests say so with `both`.
def both(left, right, column):
    return left[column] is not None and right[column] is not None


def _jaro_winkler(left, right, column):
    return jellyfish.jaro_winkler_similarity(left[column], right[column])


def _days_apart(left, right, column):
    a, b = datetime.date.fromisoformat(left[column]), datetime.date.fromisoformat(right[column])
    return abs((a - b).days)


def null_level(*columns, words="not given on both"):
    """Missing when any of `columns` is missing on either side: weight 0, neither reward nor penalty."""
    sql = " OR ".join(f"{column}_l IS NULL OR {column}_r IS NULL" for column in columns)
    return Level(
        "missing",
        words,
        sql,
        lambda left, right: any(left[column] is None or right[column] is None for column in columns),
        is_null=True,
    )


def exact(column, words="the same", tf=False, key="exact"):
    return Level(
        key,
        words,
        f"{column}_l = {column}_r",
        lambda left, right: both(left, right, column) and left[column] == right[column],
        tf_column=column if tf else None,
    )


def jaro_winkler(column, threshold, key, words):
    return Level(
        key,
        words,
        f"jaro_winkler_similarity({column}_l, {column}_r) >= {threshold}",
        lambda left, right: both(left, right, column) and _jaro_winkler(left, right, column) >= threshold,
    )


def names_swapped():
    """Given and family names written the other way round, in both records."""
    return Level(
        "swapped",
        "given and family names swapped",
        "given_name_l = family_name_r AND given_name_r = family_name_l",
        lambda left, right: (
            both(left, right, "given_name")
            and both(left, right, "family_name")
            and left["given_name"] == right["family_name"]
            and right["given_name"] == left["family_name"]
        ),
    )


def else_level(words="different"):
    return Level("different", words, "ELSE", lambda left, right: True)


def _name(column, label):
    return Comparison(
        column,
        label,
        (
            null_level(column),
            exact(column, tf=True),
            names_swapped(),
            jaro_winkler(column, 0.92, "close", "nearly the same (one or two letters differ)"),
            jaro_winkler(column, 0.88, "similar", "similar"),
            jaro_winkler(column, 0.7, "alike", "a little alike"),
            else_level(),
        ),
    )


def _dates_within(column, days, key, words):
    return Level(
        key,
        words,
        f"abs(date_diff('day', CAST({column}_l AS DATE), CAST({column}_r AS DATE))) <= {days}",
        lambda left, right: both(left, right, column) and _days_apart(left, right, column) <= days,
    )


def _one_typo(column, words):
    """One digit changed, added or dropped, or two neighbouring digits swapped."""
    return Level(
        "one_typo",
        words,
        f"damerau_levenshtein({column}_l, {column}_r) <= 1",
        lambda left, right: (
            both(left, right, column) and jellyfish.damerau_levenshtein_distance(left[column], right[column]) <= 1
        ),
    )


def _day_and_month_swapped():
    return Level(
        "day_month_swapped",
        "day and month swapped",
        "substr(date_of_birth_l, 1, 4) = substr(date_of_birth_r, 1, 4)"
        " AND substr(date_of_birth_l, 6, 2) = substr(date_of_birth_r, 9, 2)"
        " AND substr(date_of_birth_l, 9, 2) = substr(date_of_birth_r, 6, 2)",
        lambda left, right: (
            both(left, right, "date_of_birth")
            and left["date_of_birth"][:4] == right["date_of_birth"][:4]
            and left["date_of_birth"][5:7] == right["date_of_birth"][8:10]
            and left["date_of_birth"][8:10] == right["date_of_birth"][5:7]
        ),
    )


def _address():
    """House number, street and locality of the home address, taken together: a family that moved
    changes all three at once, so three separate comparisons would count one move three times."""
    same_street = "jaro_winkler_similarity(street_l, street_r) >= 0.9"

    def street_alike(left, right):
        return both(left, right, "street") and _jaro_winkler(left, right, "street") >= 0.9

    return Comparison(
        "address",
        "Home address",
        (
            Level(
                "missing",
                "not given on both",
                "(street_l IS NULL AND locality_l IS NULL) OR (street_r IS NULL AND locality_r IS NULL)",
                lambda left, right: (
                    (left["street"] is None and left["locality"] is None)
                    or (right["street"] is None and right["locality"] is None)
                ),
                is_null=True,
            ),
            Level(
                "same_house",
                "same house number and street",
                f"house_number_l = house_number_r AND {same_street}",
                lambda left, right: (
                    both(left, right, "house_number")
                    and left["house_number"] == right["house_number"]
                    and street_alike(left, right)
                ),
            ),
            Level("same_street", "same street, another or no house number", same_street, street_alike),
            Level(
                "same_locality",
                "same town or locality, another street",
                "locality_l = locality_r",
                lambda left, right: both(left, right, "locality") and left["locality"] == right["locality"],
            ),
            else_level("different town and street"),
        ),
    )


COMPARISONS = (
    _name("given_name", "Given name"),
    _name("family_name", "Family name"),
    Comparison(
        "date_of_birth",
        "Date of birth",
        (
            null_level("date_of_birth"),
            exact("date_of_birth"),
            _one_typo("date_of_birth", "one digit different, or two next to each other swapped"),
            _day_and_month_swapped(),
            _dates_within("date_of_birth", 31, "within_month", "within a month"),
            _dates_within("date_of_birth", 366, "within_year", "within a year"),
            else_level("more than a year apart"),
        ),
    ),
    Comparison(
        "date_of_death",
        "Date of death",
        (
            null_level("date_of_death"),
            exact("date_of_death"),
            _dates_within("date_of_death", 2, "within_2_days", "within 2 days"),
            _one_typo("date_of_death", "one digit different, or two next to each other swapped"),
            else_level("more than 2 days apart"),
        ),
    ),
    Comparison("sex", "Sex", (null_level("sex"), exact("sex"), else_level())),
    _address(),
    Comparison(
        "postcode",
        "Postcode",
        (
            null_level("postcode"),
            exact("postcode", tf=True),
            exact("postcode_district", words="same district (first half)", key="same_district"),
            else_level("different district"),
        ),
    ),
)

BY_NAME = {comparison.name: comparison for comparison in COMPARISONS}

# The columns with term-frequency adjustments: how common a value is changes what agreeing on it says.
TF_COLUMNS = tuple(level.tf_column for comparison in COMPARISONS for level in comparison.levels if level.tf_column)
