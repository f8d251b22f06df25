"""Audit events are appended unsealed and chained by a sealer after their transaction commits.

The append-only triggers now let exactly one UPDATE through: the sealing of an unsealed event, which fills
its sequence, previous_hash and hash and changes nothing else. Any other UPDATE, and every DELETE, is refused
as before. (SQLite rebuilds the table to alter its columns, which drops its triggers: they are made again.)
"""

import importlib

from django.conf import settings
from django.db import migrations, models

_CONTENT = (
    "id", "occurred_at", "actor_kind", "actor_id", "actor_label", "organisation_id", "role", "area_id", "verb",
    "target_type", "target_id", "target_label", "data", "request_id",
)  # fmt: skip
_SEALING = (
    "OLD.sequence IS NULL AND OLD.hash IS NULL AND NEW.sequence IS NOT NULL AND NEW.hash IS NOT NULL AND "
    + " AND ".join(f"NEW.{column} IS NOT DISTINCT FROM OLD.{column}" for column in _CONTENT)
)

SQLITE_FORWARD = [
    "DROP TRIGGER IF EXISTS core_auditevent_no_update;",
    "DROP TRIGGER IF EXISTS core_auditevent_no_delete;",
    f"""CREATE TRIGGER core_auditevent_no_update BEFORE UPDATE ON core_auditevent
       WHEN NOT ({_SEALING.replace("IS NOT DISTINCT FROM", "IS")})
       BEGIN SELECT RAISE(ABORT, 'audit events are append-only: UPDATE refused'); END;""",
    """CREATE TRIGGER core_auditevent_no_delete BEFORE DELETE ON core_auditevent
       BEGIN SELECT RAISE(ABORT, 'audit events are append-only: DELETE refused'); END;""",
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS core_auditevent_no_update;",
    "DROP TRIGGER IF EXISTS core_auditevent_no_delete;",
]
POSTGRES_FORWARD = [
    f"""CREATE OR REPLACE FUNCTION core_auditevent_refuse_change() RETURNS trigger AS $$
       BEGIN
         IF TG_OP = 'UPDATE' AND {_SEALING} THEN
           RETURN NEW;
         END IF;
         RAISE EXCEPTION 'audit events are append-only: % refused', TG_OP;
       END;
       $$ LANGUAGE plpgsql;""",
]
POSTGRES_BACKWARD = [
    """CREATE OR REPLACE FUNCTION core_auditevent_refuse_change() RETURNS trigger AS $$
       BEGIN
         RAISE EXCEPTION 'audit events are append-only: % refused', TG_OP;
       END;
       $$ LANGUAGE plpgsql;""",
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        statements = statements_by_vendor.get(schema_editor.connection.vendor)
        if statements is None:
            raise RuntimeError(f"No append-only audit triggers for {schema_editor.connection.vendor}")
        for statement in statements:
            schema_editor.execute(statement, params=None)

    return run


def _seal_backward(apps, schema_editor):
    if apps.get_model("core", "AuditEvent").objects.filter(sequence__isnull=True).exists():
        raise RuntimeError("Seal the pending audit events (the worker does) before going back: they have no place yet")


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0002_audit_append_only"),
        ("organisations", "0002_invitation"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RunPython(migrations.RunPython.noop, _seal_backward),
        migrations.AlterField(
            model_name="auditevent",
            name="hash",
            field=models.CharField(blank=True, max_length=64, null=True, unique=True),
        ),
        migrations.AlterField(
            model_name="auditevent",
            name="previous_hash",
            field=models.CharField(blank=True, max_length=64),
        ),
        migrations.AlterField(
            model_name="auditevent",
            name="sequence",
            field=models.PositiveBigIntegerField(blank=True, null=True, unique=True),
        ),
        migrations.AddIndex(
            model_name="auditevent",
            index=models.Index(
                condition=models.Q(("sequence__isnull", True)), fields=["id"], name="audit_unsealed_idx"
            ),
        ),
        migrations.RunPython(
            _run({"sqlite": SQLITE_FORWARD, "postgresql": POSTGRES_FORWARD}),
            _run(
                {
                    "sqlite": SQLITE_BACKWARD
                    + importlib.import_module("safeguarding.core.migrations.0002_audit_append_only").SQLITE_FORWARD,
                    "postgresql": POSTGRES_BACKWARD,
                }
            ),
        ),
    ]
