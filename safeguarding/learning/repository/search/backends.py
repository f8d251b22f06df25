# ruff: noqa: S608 (SQL is built only from this module's fixed table and column names; every value
# a person typed is passed as a query parameter)
"""The two full-text engines behind the one search interface: SQLite FTS5 and PostgreSQL text search.

Each backend does three things with a ParsedQuery: give the ids of every entry that matches (whoever may
see it: search intersects them with the person's scope), give them in order of relevance (most relevant
first, then newest, then the higher id), and make a snippet of each page entry's text with the hits between
HIT_START and HIT_END (control characters that report text does not hold; `snippets.as_html` escapes the
text and only then turns them into <mark>). Ids come back as numpy arrays: search keeps them per query.
"""

import numpy as np
from django.db import connection

from .index_sql import ENTRY_TABLE, FTS_TABLE, TEXT_SEARCH_CONFIG, VECTOR_COLUMN, ensure_sqlite_index

HIT_START, HIT_END = "\x02", "\x03"
SNIPPET_WORDS = 32


class SqliteBackend:
    # bm25 weights per FTS column: a hit in the title counts ten times one in the body.
    _BM25 = f"bm25({FTS_TABLE}, 10.0, 1.0)"

    def __init__(self):
        ensure_sqlite_index(connection)

    def matching_ids(self, parsed):
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s", [parsed.as_literals()])
            return np.asarray([row[0] for row in cursor.fetchall()], dtype=np.int64)

    def ranked_ids(self, parsed, newest):
        """bm25 (lower is better), ties by position in `newest` (every id, newest first)."""
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT rowid, {self._BM25} FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s",
                [parsed.as_literals()],
            )
            rows = cursor.fetchall()
        ids = np.asarray([row[0] for row in rows], dtype=np.int64)
        if not ids.size:
            return ids
        position = np.full(int(max(ids.max(), newest.max(initial=0))) + 1, len(newest), dtype=np.int64)
        position[newest] = np.arange(len(newest))
        rank = np.asarray([row[1] for row in rows], dtype=np.float64)
        return ids[np.lexsort((position[ids], rank))]

    def snippets(self, entry_ids, parsed):
        if not entry_ids:
            return {}
        placeholders = ", ".join(["%s"] * len(entry_ids))
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT rowid, snippet({FTS_TABLE}, 1, %s, %s, '…', {SNIPPET_WORDS}) FROM {FTS_TABLE} "
                f"WHERE {FTS_TABLE} MATCH %s AND rowid IN ({placeholders})",
                [HIT_START, HIT_END, parsed.as_literals(), *entry_ids],
            )
            return dict(cursor.fetchall())


class PostgresBackend:
    def _tsquery(self):
        return f"websearch_to_tsquery('{TEXT_SEARCH_CONFIG}', %s)"

    def _ids(self, sql, parsed):
        with connection.cursor() as cursor:
            cursor.execute(sql, [parsed.as_literals()] * sql.count("%s"))
            return np.asarray([row[0] for row in cursor.fetchall()], dtype=np.int64)

    def matching_ids(self, parsed):
        return self._ids(f"SELECT id FROM {ENTRY_TABLE} WHERE {VECTOR_COLUMN} @@ {self._tsquery()}", parsed)

    def ranked_ids(self, parsed, newest):
        """Ranked by the database in one statement: the stored vector is read on the entry's own row."""
        return self._ids(
            f"SELECT id FROM {ENTRY_TABLE} WHERE {VECTOR_COLUMN} @@ {self._tsquery()} "
            f"ORDER BY ts_rank({VECTOR_COLUMN}, {self._tsquery()}) DESC, published_on DESC, id DESC",
            parsed,
        )

    def snippets(self, entry_ids, parsed):
        if not entry_ids:
            return {}
        options = f"StartSel={HIT_START}, StopSel={HIT_END}, MaxWords={SNIPPET_WORDS}, MinWords=12, MaxFragments=2"
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT id, ts_headline('{TEXT_SEARCH_CONFIG}', search_text, {self._tsquery()}, %s) "
                f"FROM {ENTRY_TABLE} WHERE id = ANY(%s)",
                [parsed.as_literals(), options, list(entry_ids)],
            )
            return dict(cursor.fetchall())


def current_backend():
    if connection.vendor == "sqlite":
        return SqliteBackend()
    if connection.vendor == "postgresql":
        return PostgresBackend()
    raise NotImplementedError(f"No repository search backend for {connection.vendor}")
