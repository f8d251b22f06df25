"""Reference data the migrations seed (policy table, methodologies, category scheme), reloaded for the
browser tests: each transactional test ends by flushing every table."""

import importlib

from django.apps import apps


def reload_reference_data():
    from safeguarding.learning.repository import taxonomy_data

    clocks = importlib.import_module("safeguarding.core.clocks.migrations.0002_default_policies")
    methodologies = importlib.import_module("safeguarding.incidents.migrations.0002_methodologies")
    clocks.load_defaults(apps, None)
    methodologies.add_methodologies(apps, None)
    taxonomy_data.load(apps.get_model("repository", "ThemeGroup"), apps.get_model("repository", "Theme"))
