"""Reference data the migrations seed (clock policies, methodologies), reloaded for transactional tests:
each of those ends by flushing every table, so the next one would otherwise find them gone."""

import importlib

from django.apps import apps


def reload_reference_data():
    clocks = importlib.import_module("safeguarding.core.clocks.migrations.0002_default_policies")
    methodologies = importlib.import_module("safeguarding.incidents.migrations.0002_methodologies")
    clocks.load_defaults(apps, None)
    methodologies.add_methodologies(apps, None)
