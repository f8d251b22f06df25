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


@pytest.fixture(scope="session", autouse=True)
def _let_test_flush_empty_only_the_postgresql_tables_that_hold_rows():
    """PostgreSQL's flush truncates every table in one statement, which costs 1.4 s on this machine when it
    is quiet and 6-8 s under load, whatever the tables hold (each truncation makes new files for the table and
    its indexes), and it is paid after every transactional test. A test leaves rows in a few dozen tables at
    most, so, for the test harness's flush only, those are found with one query and emptied with DELETE.
    Django's foreign keys are checked at commit on PostgreSQL (DEFERRABLE INITIALLY DEFERRED), so the order
    does not matter. Tables with triggers of their own (the append-only audit table refuses DELETE) are still
    truncated, which row triggers do not see. Content types and permissions, which the post-migrate signal
    after every flush would make again identically, are kept. Production code never flushes."""
    from django.db.backends.postgresql.operations import DatabaseOperations as PostgreSQLOperations

    original = PostgreSQLOperations.sql_flush
    # Filled again identically by the post-migrate signal that follows every flush: kept, not emptied and refilled.
    kept = {"django_content_type", "auth_permission"}

    def sql_flush(self, style, tables, *, reset_sequences=False, allow_cascade=False):
        if reset_sequences or allow_cascade or not tables:
            return original(self, style, tables, reset_sequences=reset_sequences, allow_cascade=allow_cascade)
        tables = [table for table in tables if table not in kept]
        quoted = {table: self.quote_name(table) for table in tables}
        # Table names come from the database's own catalogue, quoted; nothing here comes from outside.
        with self.connection.cursor() as cursor:
            cursor.execute(
                " UNION ALL ".join(f"SELECT %s WHERE EXISTS (SELECT 1 FROM {quoted[table]})" for table in tables),  # noqa: S608
                list(tables),
            )
            holding_rows = [table for (table,) in cursor.fetchall()]
            cursor.execute(
                "SELECT DISTINCT relname FROM pg_trigger JOIN pg_class ON pg_class.oid = tgrelid "
                "WHERE NOT tgisinternal AND relname = ANY(%s)",
                [holding_rows],
            )
            with_triggers = {table for (table,) in cursor.fetchall()}
        statements = [f"TRUNCATE {', '.join(quoted[table] for table in sorted(with_triggers))} CASCADE;"]
        statements = statements if with_triggers else []
        emptied = [table for table in holding_rows if table not in with_triggers]
        return statements + [f"DELETE FROM {quoted[table]};" for table in emptied]  # noqa: S608

    PostgreSQLOperations.sql_flush = sql_flush
    yield
    PostgreSQLOperations.sql_flush = original


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
