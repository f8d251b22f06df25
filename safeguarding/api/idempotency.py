"""Idempotent creation through the API: `Idempotency-Key` makes a retried POST safe.

The first request with a key creates the record and stores its answer; any later request with the same key
(same token, same endpoint, same body) gets that answer again with `Idempotent-Replayed: true` and creates
nothing. A replay is audited as a replay (see scoping.audited), never as a new notification.
"""

import hashlib
import json

from django.db import IntegrityError, transaction
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from .models import IdempotencyRecord
from .problems import Conflict

HEADER = "Idempotency-Key"
REPLAYED_HEADER = "Idempotent-Replayed"
MAX_KEY_LENGTH = 255


def _request_hash(data):
    canonical = json.dumps(data, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _header_problem(message, code):
    return ValidationError({f"header:{HEADER}": [message]}, code=code)


def _stored(token, endpoint, key):
    return IdempotencyRecord.objects.filter(token=token, endpoint=endpoint, key=key).first()


def _answer(body, status, *, replayed, location_for):
    headers = {REPLAYED_HEADER: "true" if replayed else "false"}
    location = location_for(body) if location_for and 200 <= status < 300 else None
    if location:
        headers["Location"] = location
    response = Response(body, status=status, headers=headers)
    response.idempotent_replay = replayed
    return response


def _replay(record, request_hash, location_for):
    if record.request_hash != request_hash:
        conflict = Conflict(f"This {HEADER} was already used for a different request; use a new key for a new request")
        conflict.problem_errors = [{"header": HEADER, "code": "idempotency_key_reused", "detail": str(conflict.detail)}]
        raise conflict
    return _answer(record.response_body, record.response_status, replayed=True, location_for=location_for)


def respond_once(request, endpoint, create, *, location_for=None):
    """Runs `create()` (returning (status, body)) once per token, endpoint and Idempotency-Key.

    The created record and the stored answer commit together, so a crash between them is impossible;
    two concurrent requests with one key create one record (the loser's work, its audit events included,
    is rolled back and it replays the winner's answer). `location_for(body)` gives the Location header.
    """
    key = request.headers.get(HEADER, "").strip()
    if not key:
        raise _header_problem(f"The {HEADER} header is required: a unique value per new record", "required")
    if len(key) > MAX_KEY_LENGTH:
        raise _header_problem(f"The {HEADER} header must be {MAX_KEY_LENGTH} characters or fewer", "max_length")
    token = request.auth
    request_hash = _request_hash(request.data)
    existing = _stored(token, endpoint, key)
    if existing:
        return _replay(existing, request_hash, location_for)
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
        winner = _stored(token, endpoint, key)
        if winner is None:
            raise
        return _replay(winner, request_hash, location_for)
    return _answer(body, status, replayed=False, location_for=location_for)
