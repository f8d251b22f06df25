"""Finds what each app contributes to a shared list (task providers, reference resolvers) by a module name."""

import importlib

from django.apps import apps


def collect(module_name, attribute):
    """The `attribute` sequences of every project app's `<app>.<module_name>` module, joined in app order.

    An app without the module contributes nothing; an import error inside one that exists is raised."""
    found = []
    for config in apps.get_app_configs():
        if not config.name.startswith("safeguarding."):
            continue
        try:
            module = importlib.import_module(f"{config.name}.{module_name}")
        except ModuleNotFoundError as error:
            if error.name != f"{config.name}.{module_name}":
                raise
            continue
        found.extend(getattr(module, attribute))
    return tuple(found)
