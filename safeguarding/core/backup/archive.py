"""Writing a backup (one database snapshot, every stored file, a manifest) and restoring one onto an empty
database. Both run PostgreSQL's own tools, pg_dump and pg_restore, which must be on the PATH."""

import datetime
import hashlib
import json
import os
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from django.core.files import File
from django.core.files.storage import default_storage
from django.db import connections, transaction
from django.utils import timezone

from .crypto import DecryptingReader, EncryptingWriter

FORMAT = 1
DUMP_NAME = "database.dump"
MANIFEST_NAME = "manifest.json"
FILES_FOLDER = "files"
_READ_BYTES = 1024 * 1024


class BackupError(Exception):
    """Why a backup or a restore stopped; said so that an operator knows what to do next."""


def _require_postgresql(connection):
    if connection.vendor != "postgresql":
        raise BackupError(
            "Backups use PostgreSQL's pg_dump and pg_restore: set DATABASE_URL to the PostgreSQL database. "
            "(The embedded SQLite database is one file, db.sqlite3: copy it while the service is stopped.)"
        )


def _libpq(connection):
    """Arguments and environment that point pg_dump or pg_restore at `connection`'s database."""
    settings = connection.settings_dict
    args = ["--dbname", settings["NAME"]]
    for option, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if settings.get(key):
            args += [option, str(settings[key])]
    env = {**os.environ}
    if settings.get("PASSWORD"):
        env["PGPASSWORD"] = settings["PASSWORD"]
    return args, env


def _run(command, env):
    try:
        finished = subprocess.run(command, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    except FileNotFoundError:
        raise BackupError(f"{command[0]} was not found: install PostgreSQL's client tools.") from None
    if finished.returncode != 0:
        raise BackupError(f"{command[0]} failed: {finished.stderr.strip()[-2000:]}")


def _table_counts(cursor, connection):
    counts = {}
    for table in sorted(connection.introspection.table_names(cursor)):
        cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")  # noqa: S608 (catalogue names)
        counts[table] = cursor.fetchone()[0]
    return counts


def _stored_names(storage, folder=""):
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:  # MEDIA_ROOT not made yet: nothing was ever stored
        return
    for name in sorted(files):
        yield f"{folder}/{name}" if folder else name
    for sub in sorted(folders):
        yield from _stored_names(storage, f"{folder}/{sub}" if folder else sub)


class _Hashing:
    """Passes a file's bytes through while counting and hashing them."""

    def __init__(self, source):
        self._source, self.sha256, self.size = source, hashlib.sha256(), 0

    def read(self, size=-1):
        data = self._source.read(size)
        self.sha256.update(data)
        self.size += len(data)
        return data


def _sha256_of(path):
    digest = hashlib.sha256()
    with open(path, "rb") as source:
        while block := source.read(_READ_BYTES):
            digest.update(block)
    return digest.hexdigest()


def _add_bytes(tar, name, data):
    info = tarfile.TarInfo(name)
    info.size, info.mode, info.mtime = len(data), 0o600, int(timezone.now().timestamp())
    tar.addfile(info, fileobj=_Bytes(data))


class _Bytes:
    def __init__(self, data):
        self._data, self._at = data, 0

    def read(self, size=-1):
        end = len(self._data) if size < 0 else self._at + size
        chunk, self._at = self._data[self._at : end], min(end, len(self._data))
        return chunk


def write_backup(destination, key_id, key, *, storage=None, using="default"):
    """Writes an encrypted backup to the open binary file `destination`; returns its manifest."""
    storage = storage or default_storage
    connection = connections[using]
    _require_postgresql(connection)
    with tempfile.TemporaryDirectory(prefix="slp-backup-") as work:
        dump = Path(work) / DUMP_NAME
        # One snapshot for the dump and the counts, so the manifest describes exactly what was dumped.
        with transaction.atomic(using=using), connection.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            cursor.execute("SELECT pg_export_snapshot(), current_setting('server_version')")
            snapshot, server_version = cursor.fetchone()
            args, env = _libpq(connection)
            _run(["pg_dump", "--format=custom", f"--snapshot={snapshot}", "--file", str(dump), *args], env)
            counts = _table_counts(cursor, connection)
        manifest = {
            "format": FORMAT,
            "created_at": timezone.now().astimezone(datetime.UTC).isoformat(),
            "key_id": key_id,
            "database": {"server_version": server_version, "tables": counts},
            "dump": {"name": DUMP_NAME, "bytes": dump.stat().st_size, "sha256": _sha256_of(dump)},
            "files": [],
        }
        with EncryptingWriter(destination, key_id, key) as sealed, tarfile.open(fileobj=sealed, mode="w|") as tar:
            tar.add(dump, arcname=DUMP_NAME)
            for name in _stored_names(storage):
                with storage.open(name, "rb") as stored:
                    info = tarfile.TarInfo(f"{FILES_FOLDER}/{name}")
                    info.size, info.mode = storage.size(name), 0o600
                    hashing = _Hashing(stored)
                    tar.addfile(info, fileobj=hashing)
                manifest["files"].append({"name": name, "bytes": hashing.size, "sha256": hashing.sha256.hexdigest()})
            _add_bytes(tar, MANIFEST_NAME, json.dumps(manifest, indent=2, sort_keys=True).encode())
    return manifest


@dataclass
class Restored:
    manifest: dict
    tables: int
    rows: int
    files: int


def _safe_name(name):
    path = PurePosixPath(name)
    if path.is_absolute() or ".." in path.parts or not path.parts:
        raise BackupError(f"The backup names a file outside its folders ({name!r}): it has been tampered with.")
    return str(path)


def _unpack(source, keyring, work):
    """Decrypts and unpacks the backup into `work`, checking every part against the manifest."""
    with DecryptingReader(source, keyring) as opened, tarfile.open(fileobj=opened, mode="r|") as tar:
        tar.extractall(work, filter="data")
        opened.finish()
    manifest_path = Path(work) / MANIFEST_NAME
    if not manifest_path.exists():
        raise BackupError("The backup has no manifest: it was not written by `manage.py backup`.")
    manifest = json.loads(manifest_path.read_text())
    if manifest.get("format") != FORMAT:
        raise BackupError(f"The backup's format is {manifest.get('format')!r}; this version reads format {FORMAT}.")
    parts = [(DUMP_NAME, manifest["dump"]["sha256"])]
    parts += [(f"{FILES_FOLDER}/{_safe_name(f['name'])}", f["sha256"]) for f in manifest["files"]]
    for name, expected in parts:
        path = Path(work) / name
        if not path.exists() or _sha256_of(path) != expected:
            raise BackupError(f"{name} in the backup does not match its checksum in the manifest.")
    return manifest


def _tables_in(cursor):
    cursor.execute(
        "SELECT COUNT(*) FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
        "WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S') AND n.nspname NOT IN ('pg_catalog', 'information_schema') "
        "AND n.nspname NOT LIKE 'pg_toast%%'"
    )
    return cursor.fetchone()[0]


def restore_backup(source, keyring, *, storage=None, using="default"):
    """Restores the backup in the open binary file `source` onto the (empty) database and file storage."""
    storage = storage or default_storage
    connection = connections[using]
    _require_postgresql(connection)
    with tempfile.TemporaryDirectory(prefix="slp-restore-") as work:
        manifest = _unpack(source, keyring, work)
        name = connection.settings_dict["NAME"]
        with connection.cursor() as cursor:
            existing = _tables_in(cursor)
        if existing:
            raise BackupError(
                f"The database {name!r} is not empty ({existing} tables and sequences): a backup is restored only "
                "onto an empty database. Create a new one (createdb) and point DATABASE_URL at it."
            )
        clashes = [f["name"] for f in manifest["files"] if storage.exists(f["name"])]
        if clashes:
            raise BackupError(
                f"The file storage already holds {len(clashes)} of the backup's files (first: {clashes[0]}): "
                "restore into empty storage (a new bucket, folder or FILES_S3_PREFIX)."
            )
        connection.close()  # pg_restore's own session does the work; ours would see a stale catalogue
        args, env = _libpq(connection)
        _run(
            [
                "pg_restore",
                "--no-owner",
                "--no-privileges",
                "--exit-on-error",
                "--single-transaction",
                *args,
                str(Path(work) / DUMP_NAME),
            ],
            env,
        )
        for entry in manifest["files"]:
            with open(Path(work) / FILES_FOLDER / entry["name"], "rb") as source_file:
                saved = storage.save(entry["name"], File(source_file, name=entry["name"]))
            if saved != entry["name"]:
                raise BackupError(f"The file storage stored {entry['name']} as {saved}: restore into empty storage.")
    with connection.cursor() as cursor:
        counts = _table_counts(cursor, connection)
    expected = manifest["database"]["tables"]
    differing = {table: (expected.get(table), counts.get(table)) for table in set(expected) | set(counts)}
    differing = {table: pair for table, pair in differing.items() if pair[0] != pair[1]}
    if differing:
        table, (before, after) = sorted(differing.items())[0]
        raise BackupError(
            f"{len(differing)} tables differ from the manifest after the restore (first: {table}, {before} rows "
            f"in the backup, {after} now)."
        )
    return Restored(manifest, len(counts), sum(counts.values()), len(manifest["files"]))
