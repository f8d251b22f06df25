"""Streaming authenticated encryption for backups: AES-256-GCM over 1 MiB chunks.

The file starts with a header (magic, format, the id of the key that encrypted it, a random backup id). Each
chunk is stored as nonce, length and ciphertext with its tag; the header, the chunk's index and whether it is
the last chunk are authenticated with it. So a wrong key, a changed byte, chunks swapped or dropped, and a file
cut short are all refused, not restored; and no chunk needs the whole file in memory.
"""

import io
import os
import struct

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

MAGIC = b"SLPBACKUP1\n"
CHUNK_BYTES = 1024 * 1024
_NONCE_BYTES = 12
_LENGTH = struct.Struct(">I")
_POSITION = struct.Struct(">QB")


class BackupKeyError(Exception):
    """The backup cannot be opened with the keys given, or has been changed since it was written."""


def _header(key_id, backup_id):
    encoded = key_id.encode()
    return MAGIC + bytes([len(encoded)]) + encoded + backup_id


class EncryptingWriter(io.RawIOBase):
    """A write-only file that encrypts what is written to it into `sink`, chunk by chunk. Call close()."""

    def __init__(self, sink, key_id, key):
        self._sink = sink
        self._aead = AESGCM(key)
        self._header = _header(key_id, os.urandom(16))
        self._buffer = bytearray()
        self._index = 0
        sink.write(self._header)

    def writable(self):
        return True

    def write(self, data):
        self._buffer += data
        while len(self._buffer) > CHUNK_BYTES:  # keep at least one byte back: the last chunk is marked
            self._seal(bytes(self._buffer[:CHUNK_BYTES]), final=False)
            del self._buffer[:CHUNK_BYTES]
        return len(data)

    def _seal(self, plaintext, *, final):
        nonce = os.urandom(_NONCE_BYTES)
        sealed = self._aead.encrypt(nonce, plaintext, self._header + _POSITION.pack(self._index, final))
        self._sink.write(nonce + _LENGTH.pack(len(sealed)) + sealed)
        self._index += 1

    def close(self):
        if not self.closed:
            self._seal(bytes(self._buffer), final=True)
            self._buffer.clear()
        super().close()


def _read_exactly(source, size):
    data = source.read(size)
    if len(data) != size:
        raise BackupKeyError("The backup file is cut short or damaged: it ends in the middle of a part.")
    return data


def read_key_id(source):
    """The id of the key a backup was encrypted with, read from its header (and the header itself)."""
    magic = source.read(len(MAGIC))
    if magic != MAGIC:
        raise BackupKeyError("This is not a backup written by `manage.py backup` (its first bytes are wrong).")
    length = _read_exactly(source, 1)[0]
    key_id = _read_exactly(source, length).decode()
    return key_id, MAGIC + bytes([length]) + key_id.encode() + _read_exactly(source, 16)


class DecryptingReader(io.RawIOBase):
    """Reads and checks an encrypted backup, chunk by chunk, with the matching key of `keyring`."""

    def __init__(self, source, keyring):
        self._source = source
        key_id, self._header = read_key_id(source)
        keys = dict(keyring)
        if key_id not in keys:
            held = ", ".join(repr(k) for k in keys) or "none"
            raise BackupKeyError(
                f"This backup was encrypted with key {key_id!r}, which BACKUP_ENCRYPTION_KEYS does not hold "
                f"(it holds {held})."
            )
        self.key_id = key_id
        self._aead = AESGCM(keys[key_id])
        self._index = 0
        self._plain = b""
        self._offset = 0
        self._done = False

    def readable(self):
        return True

    def _next_chunk(self):
        head = self._source.read(_NONCE_BYTES + _LENGTH.size)
        if not head:
            raise BackupKeyError("The backup file is cut short: its last part is missing.")
        if len(head) != _NONCE_BYTES + _LENGTH.size:
            raise BackupKeyError("The backup file is cut short or damaged: it ends in the middle of a part.")
        nonce, (length,) = head[:_NONCE_BYTES], _LENGTH.unpack(head[_NONCE_BYTES:])
        if length > CHUNK_BYTES + 16:
            raise BackupKeyError("The backup file is damaged: a part claims to be larger than any part written.")
        sealed = _read_exactly(self._source, length)
        for final in (False, True):
            try:
                plain = self._aead.decrypt(nonce, sealed, self._header + _POSITION.pack(self._index, final))
            except InvalidTag:
                continue
            self._index += 1
            if final:
                self._done = True
                if self._source.read(1):
                    raise BackupKeyError("The backup file has data after its last part: it has been changed.")
            return plain
        raise BackupKeyError(
            f"The backup could not be decrypted with key {self.key_id!r}: the key is wrong, or the file has been "
            "changed or damaged."
        )

    def finish(self):
        """Reads what is left (a tar reader stops at its own end): the last part must be there, unchanged."""
        while self.read(CHUNK_BYTES):
            pass
        if not self._done:
            raise BackupKeyError("The backup file is cut short: its last part is missing.")

    def readinto(self, target):
        while self._offset == len(self._plain) and not self._done:
            self._plain, self._offset = self._next_chunk(), 0
        count = min(len(target), len(self._plain) - self._offset)
        target[:count] = self._plain[self._offset : self._offset + count]
        self._offset += count
        return count
