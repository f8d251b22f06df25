"""Test-harness plumbing for every app under safeguarding/."""

import importlib

import pytest


@pytest.fixture(scope="session", autouse=True)
def _let_test_flush_empty_the_sqlite_audit_table():
    """Transactional tests end by flushing every table. On SQLite that is DELETE FROM, which the
    append-only audit trigger rightly refuses; so, for the test harness's flush only, the trigger is
    dropped before and recreated after. (PostgreSQL flushes with TRUNCATE, which the row triggers
    do not see.) Production code never flushes."""
    from django.db.backends.sqlite3.base import DatabaseOperations as SQLiteOperations

    triggers = importlib.import_module("safeguarding.core.migrations.0003_audit_sealed_after_commit")
    original = SQLiteOperations.sql_flush

    def sql_flush(self, style, tables, *, reset_sequences=False, allow_cascade=False):
        statements = original(self, style, tables, reset_sequences=reset_sequences, allow_cascade=allow_cascade)
        if "core_auditevent" not in tables:
            return statements
        return [*triggers.SQLITE_BACKWARD, *statements, *triggers.SQLITE_FORWARD]

    SQLiteOperations.sql_flush = sql_flush
    yield
    SQLiteOperations.sql_flush = original


@pytest.fixture(autouse=True)
def _an_empty_cache():
    """Each test starts with an empty cache: rolled-back tests reuse ids and the frozen clock, so a cached
    answer keyed by a data version could otherwise be read by a later test with different rows."""
    from django.core.cache import cache

    cache.clear()
    yield


@pytest.fixture
def area(db):
    from safeguarding.organisations.factories import SafeguardingAreaFactory

    return SafeguardingAreaFactory(name="Area A Safeguarding Partnership", slug="area-a")


@pytest.fixture
def other_area(db):
    from safeguarding.organisations.factories import SafeguardingAreaFactory

    return SafeguardingAreaFactory(name="Area B Safeguarding Partnership", slug="area-b")


@pytest.fixture
def sign_in(client):
    """sign_in(user) signs the person in on `client`, with their second factor verified."""
    from safeguarding.core.testing import sign_in as _sign_in

    return lambda user, **kwargs: _sign_in(client, user, **kwargs)
