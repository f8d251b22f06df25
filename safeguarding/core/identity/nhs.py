"""NHS numbers: validation (Modulus 11) and the keyed hash that links one child's records."""

import hashlib
import hmac
import re

import nhs_number
from django.conf import settings

INVALID_NHS_NUMBER = "NHS number must be 10 digits with a valid check digit (Modulus 11)"

# People type NHS numbers grouped in any way ("943 476 5919", "943-476-5919", "9434765919 ").
_SEPARATORS = re.compile(r"[\s-]+")


def normalise(value):
    """The 10 digits of a valid NHS number; ValueError for anything else."""
    if not isinstance(value, str):
        raise ValueError(INVALID_NHS_NUMBER)
    digits = nhs_number.standardise_format(_SEPARATORS.sub("", value))
    if not digits or not nhs_number.is_valid(digits):
        raise ValueError(INVALID_NHS_NUMBER)
    return digits


def formatted(digits):
    """Shown as the NHS writes it: 3 3 4."""
    return f"{digits[:3]} {digits[3:6]} {digits[6:]}"


def linkage_key(value):
    """HMAC-SHA256 (hex) of the normalised number: equal for one child however it was typed,
    and not reversible by anyone without LINKAGE_HMAC_KEY (the 10-digit space is small enough
    to enumerate, so a plain hash would not be)."""
    return hmac.new(settings.LINKAGE_HMAC_KEY, normalise(value).encode(), hashlib.sha256).hexdigest()
