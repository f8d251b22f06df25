"""The plaintext form of an API token: making one, reading one, and checking it against its hash.

A token reads `slp_<prefix>_<secret>`: `slp_` says what it is (so secret scanners and people can
spot a leaked one), the prefix is 8 lowercase hex characters that find the row, and the secret is
`secrets.token_urlsafe(32)` (256 random bits). The prefix has a fixed length, so the secret may
itself contain `_` without making the token ambiguous.
"""

import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass

TOKEN_MARK = "slp_"  # noqa: S105 (the public mark of our tokens, not a secret)
PREFIX_LENGTH = 8
_TOKEN_PATTERN = re.compile(rf"^{TOKEN_MARK}(?P<prefix>[0-9a-f]{{{PREFIX_LENGTH}}})_(?P<secret>[A-Za-z0-9_-]{{43}})$")


@dataclass(frozen=True)
class ParsedToken:
    prefix: str
    plaintext: str


def new_prefix():
    return secrets.token_hex(PREFIX_LENGTH // 2)


def new_plaintext(prefix):
    return f"{TOKEN_MARK}{prefix}_{secrets.token_urlsafe(32)}"


def hash_token(plaintext):
    return hashlib.sha256(plaintext.encode("utf-8")).hexdigest()


def parse(plaintext):
    """The token's prefix, or None when the text is not shaped like one of our tokens."""
    match = _TOKEN_PATTERN.match(plaintext or "")
    if match is None:
        return None
    return ParsedToken(prefix=match["prefix"], plaintext=plaintext)


def matches(plaintext, secret_hash):
    """Constant-time comparison, so response timing says nothing about how much of a guess was right."""
    return hmac.compare_digest(hash_token(plaintext), secret_hash)
