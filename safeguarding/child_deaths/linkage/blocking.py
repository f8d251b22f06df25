"""Which pairs are compared at all: notifications that agree exactly on one of these combinations.

No rule is a common field on its own (a family name alone would put every Smith with every Smith):
each block holds the few notifications of one child, or of the children who share, say, a family
name and a year of birth, a date of birth or a postcode, so the number of pairs grows roughly in
step with the number of notifications, not with its square. Together the rules still reach pairs
with typos in several fields: a pair is lost only if every rule has a field that differs.

The batch hands the rules to Splink (`block_on`); on arrival the same rules are looked up as keyed
hashes of the same values (`keys`), so both paths compare the same pairs.
"""

import hashlib
import hmac

# Used to find candidates in the batch and on arrival.
PREDICTION_RULES = (
    ("date_of_birth",),
    ("postcode",),
    ("family_name", "birth_year"),
    # Given and family names the same, or swapped (the two sorted); then the same by their sound.
    ("name_pair",),
    ("name_sounds",),
    ("house_number", "street"),
    ("family_name", "street"),
    ("given_name", "street"),
    ("date_of_death", "sex", "age_at_death"),
)

# Used only to train: each leaves other fields free to disagree, so EM can learn how often they do.
# Every comparison is estimated by at least one rule that does not use its fields.
TRAINING_RULES = (
    ("date_of_birth",),
    ("given_name", "family_name"),
    ("postcode",),
)


def splink_rules():
    """The prediction rules as Splink settings hold them."""
    from splink import block_on

    return [block_on(*columns).get_blocking_rule("duckdb").as_dict() for columns in PREDICTION_RULES]


def rule_name(columns):
    return "+".join(columns)


def _key_text(columns, record):
    values = [record[column] for column in columns]
    if any(value is None for value in values):
        return None
    return rule_name(columns) + "\x1f" + "\x1f".join(values)


def keys(record, secret):
    """{rule name: keyed hash} of a prepared record, for the rules its values fill. The hash stands in
    for the values in the database, where names and dates of birth are never kept in clear."""
    found = {}
    for columns in PREDICTION_RULES:
        text = _key_text(columns, record)
        if text is not None:
            found[rule_name(columns)] = hmac.new(secret, text.encode(), hashlib.sha256).hexdigest()[:32]
    return found


def blocked(left, right):
    """Whether the batch compares the pair: some rule's fields all present and equal on both sides."""
    return any(
        _key_text(columns, left) is not None and _key_text(columns, left) == _key_text(columns, right)
        for columns in PREDICTION_RULES
    )
