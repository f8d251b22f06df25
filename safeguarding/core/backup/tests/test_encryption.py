"""A backup's encryption: what goes in comes out with the right key, and a wrong key, a changed byte, chunks
moved or dropped, or a file cut short are all refused with a message that says which."""

import io
import os

import pytest

from safeguarding.core.backup import crypto

KEY = ("k2026", os.urandom(32))
OTHER_KEY = ("k2026", os.urandom(32))
PLAIN = os.urandom(crypto.CHUNK_BYTES * 2 + 12345)  # three chunks, the last a short one


def _sealed(data=PLAIN, key=KEY):
    out = io.BytesIO()
    with crypto.EncryptingWriter(out, *key) as writer:
        for start in range(0, len(data), 100_000):
            writer.write(data[start : start + 100_000])
    return out.getvalue()


def _open(sealed, keyring=(KEY,)):
    with crypto.DecryptingReader(io.BytesIO(sealed), keyring) as reader:
        data = reader.read()
        reader.finish()
    return data


def test_what_goes_in_comes_out_and_nothing_is_in_the_clear():
    sealed = _sealed()
    assert _open(sealed) == PLAIN
    assert PLAIN[:64] not in sealed
    assert _open(_sealed(b"")) == b""


def test_any_key_of_the_keyring_opens_the_backup_it_wrote():
    older = ("k2025", os.urandom(32))
    assert _open(_sealed(key=older), keyring=(KEY, older)) == PLAIN


def test_a_key_the_keyring_does_not_hold_is_named():
    with pytest.raises(crypto.BackupKeyError, match="encrypted with key 'k2026', which BACKUP_ENCRYPTION_KEYS"):
        _open(_sealed(), keyring=(("k2030", os.urandom(32)),))


def test_the_wrong_key_under_the_same_name_is_refused():
    with pytest.raises(crypto.BackupKeyError, match="could not be decrypted with key 'k2026': the key is wrong"):
        _open(_sealed(), keyring=(OTHER_KEY,))


def test_a_changed_byte_is_refused():
    sealed = bytearray(_sealed())
    sealed[len(sealed) // 2] ^= 0x01
    with pytest.raises(crypto.BackupKeyError, match="has been changed or damaged"):
        _open(bytes(sealed))


def _chunks(sealed):
    header_length = len(crypto.MAGIC) + 1 + len(KEY[0]) + 16
    header, rest, chunks = sealed[:header_length], sealed[header_length:], []
    while rest:
        length = int.from_bytes(rest[12:16], "big")
        chunks.append(rest[: 16 + length])
        rest = rest[16 + length :]
    return header, chunks


def test_chunks_swapped_or_dropped_or_a_file_cut_short_are_refused():
    header, chunks = _chunks(_sealed())
    assert len(chunks) == 3
    with pytest.raises(crypto.BackupKeyError, match="changed or damaged"):
        _open(header + chunks[1] + chunks[0] + chunks[2])
    with pytest.raises(crypto.BackupKeyError, match="changed or damaged"):
        _open(header + chunks[0] + chunks[2])
    with pytest.raises(crypto.BackupKeyError, match="its last part is missing"):
        _open(header + chunks[0] + chunks[1])
    with pytest.raises(crypto.BackupKeyError, match="ends in the middle of a part"):
        _open(header + chunks[0] + chunks[1][:100])
    with pytest.raises(crypto.BackupKeyError, match="data after its last part"):
        _open(header + b"".join(chunks) + chunks[2])


def test_a_file_that_is_not_a_backup_is_named_as_such():
    with pytest.raises(crypto.BackupKeyError, match=r"not a backup written by `manage\.py backup`"):
        _open(b"PGDMP" + os.urandom(100))
