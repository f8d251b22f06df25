"""The full-text search index of the repository: FTS5 on SQLite, a generated tsvector with a GIN index on
PostgreSQL. Written as SQL for whichever engine runs the migration; other engines get no index."""

from django.db import migrations

from safeguarding.learning.repository.search import index_sql


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement, params=None)

    return run


class Migration(migrations.Migration):
    dependencies = [("repository", "0002_load_category_scheme")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": index_sql.SQLITE_FORWARD, "postgresql": index_sql.POSTGRES_FORWARD}),
            _run({"sqlite": index_sql.SQLITE_BACKWARD, "postgresql": index_sql.POSTGRES_BACKWARD}),
        )
    ]
