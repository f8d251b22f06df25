"""Writing a national volume quickly without leaving the rules the actions keep: rows go in with bulk
INSERTs of BATCH rows (never one giant statement), with the dates they would have had, and every change is
written to the audit chain as the action would have written it."""

import contextlib
import datetime
import json

from django.db import models
from django.utils import timezone

from safeguarding.core import audit
from safeguarding.core.models import AuditEvent

BATCH = 2000


def insert(model, rows, *, batch_size=BATCH):
    """Bulk-creates `rows` in statements of `batch_size`; returns them with their primary keys."""
    return model.objects.bulk_create(rows, batch_size=batch_size)


@contextlib.contextmanager
def dated_as_given(*fields):
    """Within the block, auto_now and auto_now_add fields keep the values set on the rows: a synthetic
    history is dated when it would have happened, not when the generator ran."""
    saved = [(field, field.auto_now, field.auto_now_add) for field in fields]
    for field, *_ in saved:
        field.auto_now = field.auto_now_add = False
    try:
        yield
    finally:
        for field, auto_now, auto_now_add in saved:
            field.auto_now, field.auto_now_add = auto_now, auto_now_add


def field(model, name):
    return model._meta.get_field(name)


def moment(day, hour=10):
    """A date as an aware datetime at `hour` London time."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


class AuditTrail:
    """Audit events written in bulk and chained as audit.record chains them one by one (verify_audit_chain
    accepts the result). Events are gathered from every pillar, then put in the order they happened and
    written in batches after the chain's last event."""

    def __init__(self):
        self.pending = []

    def add(self, actor, verb, target, data=None, *, when, area=None):
        self.pending.append((when, len(self.pending), actor, verb, target, data, area))

    def __len__(self):
        return len(self.pending)

    def write(self):
        """Chains and stores every gathered event; returns how many."""
        audit.seal_pending()  # events written since are chained after these
        sequence, previous = audit.chain_head()
        self.pending.sort(key=lambda row: (row[0], row[1]))
        batch, written = [], 0
        for when, _order, actor, verb, (target_type, target_id, target_label), data, area in self.pending:
            sequence += 1
            event = AuditEvent(
                sequence=sequence,
                occurred_at=when,
                actor_kind=actor.kind,
                actor=actor.user,
                actor_label=actor.label[:254],
                organisation=actor.organisation,
                role=actor.role,
                area=area,
                verb=verb,
                target_type=target_type,
                target_id=str(target_id),
                target_label=str(target_label)[:200],
                data=json.loads(json.dumps(data or {}, default=str)),
                request_id="",
                previous_hash=previous,
            )
            event.hash = previous = audit.compute_hash(event)
            batch.append(event)
            if len(batch) >= BATCH:
                insert(AuditEvent, batch)
                written, batch = written + len(batch), []
        insert(AuditEvent, batch)
        self.pending = []
        return written + len(batch)


def target(kind, pk, label):
    return (kind, pk, label)


def model_target(instance):
    meta = instance._meta
    return (f"{meta.app_label}.{meta.model_name}", instance.pk, str(instance))


__all__ = ["BATCH", "AuditTrail", "dated_as_given", "field", "insert", "model_target", "models", "moment", "target"]
