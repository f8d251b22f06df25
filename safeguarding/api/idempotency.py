"""Idempotent creation through the API: `Idempotency-Key` makes a retried POST safe."""

import hashlib
import json

from django.db import IntegrityError, transaction
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from .models import IdempotencyRecord

HEADER = "Idempotency-Key"


def _request_hash(data):
    canonical = json.dumps(data, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _replay(record, request_hash):
    if record.request_hash != request_hash:
        raise ValidationError(
            {HEADER: f"This {HEADER} was already used for a different request; use a new key for a new request"},
            code="idempotency_key_reused",
        )
    return Response(record.response_body, status=record.response_status, headers={"Idempotent-Replayed": "true"})


def respond_once(request, endpoint, create):
    """Runs `create()` (returning (status, body)) once per token, endpoint and Idempotency-Key.

    The created record and the stored answer commit together, so a crash between them is impossible;
    two concurrent requests with one key create one record (the loser replays the winner's answer).
    """
    key = request.headers.get(HEADER, "").strip()
    if not key:
        raise ValidationError({HEADER: f"The {HEADER} header is required: a unique value per new record"})
    if len(key) > 255:
        raise ValidationError({HEADER: f"The {HEADER} header must be 255 characters or fewer"})
    token = request.auth
    request_hash = _request_hash(request.data)
    existing = IdempotencyRecord.objects.filter(token=token, endpoint=endpoint, key=key).first()
    if existing:
        return _replay(existing, request_hash)
    try:
        with transaction.atomic():
            status, body = create()
            IdempotencyRecord.objects.create(
                token=token,
                endpoint=endpoint,
                key=key,
                request_hash=request_hash,
                response_status=status,
                response_body=json.loads(json.dumps(body, default=str)),
            )
    except IntegrityError:
        winner = IdempotencyRecord.objects.filter(token=token, endpoint=endpoint, key=key).first()
        if winner is None:
            raise
        return _replay(winner, request_hash)
    return Response(body, status=status)
