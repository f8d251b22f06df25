"""A Fellegi-Sunter score of whether two notifications are about the same child.

Each field is compared into a level (exact, close, different, missing). Each level has an m
probability (how often true matches land in it) and a u probability (how often non-matches do);
the field's weight is log2(m/u), and the score is the sum of the weights. Missing values weigh 0.
The m and u values are set from the published literature on name and date error rates and checked
on the FEBRL benchmark (benchmarks/child_death_linkage.py); Splink uses the same table for its batch.

Pure Python, no Django: it is handed clear values by the linkage action and returns only levels
and weights, which say nothing about who the child is.
"""

import datetime
import math
from dataclasses import dataclass

# Prior odds that two notifications in the same blocking window are about the same child.
PRIOR_MATCH_PROBABILITY = 0.01
# Proposals below this probability are not shown to a panel manager.
PROPOSAL_THRESHOLD = 0.5


@dataclass(frozen=True)
class Level:
    key: str
    label: str
    m: float
    u: float

    @property
    def weight(self):
        return math.log2(self.m / self.u)


# field -> levels, from the most to the least similar. "missing" is implicit (weight 0).
LEVELS = {
    "family_name": (
        Level("exact", "same", 0.86, 0.002),
        Level("close", "nearly the same (spelling)", 0.09, 0.004),
        Level("similar", "similar", 0.03, 0.03),
        Level("different", "different", 0.02, 0.964),
    ),
    "given_name": (
        Level("exact", "same", 0.85, 0.005),
        Level("close", "nearly the same (spelling)", 0.09, 0.006),
        Level("similar", "similar", 0.03, 0.04),
        Level("different", "different", 0.03, 0.949),
    ),
    "date_of_birth": (
        Level("exact", "same", 0.90, 0.0005),
        Level("one_part", "one part differs or day and month swapped", 0.08, 0.004),
        Level("different", "different", 0.02, 0.9955),
    ),
    "date_of_death": (
        Level("exact", "same", 0.92, 0.03),
        Level("within_2_days", "within 2 days", 0.07, 0.12),
        Level("different", "more than 2 days apart", 0.01, 0.85),
    ),
    "sex": (
        Level("exact", "same", 0.97, 0.5),
        Level("different", "different", 0.03, 0.5),
    ),
    "postcode": (
        Level("exact", "same", 0.78, 0.001),
        Level("district", "same district", 0.12, 0.02),
        Level("different", "different", 0.10, 0.979),
    ),
}

FIELD_LABELS = {
    "family_name": "Family name",
    "given_name": "Given name",
    "date_of_birth": "Date of birth",
    "date_of_death": "Date of death",
    "sex": "Sex",
    "postcode": "Postcode",
}


def jaro_winkler(a, b, prefix_scale=0.1):
    """Jaro-Winkler similarity in [0, 1]: 1 for equal strings, high for typing slips."""
    if a == b:
        return 1.0 if a else 0.0
    len_a, len_b = len(a), len(b)
    if not len_a or not len_b:
        return 0.0
    window = max(max(len_a, len_b) // 2 - 1, 0)
    matched_a, matched_b = [False] * len_a, [False] * len_b
    matches = 0
    for i, char in enumerate(a):
        for j in range(max(0, i - window), min(len_b, i + window + 1)):
            if not matched_b[j] and b[j] == char:
                matched_a[i] = matched_b[j] = True
                matches += 1
                break
    if not matches:
        return 0.0
    a_matched = [char for char, hit in zip(a, matched_a, strict=True) if hit]
    b_matched = [char for char, hit in zip(b, matched_b, strict=True) if hit]
    transpositions = sum(x != y for x, y in zip(a_matched, b_matched, strict=True)) / 2
    jaro = (matches / len_a + matches / len_b + (matches - transpositions) / matches) / 3
    prefix = 0
    for x, y in zip(a[:4], b[:4], strict=False):
        if x != y:
            break
        prefix += 1
    return jaro + prefix * prefix_scale * (1 - jaro)


def _clean(value):
    return " ".join(str(value or "").lower().replace("-", " ").replace("'", "").split())


def _as_date(value):
    if value in (None, ""):
        return None
    if isinstance(value, datetime.date):
        return value
    text = str(value)
    try:
        if len(text) == 8 and text.isdigit():
            return datetime.date(int(text[:4]), int(text[4:6]), int(text[6:]))
        return datetime.date.fromisoformat(text)
    except ValueError:
        return None


def _name_level(a, b):
    a, b = _clean(a), _clean(b)
    if not a or not b:
        return None
    if a == b:
        return "exact"
    similarity = jaro_winkler(a, b)
    if similarity >= 0.92:
        return "close"
    if similarity >= 0.80:
        return "similar"
    return "different"


def _birth_level(a, b):
    a, b = _as_date(a), _as_date(b)
    if a is None or b is None:
        return None
    if a == b:
        return "exact"
    same = (a.year == b.year) + (a.month == b.month) + (a.day == b.day)
    swapped = a.year == b.year and a.month == b.day and a.day == b.month
    return "one_part" if same == 2 or swapped else "different"


def _death_level(a, b):
    a, b = _as_date(a), _as_date(b)
    if a is None or b is None:
        return None
    gap = abs((a - b).days)
    if gap == 0:
        return "exact"
    return "within_2_days" if gap <= 2 else "different"


def _sex_level(a, b):
    known = {"female", "male"}
    if a not in known or b not in known:
        return None
    return "exact" if a == b else "different"


def _district(postcode):
    """The outward code of a UK postcode ('TS1' of 'TS1 2AB'); elsewhere all but the last character."""
    parts = postcode.split()
    if len(parts) == 2:
        return parts[0]
    return postcode[:-1]


def _postcode_level(a, b):
    a, b = _clean(a).upper(), _clean(b).upper()
    if not a or not b:
        return None
    if a.replace(" ", "") == b.replace(" ", ""):
        return "exact"
    return "district" if _district(a) == _district(b) else "different"


def first_given_name(given_names):
    names = _clean(given_names).split()
    return names[0] if names else ""


COMPARATORS = {
    "family_name": lambda x, y: _name_level(x.get("family_name"), y.get("family_name")),
    "given_name": lambda x, y: _name_level(
        first_given_name(x.get("given_names")), first_given_name(y.get("given_names"))
    ),
    "date_of_birth": lambda x, y: _birth_level(x.get("date_of_birth"), y.get("date_of_birth")),
    "date_of_death": lambda x, y: _death_level(x.get("date_of_death"), y.get("date_of_death")),
    "sex": lambda x, y: _sex_level(x.get("sex"), y.get("sex")),
    "postcode": lambda x, y: _postcode_level(x.get("postcode"), y.get("postcode")),
}


@dataclass(frozen=True)
class Reason:
    field: str
    outcome: str
    weight: float

    def as_row(self):
        return [FIELD_LABELS[self.field], self.outcome, round(self.weight, 1)]


@dataclass(frozen=True)
class Score:
    weight: float
    probability: float
    reasons: tuple

    @property
    def proposed(self):
        return self.probability >= PROPOSAL_THRESHOLD


def probability_from_weight(weight, prior=PRIOR_MATCH_PROBABILITY):
    prior_weight = math.log2(prior / (1 - prior))
    return 1 / (1 + 2 ** -(weight + prior_weight))


def score(left, right, prior=PRIOR_MATCH_PROBABILITY):
    """The match weight of two records (dicts of clear values) and the reasons behind it."""
    reasons = []
    total = 0.0
    for field, compare in COMPARATORS.items():
        key = compare(left, right)
        if key is None:
            reasons.append(Reason(field, "not given on both", 0.0))
            continue
        level = next(level for level in LEVELS[field] if level.key == key)
        total += level.weight
        reasons.append(Reason(field, level.label, level.weight))
    return Score(total, probability_from_weight(total, prior), tuple(reasons))
