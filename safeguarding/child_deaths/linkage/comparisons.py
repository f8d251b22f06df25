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


def names_swapped(counted=True):
    """Given and family names written the other way round, in both records.

    One slip seen in two fields: it is evidence once. The given name's comparison weighs it (trained
    like any level); the family name's holds it as a level of no weight, as Splink holds a missing
    value, so the swap is not counted twice."""
    return Level(
        "swapped",
        "given and family names swapped" if counted else "given and family names swapped (weighed with the given name)",
        "given_name_l = family_name_r AND given_name_r = family_name_l",
        lambda left, right: (
            both(left, right, "given_name")
            and both(left, right, "family_name")
            and left["given_name"] == right["family_name"]
            and right["given_name"] == left["family_name"]
        ),
        is_null=not counted,
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
            names_swapped(counted=column == "given_name"),
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


# Each part of the address the same, as SQL and as the same test in Python. Street and town are
# compared as the street was before: Jaro-Winkler 0.9, Splink's usual "nearly the same" for text, so a
# slip of one or two letters in a town's name does not make it another town.
_ADDRESS_PARTS = {
    "house": (
        "house_number_l = house_number_r",
        lambda left, right: both(left, right, "house_number") and left["house_number"] == right["house_number"],
    ),
    "street": (
        "jaro_winkler_similarity(street_l, street_r) >= 0.9",
        lambda left, right: both(left, right, "street") and _jaro_winkler(left, right, "street") >= 0.9,
    ),
    "town": (
        "jaro_winkler_similarity(locality_l, locality_r) >= 0.9",
        lambda left, right: both(left, right, "locality") and _jaro_winkler(left, right, "locality") >= 0.9,
    ),
}

# Every combination of the three parts that agree is a level of its own, most parts first, so training
# learns what each combination says (a house number and town without the street, say, where the street
# was mistyped beyond recognition) instead of the code deciding which part matters.
_ADDRESS_LEVELS = (
    ("same_address", ("house", "street", "town"), "same house number, street and town"),
    ("same_house", ("house", "street"), "same house number and street, another or no town"),
    ("same_street_in_town", ("street", "town"), "same street and town, another or no house number"),
    ("same_number_in_town", ("house", "town"), "same house number and town, another street"),
    ("same_street", ("street",), "same street, nothing else the same"),
    ("same_locality", ("town",), "same town or locality, nothing else the same"),
    ("same_number", ("house",), "same house number, nothing else the same"),
)


def _address_level(key, parts, words):
    tests = [_ADDRESS_PARTS[part][1] for part in parts]
    return Level(
        key,
        words,
        " AND ".join(_ADDRESS_PARTS[part][0] for part in parts),
        lambda left, right: all(test(left, right) for test in tests),
    )


def _address():
    """House number, street and locality of the home address, taken together: a family that moved
    changes all three at once, so three separate comparisons would count one move three times (and two
    children of one house three times over). One comparison with a level for each combination of parts
    that agree counts a move once and still learns what a part mistyped on its own says."""
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
            *(_address_level(*level) for level in _ADDRESS_LEVELS),
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
            _one_typo("postcode", "one character different, or two next to each other swapped"),
            exact("postcode_district", words="same district (first half)", key="same_district"),
            else_level("different district"),
        ),
    ),
)

BY_NAME = {comparison.name: comparison for comparison in COMPARISONS}

# The columns with term-frequency adjustments: how common a value is changes what agreeing on it says.
TF_COLUMNS = tuple(level.tf_column for comparison in COMPARISONS for level in comparison.levels if level.tf_column)
