"""A trained linkage model and how it scores one pair on arrival.

The model is Splink's own settings (comparisons with their trained m and u probabilities and the
prior, `probability_two_random_records_match`) plus the term-frequency tables of the columns with
term-frequency adjustments. The batch hands the settings to Splink unchanged (`batch.py`); here the
same numbers score one pair in Python, following Splink's formula:

    match weight = log2(prior odds) + sum over comparisons of log2(m/u of the level reached)
                   + log2((u of an exact match / term frequency of the value) ** weight) where the
                     level has a term-frequency adjustment and the value's frequency is known

A missing value reaches the null level, whose weight is 0. The tests check that both paths give the
same probability for the same pair.

Pure Python, no Django. No weight is written in code: a model is read from JSON.
"""

import hashlib
import hmac
import json
import math
import re
from dataclasses import dataclass
from functools import cached_property

from . import comparisons as comparison_definitions

FORMAT = "child-death-linkage/1"
# Proposals below this match probability are not shown to a panel manager.
PROPOSAL_THRESHOLD = 0.5


class ModelMismatch(ValueError):
    """The stored model was trained on comparisons other than the ones this code defines."""


def _same_sql(a, b):
    return re.sub(r"\s+", " ", a.strip()).lower() == re.sub(r"\s+", " ", b.strip()).lower()


def frequency_key(secret, column, value):
    """The keyed hash under which a stored model keeps a value's frequency: never the value itself."""
    return hmac.new(secret, f"tf\x1f{column}\x1f{value}".encode(), hashlib.sha256).hexdigest()[:16]


@dataclass(frozen=True)
class TrainedLevel:
    definition: object  # comparisons.Level
    m: float
    u: float
    u_exact: float | None  # u of the comparison's exact-match level, for term-frequency adjustment

    @property
    def weight(self):
        return 0.0 if self.definition.is_null else math.log2(self.m / self.u)


@dataclass(frozen=True)
class FieldScore:
    comparison: str
    label: str
    level: str
    outcome: str
    weight: float  # log2(m/u) of the level reached
    frequency_weight: float  # the term-frequency adjustment, 0 where none applies

    @property
    def total(self):
        return self.weight + self.frequency_weight

    def as_dict(self):
        return {
            "comparison": self.comparison,
            "label": self.label,
            "level": self.level,
            "outcome": self.outcome,
            "weight": round(self.weight, 3),
            "frequency_weight": round(self.frequency_weight, 3),
        }


@dataclass(frozen=True)
class Score:
    prior_weight: float
    fields: tuple

    @property
    def match_weight(self):
        return self.prior_weight + sum(field.total for field in self.fields)

    @property
    def probability(self):
        return probability_from_weight(self.match_weight)

    @property
    def proposed(self):
        return self.probability >= PROPOSAL_THRESHOLD

    def reasons(self, version=None):
        """What a proposal keeps: levels and weights, never a value."""
        return {
            "model_version": version,
            "prior_weight": round(self.prior_weight, 3),
            "fields": [field.as_dict() for field in self.fields],
        }


def probability_from_weight(weight):
    # 2 ** -weight overflows for weights far below zero; the probability is 0 to any precision shown.
    if weight < -1000:
        return 0.0
    return 1 / (1 + 2**-weight)


class LinkageModel:
    """Splink settings with trained parameters, and term frequencies keyed as `frequency_keys` says:
    "clear" (the values themselves: synthetic training data) or "hmac" (keyed hashes: real data)."""

    def __init__(self, settings, frequencies, *, frequency_keys="clear", summary=None):
        self.settings = settings
        self.frequencies = frequencies
        self.frequency_keys = frequency_keys
        self.summary = summary or {}
        self._secret = None

    # --- storage -------------------------------------------------------------------------------
    def as_json(self):
        return {
            "format": FORMAT,
            "summary": self.summary,
            "frequency_keys": self.frequency_keys,
            "splink_settings": self.settings,
            "term_frequencies": self.frequencies,
        }

    def dumps(self):
        return json.dumps(self.as_json(), indent=1, sort_keys=True)

    @classmethod
    def from_json(cls, data, *, secret=None):
        if data.get("format") != FORMAT:
            raise ModelMismatch(f"Not a child death linkage model (format {data.get('format')!r})")
        model = cls(
            data["splink_settings"],
            data["term_frequencies"],
            frequency_keys=data.get("frequency_keys", "clear"),
            summary=data.get("summary"),
        )
        model._secret = secret
        if model.frequency_keys == "hmac" and secret is None:
            raise ModelMismatch("This model's term frequencies are keyed: give the linkage key to read it")
        model.levels  # noqa: B018 - fails now, not on the first notification, if the model does not fit the code
        return model

    def keyed(self, secret):
        """The same model with each frequency under a keyed hash of its value, for the database."""
        if self.frequency_keys == "hmac":
            return self
        frequencies = {
            column: {frequency_key(secret, column, value): tf for value, tf in table.items()}
            for column, table in self.frequencies.items()
        }
        model = LinkageModel(self.settings, frequencies, frequency_keys="hmac", summary=self.summary)
        model._secret = secret
        return model

    @property
    def checksum(self):
        return hashlib.sha256(self.dumps().encode()).hexdigest()

    # --- parameters ----------------------------------------------------------------------------
    @property
    def prior(self):
        return self.settings["probability_two_random_records_match"]

    @property
    def prior_weight(self):
        return math.log2(self.prior / (1 - self.prior))

    @cached_property
    def levels(self):
        """{comparison name: [TrainedLevel]} read from the settings, checked against the code."""
        trained = {}
        stored = {c["output_column_name"]: c for c in self.settings["comparisons"]}
        for comparison in comparison_definitions.COMPARISONS:
            if comparison.name not in stored:
                raise ModelMismatch(f"The model has no comparison of {comparison.name}")
            stored_levels = stored[comparison.name]["comparison_levels"]
            if len(stored_levels) != len(comparison.levels):
                raise ModelMismatch(f"The model's {comparison.name} comparison has other levels than the code's")
            exact = next((s for s in stored_levels if s.get("label_for_charts") == "exact"), None)
            rows = []
            for definition, level in zip(comparison.levels, stored_levels, strict=True):
                if level.get("label_for_charts") != definition.key or not _same_sql(
                    level["sql_condition"], definition.sql
                ):
                    raise ModelMismatch(
                        f"The model's {comparison.name} level {level.get('label_for_charts')!r} "
                        f"is not the code's {definition.key!r}"
                    )
                if definition.is_null:
                    rows.append(TrainedLevel(definition, 1.0, 1.0, None))
                    continue
                rows.append(
                    TrainedLevel(
                        definition,
                        level["m_probability"],
                        level["u_probability"],
                        exact["u_probability"] if definition.tf_column and exact else None,
                    )
                )
            trained[comparison.name] = rows
        return trained

    def frequency(self, column, value):
        """The share of records with this value in the training data, None if it was not seen."""
        table = self.frequencies.get(column) or {}
        if self.frequency_keys == "hmac":
            return table.get(frequency_key(self._secret, column, value))
        return table.get(value)

    # --- scoring ---------------------------------------------------------------------------------
    def _frequency_weight(self, trained, left, right):
        column = trained.definition.tf_column
        if not column or trained.u_exact is None:
            return 0.0
        tf_left, tf_right = self.frequency(column, left[column]), self.frequency(column, right[column])
        known = [tf for tf in (tf_left, tf_right) if tf is not None]
        if not known:
            return 0.0
        # Splink divides by the larger frequency of the two (or the only one known).
        return math.log2(trained.u_exact / max(known))

    def score(self, left, right):
        """The Score of two prepared records (records.prepare)."""
        fields = []
        for comparison in comparison_definitions.COMPARISONS:
            levels = self.levels[comparison.name]
            trained = next(t for t in levels if t.definition.test(left, right))
            frequency = 0.0 if trained.definition.is_null else self._frequency_weight(trained, left, right)
            fields.append(
                FieldScore(
                    comparison.name,
                    comparison.label,
                    trained.definition.key,
                    trained.definition.words,
                    trained.weight,
                    frequency,
                )
            )
        return Score(self.prior_weight, tuple(fields))
