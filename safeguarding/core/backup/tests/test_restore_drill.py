"""The restore drill: seed a small world, back it up, restore it into a new, empty PostgreSQL database and
empty file storage, then the audit chain verifies and every table holds as many rows as before. Also: a
non-empty target and a wrong key are refused, saying so. PostgreSQL only (pg_dump and pg_restore)."""

import base64
import os
import subprocess
import sys

import psycopg
import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command
from django.db import connection

from safeguarding.core import audit
from safeguarding.core.tests import processes
from safeguarding.incidents.factories import make_incident
from safeguarding.organisations.factories import SafeguardingAreaFactory, person_with_role
from safeguarding.organisations.models import Role

if os.environ.get("DATABASE_URL", "").split(":", 1)[0] not in {"postgres", "postgresql"}:
    # Skipped whole, before any test (and its database) is set up.
    pytest.skip(
        "the restore drill needs PostgreSQL (pg_dump and pg_restore): set DATABASE_URL to run it",
        allow_module_level=True,
    )

pytestmark = pytest.mark.django_db(transaction=True)


def _key(key_id="k2026"):
    return f"{key_id}:" + base64.urlsafe_b64encode(os.urandom(32)).decode().rstrip("=")


@pytest.fixture
def key(monkeypatch):
    value = _key()
    monkeypatch.setenv("BACKUP_ENCRYPTION_KEYS", value)
    return value


@pytest.fixture
def world(settings, tmp_path):
    """A small world: two areas, people, serious incidents with their children (encrypted identity), audit
    events, and two stored files."""
    settings.MEDIA_ROOT = str(tmp_path / "source-media")
    areas = [SafeguardingAreaFactory(name=f"Area {n} Safeguarding Partnership", slug=f"area-{n}") for n in "ab"]
    for area in areas:
        admin = person_with_role(Role.AREA_ADMINISTRATOR, area)
        for _ in range(3):
            incident = make_incident(area)
            audit.record(admin, "incident.viewed", incident, area=area)
    default_storage.save("incidents/evidence/a.pdf", ContentFile(b"%PDF-1.7 evidence"))
    default_storage.save("incidents/evidence/b.txt", ContentFile("Audit of referrals \u2014 40 of 40".encode()))
    return areas


def _counts(name):
    with psycopg.connect(**processes.connection_params(name)) as db, db.cursor() as cursor:
        cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")
        tables = [row[0] for row in cursor.fetchall()]
        counts = {}
        for table in tables:
            cursor.execute(f'SELECT COUNT(*) FROM "{table}"')  # noqa: S608 (catalogue names)
            counts[table] = cursor.fetchone()[0]
    return counts


@pytest.fixture
def empty_database():
    with processes.scratch_database("restore_drill") as name:
        yield name


def _manage(*args, database, media_root, key):
    url = processes.database_url(database)
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DATABASE_URL": url,
        "MEDIA_ROOT": str(media_root),
        "BACKUP_ENCRYPTION_KEYS": key,
    }
    return subprocess.run(  # noqa: S603 (our own manage.py, fixed arguments)
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )


def test_a_backup_restores_into_an_empty_database_with_every_count_equal(world, key, tmp_path, empty_database):
    backup = tmp_path / "drill.slpbackup"
    call_command("backup", str(backup), stdout=open(os.devnull, "w"))  # noqa: SIM115
    source_counts = _counts(connection.settings_dict["NAME"])
    assert source_counts["core_auditevent"] >= 6 and source_counts["incidents_incident"] == 6
    assert b"evidence" not in backup.read_bytes() and b"Area a Safeguarding" not in backup.read_bytes()

    restored_media = tmp_path / "restored-media"
    result = _manage("restore", str(backup), database=empty_database, media_root=restored_media, key=key)
    assert result.returncode == 0, result.stderr
    assert "audit chain OK" in result.stdout

    assert _counts(empty_database) == source_counts
    chain = _manage("verify_audit_chain", database=empty_database, media_root=restored_media, key=key)
    assert chain.returncode == 0 and chain.stdout.strip() == f"OK {source_counts['core_auditevent']} events"
    assert (restored_media / "incidents/evidence/a.pdf").read_bytes() == b"%PDF-1.7 evidence"
    assert (restored_media / "incidents/evidence/b.txt").read_text() == "Audit of referrals \u2014 40 of 40"


def test_a_non_empty_database_is_refused_and_left_as_it_was(world, key, tmp_path):
    backup = tmp_path / "drill.slpbackup"
    call_command("backup", str(backup), stdout=open(os.devnull, "w"))  # noqa: SIM115
    before = _counts(connection.settings_dict["NAME"])
    with pytest.raises(CommandError, match=r"is not empty .* restored only onto an empty database"):
        call_command("restore", str(backup))
    assert _counts(connection.settings_dict["NAME"]) == before


def test_a_wrong_key_is_refused_before_anything_is_touched(world, key, tmp_path, empty_database, monkeypatch):
    backup = tmp_path / "drill.slpbackup"
    call_command("backup", str(backup), stdout=open(os.devnull, "w"))  # noqa: SIM115
    result = _manage("restore", str(backup), database=empty_database, media_root=tmp_path / "m", key=_key())
    assert result.returncode != 0
    assert "could not be decrypted with key 'k2026': the key is wrong" in result.stderr
    assert _counts(empty_database) == {}
    other = _manage("restore", str(backup), database=empty_database, media_root=tmp_path / "m", key=_key("k2030"))
    assert "encrypted with key 'k2026', which BACKUP_ENCRYPTION_KEYS does not hold" in other.stderr


def test_a_backup_is_never_written_over_another(world, key, tmp_path):
    backup = tmp_path / "drill.slpbackup"
    backup.write_bytes(b"an earlier backup")
    with pytest.raises(CommandError, match="already exists"):
        call_command("backup", str(backup))
    assert backup.read_bytes() == b"an earlier backup"
