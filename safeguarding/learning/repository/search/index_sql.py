# ruff: noqa: S608 (SQL built only from fixed table and column names: nothing a person typed)
"""The full-text index of the repository, one per database engine, in SQL.

SQLite: an FTS5 table over `title` and `search_text`, kept in step by triggers (external content, so the
text is stored once). PostgreSQL: a stored, generated tsvector column (the title weighted above the rest)
with a GIN index. The migration runs these; `ensure_sqlite_index` runs them again if a later migration
has rebuilt the table (SQLite's way of altering a table drops its triggers).
"""

ENTRY_TABLE = "repository_repositoryentry"
FTS_TABLE = "repository_entry_fts"
VECTOR_COLUMN = "search_vector"
TEXT_SEARCH_CONFIG = "english"

SQLITE_TRIGGERS = {
    "repository_entry_fts_insert": f"""
        CREATE TRIGGER IF NOT EXISTS repository_entry_fts_insert AFTER INSERT ON {ENTRY_TABLE} BEGIN
            INSERT INTO {FTS_TABLE}(rowid, title, search_text) VALUES (new.id, new.title, new.search_text);
        END""",
    "repository_entry_fts_delete": f"""
        CREATE TRIGGER IF NOT EXISTS repository_entry_fts_delete AFTER DELETE ON {ENTRY_TABLE} BEGIN
            INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, title, search_text)
                VALUES ('delete', old.id, old.title, old.search_text);
        END""",
    "repository_entry_fts_update": f"""
        CREATE TRIGGER IF NOT EXISTS repository_entry_fts_update AFTER UPDATE ON {ENTRY_TABLE} BEGIN
            INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, title, search_text)
                VALUES ('delete', old.id, old.title, old.search_text);
            INSERT INTO {FTS_TABLE}(rowid, title, search_text) VALUES (new.id, new.title, new.search_text);
        END""",
}

SQLITE_FORWARD = [
    # Porter stemming, as PostgreSQL's english configuration stems: "neglected" finds "neglect".
    f"""CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5(
        title, search_text, content='{ENTRY_TABLE}', content_rowid='id',
        tokenize='porter unicode61 remove_diacritics 2'
    )""",
    *SQLITE_TRIGGERS.values(),
    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')",
]
SQLITE_BACKWARD = [*(f"DROP TRIGGER IF EXISTS {name}" for name in SQLITE_TRIGGERS), f"DROP TABLE IF EXISTS {FTS_TABLE}"]

POSTGRES_FORWARD = [
    f"""ALTER TABLE {ENTRY_TABLE} ADD COLUMN {VECTOR_COLUMN} tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('{TEXT_SEARCH_CONFIG}'::regconfig, coalesce(title, '')), 'A')
        || setweight(to_tsvector('{TEXT_SEARCH_CONFIG}'::regconfig, coalesce(search_text, '')), 'D')
    ) STORED""",
    f"CREATE INDEX repository_entry_search_vector ON {ENTRY_TABLE} USING GIN ({VECTOR_COLUMN})",
]
# Each entry's vector (about 2 kB, which compression barely shrinks) kept on the entry's own row rather than
# moved out to the TOAST table: a search for a common word tests and ranks thousands of vectors, and reading
# each from the TOAST table (an index probe and several pages per row) cost four times as long (at 10,000
# reports, "school": 38 ms against 10 ms). The UPDATE rewrites the rows already there so their vectors move in.
POSTGRES_VECTOR_ON_ROW = [
    f"ALTER TABLE {ENTRY_TABLE} ALTER COLUMN {VECTOR_COLUMN} SET STORAGE MAIN",
    f"UPDATE {ENTRY_TABLE} SET search_text = search_text",
]
POSTGRES_VECTOR_TOASTED = [f"ALTER TABLE {ENTRY_TABLE} ALTER COLUMN {VECTOR_COLUMN} SET STORAGE EXTENDED"]
POSTGRES_BACKWARD = [
    "DROP INDEX IF EXISTS repository_entry_search_vector",
    f"ALTER TABLE {ENTRY_TABLE} DROP COLUMN IF EXISTS {VECTOR_COLUMN}",
]

_checked_sqlite_databases = set()


def ensure_sqlite_index(connection):
    """Once per process and database: re-creates any missing trigger and, if one was missing (so writes
    may have been missed), rebuilds the index from the entries."""
    key = connection.settings_dict["NAME"]
    if key in _checked_sqlite_databases:
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT name FROM sqlite_master WHERE type IN ('trigger', 'table') AND name LIKE 'repository_entry_fts%%'"
        )
        present = {row[0] for row in cursor.fetchall()}
        if FTS_TABLE not in present or not set(SQLITE_TRIGGERS) <= present:
            for statement in SQLITE_FORWARD:
                cursor.execute(statement)
    _checked_sqlite_databases.add(key)
