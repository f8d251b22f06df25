"""Sealing identity fields: they open only with the right key, nonce and pseudonym."""

import pytest
from django.test import override_settings

from safeguarding.core.identity import crypto

FIELDS = {"given_names": "Ellery Jo", "family_name": "Quennell", "nhs_number": "9434765919"}
KEY_A = ("keyA", bytes(range(32)))
KEY_B = ("keyB", bytes(range(32, 64)))


def flip_first_bit(data):
    return bytes([data[0] ^ 1]) + bytes(data[1:])


@override_settings(IDENTITY_ENCRYPTION_KEYS=[KEY_A])
def test_sealed_fields_open_to_the_same_dict():
    sealed = crypto.seal(FIELDS, pseudonym="C-AAAA-BBBB")

    assert sealed.key_id == "keyA"
    assert len(sealed.nonce) == 12
    assert crypto.unseal(sealed, pseudonym="C-AAAA-BBBB") == FIELDS


def test_each_seal_uses_a_fresh_nonce():
    first, second = (crypto.seal(FIELDS, pseudonym="C-AAAA-BBBB") for _ in range(2))

    assert first.nonce != second.nonce
    assert first.ciphertext != second.ciphertext


def test_ciphertext_shows_no_field_value():
    sealed = crypto.seal(FIELDS, pseudonym="C-AAAA-BBBB")

    for value in FIELDS.values():
        assert value.encode() not in sealed.ciphertext


@pytest.mark.parametrize(
    "tamper",
    [
        pytest.param(lambda s: crypto.Sealed(s.key_id, s.nonce, flip_first_bit(s.ciphertext)), id="ciphertext"),
        pytest.param(lambda s: crypto.Sealed(s.key_id, flip_first_bit(s.nonce), s.ciphertext), id="nonce"),
        pytest.param(lambda s: crypto.Sealed(s.key_id, s.nonce, s.ciphertext[:-1]), id="truncated-tag"),
    ],
)
def test_altered_seal_does_not_open(tamper):
    sealed = crypto.seal(FIELDS, pseudonym="C-AAAA-BBBB")

    with pytest.raises(crypto.DecryptionError, match="altered or belongs to another record"):
        crypto.unseal(tamper(sealed), pseudonym="C-AAAA-BBBB")


def test_seal_copied_to_another_pseudonym_does_not_open():
    sealed = crypto.seal(FIELDS, pseudonym="C-AAAA-BBBB")

    with pytest.raises(crypto.DecryptionError):
        crypto.unseal(sealed, pseudonym="C-CCCC-DDDD")


def test_unknown_key_id_is_named_in_the_error():
    with override_settings(IDENTITY_ENCRYPTION_KEYS=[KEY_A]):
        sealed = crypto.seal(FIELDS, pseudonym="C-AAAA-BBBB")

    with (
        override_settings(IDENTITY_ENCRYPTION_KEYS=[KEY_B]),
        pytest.raises(crypto.UnknownKeyError, match=r"'keyA' is not in IDENTITY_ENCRYPTION_KEYS \(known: keyB\)"),
    ):
        crypto.unseal(sealed, pseudonym="C-AAAA-BBBB")


def test_a_key_id_pointing_at_the_wrong_key_does_not_open():
    with override_settings(IDENTITY_ENCRYPTION_KEYS=[KEY_A]):
        sealed = crypto.seal(FIELDS, pseudonym="C-AAAA-BBBB")

    with override_settings(IDENTITY_ENCRYPTION_KEYS=[("keyA", KEY_B[1])]), pytest.raises(crypto.DecryptionError):
        crypto.unseal(sealed, pseudonym="C-AAAA-BBBB")


def test_first_key_seals_and_every_key_opens():
    with override_settings(IDENTITY_ENCRYPTION_KEYS=[KEY_A]):
        old = crypto.seal(FIELDS, pseudonym="C-AAAA-BBBB")

    with override_settings(IDENTITY_ENCRYPTION_KEYS=[KEY_B, KEY_A]):
        new = crypto.seal(FIELDS, pseudonym="C-AAAA-BBBB")
        assert new.key_id == "keyB"
        assert crypto.unseal(old, pseudonym="C-AAAA-BBBB") == FIELDS
        assert crypto.unseal(new, pseudonym="C-AAAA-BBBB") == FIELDS
