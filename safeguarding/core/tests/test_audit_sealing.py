"""Deferred sealing of the audit chain (production's default): writers append without a lock, a sealer chains
the events in the order they were written once their transactions commit, the triggers let only that sealing
through, and verify_audit_chain reports events not yet sealed while still detecting any change, insertion or
deletion of sealed ones."""

import pytest
from django.core.management import CommandError, call_command
from django.db import DatabaseError, connection, transaction

from safeguarding.core import audit
from safeguarding.core.models import AuditEvent

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def deferred(settings):
    settings.AUDIT_CHAIN_SEALING = "deferred"


@pytest.fixture
def analyst(django_user_model):
    return django_user_model.objects.create_user("analyst@example.org", "a-long-password-1", full_name="An Analyst")


def _write(user, count, start=0):
    return [
        audit.record(user, "example.changed", ("example.thing", n, f"Thing {n}"), {"n": n})
        for n in range(start, start + count)
    ]


def test_events_are_appended_unsealed_and_sealed_in_order_after_commit(analyst, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as sealers:
        written = _write(analyst, 3)
        assert all(event.sequence is None and event.hash is None for event in written)
        assert AuditEvent.objects.filter(sequence__isnull=True).count() == 3
    assert sealers  # sealing was asked for once the transaction committed
    events = list(AuditEvent.objects.order_by("sequence"))
    assert [event.sequence for event in events] == [1, 2, 3]
    assert [event.pk for event in events] == [event.pk for event in written]  # the order they were written
    assert events[0].previous_hash == audit.GENESIS_HASH and events[2].previous_hash == events[1].hash
    assert audit.verify_chain() == audit.ChainReport(True, 3)


def test_verify_reports_unsealed_events_and_the_sealer_catches_up(analyst, capsys):
    _write(analyst, 2)
    audit.seal_pending()
    _write(analyst, 3, start=2)  # their transaction's sealing never ran (as when another sealer held the lock)
    report = audit.verify_chain()
    assert report.ok and report.events == 2 and report.unsealed == 3 and report.oldest_unsealed_at is not None
    call_command("verify_audit_chain")
    assert capsys.readouterr().out.startswith("OK 2 events; 3 not yet sealed (the oldest written at ")
    assert audit.seal_pending() == 3
    assert audit.verify_chain() == audit.ChainReport(True, 5)


def test_the_worker_seals_what_writers_left(analyst):
    from safeguarding.jobs.worker import Worker

    _write(analyst, 2)
    Worker(worker_id="sealer", schedules=False, heartbeat_thread=False).housekeeping(force=True)
    assert audit.verify_chain() == audit.ChainReport(True, 2)


def test_only_sealing_may_update_an_event_and_never_a_sealed_one(analyst):
    (unsealed,) = _write(analyst, 1)
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        AuditEvent.objects.filter(pk=unsealed.pk).update(verb="example.hidden")
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        # Sealing and changing the content at once is refused too.
        AuditEvent.objects.filter(pk=unsealed.pk).update(sequence=1, hash="f" * 64, target_label="Someone else")
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        AuditEvent.objects.filter(pk=unsealed.pk).delete()
    audit.seal_pending()
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        AuditEvent.objects.filter(pk=unsealed.pk).update(sequence=7, hash="e" * 64)  # re-sealing elsewhere
    sealed = AuditEvent.objects.get(pk=unsealed.pk)
    assert (sealed.sequence, sealed.verb) == (1, "example.changed")


def _bypass_triggers():
    """What someone with the database owner's rights (not the application) could do."""
    if connection.vendor == "sqlite":
        from importlib import import_module

        triggers = import_module("safeguarding.core.migrations.0003_audit_sealed_after_commit")
        with connection.cursor() as cursor:
            for statement in triggers.SQLITE_BACKWARD:
                cursor.execute(statement)
    else:
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL session_replication_role = replica")


@pytest.mark.parametrize(
    ("tamper", "problem"),
    [
        (
            "UPDATE core_auditevent SET target_label = 'Someone else' WHERE sequence = 2",
            "#2: its content does not match",
        ),
        ("DELETE FROM core_auditevent WHERE sequence = 2", "#2: event #2 is missing"),
        # Un-sealing a sealed event (to have it sealed again elsewhere) leaves a hole in the chain.
        ("UPDATE core_auditevent SET sequence = NULL, hash = NULL WHERE sequence = 2", "#2: event #2 is missing"),
        # A forged event slipped in as sealed, between two real ones.
        ("UPDATE core_auditevent SET sequence = sequence + 1 WHERE sequence = 3", "#3: event #3 is missing"),
    ],
)
def test_changes_deletions_and_insertions_of_sealed_events_are_detected(analyst, tamper, problem):
    _write(analyst, 3)
    audit.seal_pending()
    _write(analyst, 1, start=3)  # one more, not sealed yet: it does not hide the damage
    _bypass_triggers()
    with connection.cursor() as cursor:
        cursor.execute(tamper)
    with pytest.raises(CommandError, match=f"BROKEN at event {problem}"):
        call_command("verify_audit_chain")


def test_a_forged_event_inserted_into_the_sealed_chain_is_detected(analyst):
    _write(analyst, 3)
    audit.seal_pending()
    _bypass_triggers()
    third = AuditEvent.objects.get(sequence=3)
    with connection.cursor() as cursor:
        cursor.execute("UPDATE core_auditevent SET sequence = 4 WHERE sequence = 3")
    forged = AuditEvent(
        sequence=3, occurred_at=third.occurred_at, actor_kind="system", actor_label="system:forger",
        verb="example.forged", previous_hash=AuditEvent.objects.get(sequence=2).hash,
    )  # fmt: skip
    forged.hash = audit.compute_hash(forged)
    forged.save(force_insert=True)
    with pytest.raises(CommandError, match=r"BROKEN at event #4: its (previous_hash|content) does not match"):
        call_command("verify_audit_chain")
