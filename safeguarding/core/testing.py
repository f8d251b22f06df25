"""Helpers for tests across apps (imported by tests only)."""

import importlib
from contextlib import contextmanager

from django.apps import apps
from django.db import transaction
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice


def sign_in(client, user, *, second_factor=True):
    """Signs `user` in on the test client; with `second_factor`, as if they had entered a TOTP code."""
    client.force_login(user)
    if second_factor:
        device = TOTPDevice.objects.filter(user=user, confirmed=True).first() or TOTPDevice.objects.create(
            user=user, name="Test authenticator", confirmed=True
        )
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
    return client


def reload_migration_data():
    """Loads again the reference data that data migrations seed (the clock policy table, the methods of
    learning inquiries, the category scheme of the national repository and its data version). Each loader is
    idempotent."""
    from safeguarding.learning.repository import taxonomy_data

    clocks = importlib.import_module("safeguarding.core.clocks.migrations.0002_default_policies")
    methodologies = importlib.import_module("safeguarding.incidents.migrations.0002_methodologies")
    repository_version = importlib.import_module(
        "safeguarding.learning.repository.migrations.0006_repository_data_version"
    )
    with transaction.atomic():
        clocks.load_defaults(apps, None)
        methodologies.add_methodologies(apps, None)
        taxonomy_data.load(apps.get_model("repository", "ThemeGroup"), apps.get_model("repository", "Theme"))
        repository_version.first_version(apps, None)


@contextmanager
def kept_for_the_module(django_db_blocker):
    """Rows written inside stay for every test of a module, then go: a module's tests share one costly world
    (the demo, seeded once) instead of each seeding it. Each test still runs inside its own savepoint
    (pytest-django's `db` nests in this transaction), so what one test changes is undone before the next."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield
        transaction.set_rollback(True)
