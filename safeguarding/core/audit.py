"""Writing and verifying the audit trail.

Call `record()` inside the transaction of the change it describes, so the event and the change
are stored together or not at all. Reads of identifiable data call it too.

Writers append events without any lock; a sealer then chains them, in the order they were written, each
event's hash covering its content, its place (`sequence`) and the hash of the event before it. Sealing runs
right after each writing transaction commits (skipped if another sealer is at work) and in every worker's
housekeeping, so events wait seconds at most. Database triggers refuse any UPDATE but the one that seals an
unsealed event without changing it, and any DELETE. `verify_chain` walks the sealed chain and reports how many
events are not yet sealed. See docs/audit-chain.md.
"""

import datetime
import hashlib
import json
import logging
from dataclasses import dataclass

from django.conf import settings
from django.db import DatabaseError, connection, transaction
from django.utils import timezone

from .models import AuditEvent
from .request_context import current_request_id

logger = logging.getLogger(__name__)

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


def _lock_chain(*, wait=True):
    """Takes the chain's lock until the end of the transaction; False if `wait` is off and another holds it."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            if not wait:
                cursor.execute("SELECT pg_try_advisory_xact_lock(%s)", [_CHAIN_LOCK_KEY])
                return cursor.fetchone()[0]
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_CHAIN_LOCK_KEY])
    # SQLite allows one writer at a time, so sealing is already serialised there.
    return True


def chain_head():
    """The last sealed event's (sequence, hash), or (0, GENESIS_HASH) for an empty chain."""
    last = AuditEvent.objects.filter(sequence__isnull=False).order_by("-sequence").only("sequence", "hash").first()
    return (last.sequence, last.hash) if last else (0, GENESIS_HASH)


SEAL_BATCH = 5000


def seal_pending(*, wait=True, limit=SEAL_BATCH):
    """Chains the events not yet sealed, in the order they were written (id), after the chain's last event.

    Only the sealer takes the chain's lock, and only for as long as sealing takes: writers append without it.
    `wait=False` returns 0 at once if another transaction is sealing (it will seal what it can see, and the
    next sealer the rest). Returns how many events it sealed.
    """
    with transaction.atomic():
        if not _lock_chain(wait=wait):
            return 0
        sequence, previous_hash = chain_head()
        pending = list(AuditEvent.objects.filter(sequence__isnull=True).order_by("id")[:limit])
        for event in pending:
            sequence += 1
            event.sequence, event.previous_hash = sequence, previous_hash
            event.hash = previous_hash = compute_hash(event)
        if pending:
            AuditEvent.objects.bulk_update(pending, ["sequence", "previous_hash", "hash"], batch_size=500)
    return len(pending)


def seal_after_commit():
    """Seals what is pending once the writing transaction has committed, unless another sealer is at work."""
    try:
        seal_pending(wait=False)
    except DatabaseError:  # the worker's sealer picks the events up shortly
        logger.warning("Audit events not sealed after commit (database busy); the worker will seal them")


def _new_event(actor, verb, target, data, *, area, organisation, role):
    """The event `record` stores, not yet saved nor chained."""
    who = _as_actor(actor)
    target_type, target_id, target_label = _target_fields(target)
    return AuditEvent(
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
    )


def record(actor, verb, target=None, data=None, *, area=None, organisation=None, role=None):
    """Append one event and return it.

    `actor` is a signed-in user or an `Actor`; `target` a model instance or a
    (type, id, label) tuple; `data` a JSON-serialisable summary that must not hold identity fields.

    With AUDIT_CHAIN_SEALING "deferred" (the default) the event is appended without any lock and chained by
    a sealer after its transaction commits (see seal_pending); with "inline" it is chained before record
    returns, inside the caller's transaction, which then holds the chain's lock until it commits.
    """
    unchained = getattr(settings, "AUDIT_UNCHAINED_FOR_BENCHMARK", False)
    with transaction.atomic():
        event = _new_event(actor, verb, target, data, area=area, organisation=organisation, role=role)
        if unchained:
            position = _unchained_position()
            event.sequence, event.previous_hash = position.sequence + 1, position.hash
            event.hash = compute_hash(event)
        event.save(force_insert=True)
        if unchained:
            return event
        if settings.AUDIT_CHAIN_SEALING == "inline":
            seal_pending()
            event.refresh_from_db(fields=["sequence", "previous_hash", "hash"])
        else:
            transaction.on_commit(seal_after_commit)
    return event


def record_for_areas(actor, verb, areas, target=None, data=None):
    """The same event once for each of `areas` (None stands for no area), as `record` would write them one by one,
    but in one INSERT and chained together: a list that touched many areas (the API's areas) costs the same
    statements however many it touched. The events are chained in the order of `areas`."""
    if getattr(settings, "AUDIT_UNCHAINED_FOR_BENCHMARK", False):
        for area in areas:
            record(actor, verb, target, data, area=area)
        return
    with transaction.atomic():
        events = [_new_event(actor, verb, target, data, area=area, organisation=None, role=None) for area in areas]
        AuditEvent.objects.bulk_create(events)
        if settings.AUDIT_CHAIN_SEALING == "inline":
            seal_pending()
        else:
            transaction.on_commit(seal_after_commit)


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
    unsealed: int = 0
    oldest_unsealed_at: datetime.datetime | None = None


def verify_chain(chunk_size=5000):
    """Walks the sealed chain in order and names the first event that does not follow from the one before;
    also counts the events written but not yet sealed (normally none, or those of the last few seconds)."""
    expected_sequence, previous_hash, count = 1, GENESIS_HASH, 0
    sealed = AuditEvent.objects.filter(sequence__isnull=False).order_by("sequence")
    for event in sealed.iterator(chunk_size=chunk_size):
        if event.sequence != expected_sequence:
            return ChainReport(False, count, expected_sequence, f"event #{expected_sequence} is missing")
        if event.previous_hash != previous_hash:
            return ChainReport(False, count, event.sequence, "its previous_hash does not match the event before it")
        if compute_hash(event) != event.hash:
            return ChainReport(False, count, event.sequence, "its content does not match its hash (edited)")
        previous_hash, expected_sequence, count = event.hash, expected_sequence + 1, count + 1
    unsealed = AuditEvent.objects.filter(sequence__isnull=True)
    oldest = unsealed.order_by("id").values_list("occurred_at", flat=True).first()
    return ChainReport(True, count, unsealed=unsealed.count(), oldest_unsealed_at=oldest)
