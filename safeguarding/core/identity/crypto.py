"""Sealing a child's identifying details with AES-256-GCM.

All of a child's fields are sealed together as one JSON blob, so a database dump shows neither the
values nor which fields are filled in. The row's pseudonym is the associated data: a ciphertext
copied onto another child's row fails to open instead of silently giving the wrong child's details.
Keys come from settings.IDENTITY_ENCRYPTION_KEYS on each call (the first seals, all open), so a key
can be rotated in by configuration and the old one removed once `rotate_identity_keys` has run.
"""

import json
import secrets
from dataclasses import dataclass

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from django.conf import settings

NONCE_BYTES = 12  # 96 bits, the size GCM is designed for
# Versioned so that a future change of what is bound can still open rows sealed under this one.
_ASSOCIATED_DATA_PREFIX = "safeguarding:child-identity:v1:"


class UnknownKeyError(Exception):
    """A ciphertext names a key that is not (or no longer) in IDENTITY_ENCRYPTION_KEYS."""


class DecryptionError(Exception):
    """A ciphertext did not open: altered, or moved from another child's row."""


@dataclass(frozen=True)
class Sealed:
    key_id: str
    nonce: bytes
    ciphertext: bytes


def _keyring():
    return dict(settings.IDENTITY_ENCRYPTION_KEYS)


def current_key_id():
    return settings.IDENTITY_ENCRYPTION_KEYS[0][0]


def _key(key_id):
    try:
        return _keyring()[key_id]
    except KeyError:
        raise UnknownKeyError(
            f"Identity encryption key {key_id!r} is not in IDENTITY_ENCRYPTION_KEYS "
            f"(known: {', '.join(_keyring())}). Restore it to read rows sealed with it."
        ) from None


def _associated_data(pseudonym):
    return f"{_ASSOCIATED_DATA_PREFIX}{pseudonym}".encode()


def seal(fields, *, pseudonym):
    """Encrypts a dict of identity fields with the current key, bound to `pseudonym`."""
    key_id = current_key_id()
    nonce = secrets.token_bytes(NONCE_BYTES)
    plaintext = json.dumps(fields, sort_keys=True, separators=(",", ":")).encode()
    ciphertext = AESGCM(_key(key_id)).encrypt(nonce, plaintext, _associated_data(pseudonym))
    return Sealed(key_id=key_id, nonce=nonce, ciphertext=ciphertext)


def unseal(sealed, *, pseudonym):
    """The dict sealed for `pseudonym`; raises UnknownKeyError or DecryptionError."""
    key = _key(sealed.key_id)
    try:
        plaintext = AESGCM(key).decrypt(bytes(sealed.nonce), bytes(sealed.ciphertext), _associated_data(pseudonym))
    except InvalidTag:
        raise DecryptionError(
            f"The identity sealed for {pseudonym} does not open with key {sealed.key_id!r}: "
            "it has been altered or belongs to another record."
        ) from None
    return json.loads(plaintext)
