# ruff: noqa: S608, S611 (SQL is built only from this module's fixed table and column names; every value
# a person typed is passed as a query parameter)
"""The two full-text engines behind the one search interface: SQLite FTS5 and PostgreSQL text search.

Each backend does three things with a ParsedQuery: narrow a queryset of entries to those that match,
order matching entry ids by relevance, and make a snippet of each page entry's text with the hits between
HIT_START and HIT_END (control characters that report text does not hold; `snippets.as_html` escapes the
text and only then turns them into <mark>).
"""

from django.db import connection
from django.db.models.expressions import RawSQL

from .index_sql import ENTRY_TABLE, FTS_TABLE, TEXT_SEARCH_CONFIG, VECTOR_COLUMN, ensure_sqlite_index

HIT_START, HIT_END = "\x02", "\x03"
SNIPPET_WORDS = 32


class SqliteBackend:
    # bm25 weights per FTS column: a hit in the title counts ten times one in the body.
    _BM25 = f"bm25({FTS_TABLE}, 10.0, 1.0)"

    def __init__(self):
        ensure_sqlite_index(connection)

    def matching(self, entries, parsed):
        match = RawSQL(f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s", [parsed.as_literals()])
        return entries.filter(id__in=match)

    def ranked(self, matching_entries, parsed):
        # bm25 needs the MATCH in the same query, so rank every hit once here (lower is better) and keep
        # those the person may see, rather than a correlated subquery per row.
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT rowid, {self._BM25} FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s",
                [parsed.as_literals()],
            )
            rank = dict(cursor.fetchall())
        allowed = matching_entries.order_by().values_list("id", "published_on")
        ordered = sorted(allowed, key=lambda row: (rank.get(row[0], 0.0), -row[1].toordinal(), -row[0]))
        return [entry_id for entry_id, _published in ordered]

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

    def matching(self, entries, parsed):
        match = RawSQL(
            f"SELECT id FROM {ENTRY_TABLE} WHERE {VECTOR_COLUMN} @@ {self._tsquery()}", [parsed.as_literals()]
        )
        return entries.filter(id__in=match)

    def ranked(self, matching_entries, parsed):
        """A queryset of ids by relevance: the paginator's LIMIT and OFFSET reach the database, so only a
        page of ids comes back however many entries match."""
        # The outermost query names the entry table itself, so the stored vector can be read from it.
        rank = RawSQL(f'ts_rank("{ENTRY_TABLE}"."{VECTOR_COLUMN}", {self._tsquery()})', [parsed.as_literals()])
        ordered = matching_entries.annotate(rank=rank).order_by("-rank", "-published_on", "-id")
        return ordered.values_list("id", flat=True)

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
