"""Loads the common category scheme (taxonomy_data.SCHEME). A later change to the scheme adds its own
migration that calls the same loader, so every database holds the same codes."""

from django.db import migrations


def load_scheme(apps, schema_editor):
    from safeguarding.learning.repository import taxonomy_data

    taxonomy_data.load(apps.get_model("repository", "ThemeGroup"), apps.get_model("repository", "Theme"))


class Migration(migrations.Migration):
    dependencies = [("repository", "0001_initial")]

    operations = [migrations.RunPython(load_scheme, migrations.RunPython.noop)]
