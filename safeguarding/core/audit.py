"""Writing and verifying the audit trail.

Call `record()` inside the transaction of the change it describes, so the event and the change
are stored together or not at all. Reads of identifiable data call it too.
"""

import datetime
import hashlib
import json
from dataclasses import dataclass

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from .models import AuditEvent
from .request_context import current_request_id

GENESIS_HASH = "0" * 64
# An arbitrary, fixed key for PostgreSQL's advisory lock that serialises appends to the chain.
_CHAIN_LOCK_KEY = 7_301_944_112


@dataclass(frozen=True)
class Actor:
    """Who acted: a person (with the organisation and role they acted in), an API client or the system."""

    kind: str
    label: str
    user: object = None
    organisation: object = None
    role: str = ""

    @classmethod
    def person(cls, user, *, organisation=None, role=""):
        return cls(AuditEvent.ActorKind.PERSON, user.email, user=user, organisation=organisation, role=role)

    @classmethod
    def api_client(cls, token):
        return cls(AuditEvent.ActorKind.API_CLIENT, f"api-token:{token.name}", organisation=token.organisation)

    @classmethod
    def system(cls, label):
        return cls(AuditEvent.ActorKind.SYSTEM, f"system:{label}")


def _as_actor(actor):
    if isinstance(actor, Actor):
        return actor
    if actor is not None and getattr(actor, "is_authenticated", False):
        return Actor.person(actor)
    raise ValueError("audit.record needs an actor: a signed-in user, an Actor.api_client or an Actor.system")


def _target_fields(target):
    if target is None:
        return "", "", ""
    if isinstance(target, tuple):
        kind, identifier, label = target
        return kind, str(identifier), str(label)[:200]
    meta = target._meta
    return f"{meta.app_label}.{meta.model_name}", str(target.pk), str(target)[:200]


def _hash_content(fields):
    """The canonical bytes an event's hash covers: every stored field but the hash itself."""
    canonical = json.dumps(fields, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def event_fields(event):
    return {
        "sequence": event.sequence,
        "occurred_at": event.occurred_at.astimezone(datetime.UTC).isoformat(),
        "actor_kind": event.actor_kind,
        "actor_id": event.actor_id,
        "actor_label": event.actor_label,
        "organisation_id": event.organisation_id,
        "role": event.role,
        "area_id": event.area_id,
        "verb": event.verb,
        "target_type": event.target_type,
        "target_id": event.target_id,
        "target_label": event.target_label,
        "data": event.data,
        "request_id": event.request_id,
        "previous_hash": event.previous_hash,
    }


def compute_hash(event):
    return _hash_content(event_fields(event))


def _lock_chain():
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_CHAIN_LOCK_KEY])
    # SQLite allows one writer at a time, so appends are already serialised there.


def record(actor, verb, target=None, data=None, *, area=None, organisation=None, role=None):
    """Append one event to the chain and return it.

    `actor` is a signed-in user or an `Actor`; `target` a model instance or a
    (type, id, label) tuple; `data` a JSON-serialisable summary that must not hold identity fields.
    """
    who = _as_actor(actor)
    target_type, target_id, target_label = _target_fields(target)
    with transaction.atomic():
        if getattr(settings, "AUDIT_UNCHAINED_FOR_BENCHMARK", False):
            last = _unchained_position()
        else:
            _lock_chain()
            last = AuditEvent.objects.order_by("-sequence").only("sequence", "hash").first()
        event = AuditEvent(
            sequence=(last.sequence + 1) if last else 1,
            occurred_at=timezone.now(),
            actor_kind=who.kind,
            actor=who.user,
            actor_label=who.label[:254],
            organisation=organisation or who.organisation,
            role=role if role is not None else who.role,
            area=area,
            verb=verb,
            target_type=target_type,
            target_id=target_id,
            target_label=target_label,
            data=json.loads(json.dumps(data or {}, default=str)),
            request_id=current_request_id.get() if current_request_id.get() != "-" else "",
            previous_hash=last.hash if last else GENESIS_HASH,
        )
        event.hash = compute_hash(event)
        event.save(force_insert=True)
    return event


@dataclass(frozen=True)
class _Position:
    sequence: int
    hash: str


def _unchained_position():
    """For the write-path benchmark only (benchmarks/audit_write_path.py): a unique number from a PostgreSQL
    sequence instead of the chain's next place, and no lock, so the same run can measure what chaining costs.
    The benchmark creates the sequence. The events written so do not verify; only local settings read the
    setting, never production's."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT nextval('benchmark_unchained_audit')")
        return _Position(cursor.fetchone()[0] - 1, GENESIS_HASH)


@dataclass(frozen=True)
class ChainReport:
    ok: bool
    events: int
    broken_sequence: int | None = None
    problem: str = ""


def verify_chain(chunk_size=5000):
    """Walks the chain in order and names the first event that does not follow from the one before."""
    expected_sequence, previous_hash, count = 1, GENESIS_HASH, 0
    for event in AuditEvent.objects.order_by("sequence").iterator(chunk_size=chunk_size):
        if event.sequence != expected_sequence:
            return ChainReport(False, count, expected_sequence, f"event #{expected_sequence} is missing")
        if event.previous_hash != previous_hash:
            return ChainReport(False, count, event.sequence, "its previous_hash does not match the event before it")
        if compute_hash(event) != event.hash:
            return ChainReport(False, count, event.sequence, "its content does not match its hash (edited)")
        previous_hash, expected_sequence, count = event.hash, expected_sequence + 1, count + 1
    return ChainReport(True, count)
