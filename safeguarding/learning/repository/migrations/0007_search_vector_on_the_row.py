"""PostgreSQL keeps each entry's search vector on the entry's row (index_sql.POSTGRES_VECTOR_ON_ROW); other
engines have nothing to change."""

from django.db import migrations

from safeguarding.learning.repository.search import index_sql


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement, params=None)

    return run


class Migration(migrations.Migration):
    dependencies = [("repository", "0006_repository_data_version")]

    operations = [migrations.RunPython(_run(index_sql.POSTGRES_VECTOR_ON_ROW), _run(index_sql.POSTGRES_VECTOR_TOASTED))]
