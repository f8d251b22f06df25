"""The audit trail is append-only and its hash chain detects any change made behind its back."""

import pytest
from django.core.management import CommandError, call_command
from django.db import DatabaseError, connection, transaction

from safeguarding.core import audit
from safeguarding.core.models import AuditEvent


@pytest.fixture
def analyst(django_user_model):
    return django_user_model.objects.create_user("analyst@example.org", "a-long-password-1", full_name="An Analyst")


def _record_three(user):
    for number in range(3):
        audit.record(user, "example.changed", ("example.thing", number, f"Thing {number}"), {"n": number})


def _bypass_triggers():
    """What someone with the database owner's rights (not the application) could do."""
    if connection.vendor == "sqlite":
        from importlib import import_module

        triggers = import_module("safeguarding.core.migrations.0002_audit_append_only")
        with connection.cursor() as cursor:
            for statement in triggers.SQLITE_BACKWARD:
                cursor.execute(statement)
    else:
        with connection.cursor() as cursor:
            # A superuser's session can switch off ordinary triggers for the rest of the transaction.
            cursor.execute("SET LOCAL session_replication_role = replica")


@pytest.mark.django_db
def test_events_chain_from_genesis(analyst):
    _record_three(analyst)
    events = list(AuditEvent.objects.order_by("sequence"))
    assert [event.sequence for event in events] == [1, 2, 3]
    assert events[0].previous_hash == audit.GENESIS_HASH
    assert events[1].previous_hash == events[0].hash
    assert events[2].actor == analyst and events[2].actor_label == "analyst@example.org"
    assert events[2].target_type == "example.thing" and events[2].target_id == "2"


@pytest.mark.django_db
def test_verify_command_reports_ok(analyst, capsys):
    _record_three(analyst)
    call_command("verify_audit_chain")
    assert capsys.readouterr().out.strip() == "OK 3 events"


@pytest.mark.django_db
def test_application_cannot_update_or_delete_events(analyst):
    _record_three(analyst)
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        AuditEvent.objects.filter(sequence=2).update(verb="example.hidden")
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        AuditEvent.objects.filter(sequence=3).delete()
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE core_auditevent SET data = '{}' WHERE sequence = 1")
    assert AuditEvent.objects.count() == 3


@pytest.mark.django_db
def test_row_changed_directly_in_the_database_is_detected(analyst):
    _record_three(analyst)
    _bypass_triggers()
    with connection.cursor() as cursor:
        cursor.execute("UPDATE core_auditevent SET target_label = 'Someone else' WHERE sequence = 2")
    with pytest.raises(CommandError, match=r"BROKEN at event #2: its content does not match its hash"):
        call_command("verify_audit_chain")


@pytest.mark.django_db
def test_row_deleted_directly_in_the_database_is_detected(analyst):
    _record_three(analyst)
    _bypass_triggers()
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM core_auditevent WHERE sequence = 2")
    with pytest.raises(CommandError, match=r"BROKEN at event #2: event #2 is missing"):
        call_command("verify_audit_chain")


@pytest.mark.django_db
def test_rewritten_chain_tail_is_detected(analyst):
    """Replacing a row with a self-consistent forgery still breaks the link to the next event."""
    _record_three(analyst)
    _bypass_triggers()
    forged = AuditEvent.objects.get(sequence=2)
    forged.verb = "example.forged"
    forged.hash = audit.compute_hash(forged)
    with connection.cursor() as cursor:
        cursor.execute("UPDATE core_auditevent SET verb = %s, hash = %s WHERE sequence = 2", [forged.verb, forged.hash])
    with pytest.raises(CommandError, match=r"BROKEN at event #3: its previous_hash does not match"):
        call_command("verify_audit_chain")


@pytest.mark.django_db
def test_anonymous_writes_are_refused():
    from django.contrib.auth.models import AnonymousUser

    with pytest.raises(ValueError, match="needs an actor"):
        audit.record(AnonymousUser(), "example.changed")
    with pytest.raises(ValueError, match="needs an actor"):
        audit.record(None, "example.changed")


@pytest.mark.django_db
def test_event_written_in_a_failed_transaction_is_not_kept(analyst):
    with pytest.raises(RuntimeError), transaction.atomic():
        audit.record(analyst, "example.changed")
        raise RuntimeError("the change failed")
    assert AuditEvent.objects.count() == 0
