"""The embedded SQLite default under concurrent use: several writers at once, no "database is locked".

Each thread opens its own connection to one database file, configured exactly as DATABASE_URL=sqlite:///...
configures the service, and runs transactions that read and then write, as the actions do (a check, then a
change). With SQLite's default deferred transactions two such writers deadlock on the lock upgrade and one
fails at once with "database is locked", whatever the timeout.
"""

import threading

import pytest
from django.db import connections, transaction

from config.env import env_database_url

ALIAS = "concurrent_sqlite"
THREADS = 8
WRITES_PER_THREAD = 15


@pytest.fixture
def file_database(tmp_path, monkeypatch, django_db_blocker):
    monkeypatch.setenv("CONCURRENT_DATABASE_URL", f"sqlite:///{tmp_path / 'concurrent.sqlite3'}")
    config = env_database_url("CONCURRENT_DATABASE_URL")
    configured = connections.configure_settings({"default": dict(config), ALIAS: config})[ALIAS]
    connections.settings[ALIAS] = configured
    with django_db_blocker.unblock():
        with connections[ALIAS].cursor() as cursor:
            cursor.execute("CREATE TABLE ledger (id INTEGER PRIMARY KEY, writer INTEGER, seen INTEGER)")
        connections[ALIAS].close()
        yield
    del connections.settings[ALIAS]


def _write(writer, failures, start):
    try:
        start.wait()
        for _ in range(WRITES_PER_THREAD):
            with transaction.atomic(using=ALIAS), connections[ALIAS].cursor() as cursor:
                cursor.execute("SELECT COUNT(*) FROM ledger")
                seen = cursor.fetchone()[0]
                cursor.execute("INSERT INTO ledger (writer, seen) VALUES (%s, %s)", [writer, seen])
    except Exception as error:
        failures.append(repr(error))
    finally:
        connections[ALIAS].close()


def test_the_sqlite_default_uses_wal_a_busy_timeout_and_immediate_transactions():
    options = env_database_url("UNSET_FOR_THIS_TEST", "sqlite:///x.sqlite3")["OPTIONS"]
    assert options["transaction_mode"] == "IMMEDIATE"
    assert options["timeout"] >= 5
    assert "journal_mode=WAL" in options["init_command"]


def test_concurrent_writers_on_one_sqlite_file_all_succeed(file_database):
    failures, start = [], threading.Barrier(THREADS)
    threads = [threading.Thread(target=_write, args=(n, failures, start)) for n in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not failures, failures[:3]
    with connections[ALIAS].cursor() as cursor:
        cursor.execute("PRAGMA journal_mode")
        assert cursor.fetchone()[0] == "wal"
        cursor.execute("SELECT COUNT(*), COUNT(DISTINCT seen) FROM ledger")
        rows, distinct_counts = cursor.fetchone()
    connections[ALIAS].close()
    # Every write landed, and each saw every write committed before it: the writers took turns.
    assert rows == distinct_counts == THREADS * WRITES_PER_THREAD
