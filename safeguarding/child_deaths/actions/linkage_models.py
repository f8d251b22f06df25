"""The linkage model in force: the shipped default until one is trained on real notifications.

`retrain_linkage_model` is the one entry point for training, for the command and for a scheduled
job. Each model is a new version, audited and kept; nothing already proposed, confirmed or rejected
changes when a new one arrives.
"""

import functools
import hashlib
import json
import logging
import threading
from pathlib import Path

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone

from safeguarding.core import audit

from ..linkage import records as linkage_records
from ..linkage.model import LinkageModel, ModelMismatch
from ..models import LinkageModelParameters, LinkageModelVersion, Notification

DEFAULT_MODEL_PATH = Path(__file__).resolve().parents[1] / "linkage" / "default_model.json"
# Below this many notifications a model trained on the national table would know less than the default.
MINIMUM_TRAINING_NOTIFICATIONS = 5_000

logger = logging.getLogger(__name__)

_cache = {}
_cache_lock = threading.Lock()
_default_checked = threading.Event()
# Parsed models by (checksum, key): a version stored again with the same parameters (the default, installed
# afresh in each empty database) is not parsed again. Parsing and keying the term frequencies of a model
# takes about a tenth of a second, which every first notification of a database would otherwise pay.
_parsed = {}
_keyed_parameters = {}


@functools.cache
def _shipped_default():
    """The default model shipped with the code, read once per process (a release is a new process)."""
    text = DEFAULT_MODEL_PATH.read_text(encoding="utf-8")
    return LinkageModel.from_json(json.loads(text)), hashlib.sha256(text.encode()).hexdigest()


def _parameters_to_store(model, checksum):
    """The model's parameters as stored: term frequencies under the keyed hash of their values."""
    key = (checksum, settings.LINKAGE_HMAC_KEY)
    with _cache_lock:
        parameters = _keyed_parameters.get(key)
    if parameters is None:
        parameters = model.keyed(settings.LINKAGE_HMAC_KEY).as_json()
        with _cache_lock:
            _keyed_parameters.clear()
            _keyed_parameters[key] = parameters
    return parameters


def _store(model, *, source, actor, checksum, replaces_stale=None):
    """Adds the model as the next version and audits it; retried once if another process took the number."""
    parameters = _parameters_to_store(model, checksum)
    for attempt in range(2):
        try:
            with transaction.atomic():
                version = (LinkageModelVersion.objects.aggregate(top=Max("version"))["top"] or 0) + 1
                row = LinkageModelVersion.objects.create(
                    version=version,
                    source=source,
                    trained_at=timezone.now(),
                    trained_by=actor.label if isinstance(actor, audit.Actor) else getattr(actor, "email", str(actor)),
                    records=model.summary.get("records", 0),
                    checksum=checksum,
                    summary=model.summary,
                )
                LinkageModelParameters.objects.create(version=row, parameters=parameters)
                audit.record(
                    actor,
                    "child_death.linkage.model_stored",
                    row,
                    {
                        "version": version,
                        "source": source,
                        "records": row.records,
                        "prior": model.prior,
                        "em_sessions": model.summary.get("em_sessions", []),
                        "untrained_levels": model.summary.get("untrained_levels", []),
                        **({"replaces_stale_version": replaces_stale} if replaces_stale else {}),
                    },
                )
            return row
        except IntegrityError:
            if attempt:
                raise
    return None


def _stored_model(row):
    """The LinkageModel of a stored version; ModelMismatch when its comparisons are no longer the code's."""
    key = (row.checksum, settings.LINKAGE_HMAC_KEY)
    with _cache_lock:
        model = _parsed.get(key)
    if model is None:
        parameters = LinkageModelParameters.objects.get(version=row).parameters
        model = LinkageModel.from_json(parameters, secret=settings.LINKAGE_HMAC_KEY)
        with _cache_lock:
            _parsed.clear()
            _parsed[key] = model
    return model


def _fits_the_code(row):
    try:
        _stored_model(row)
    except ModelMismatch:
        return False
    return True


def install_default_model(actor=None):
    """The shipped default as a stored version, unless the newest version already is this default or a
    model trained on real notifications that still fits the code. Returns the version in force.

    A trained model whose comparisons the code has since changed (a release with other levels) cannot
    score: rather than fail every notification, the shipped default, trained on the code's own
    comparisons, is stored as the next version and scores until the national table is retrained. The
    stale version stays stored, as every version does."""
    latest = LinkageModelVersion.objects.order_by("-version").first()
    model, checksum = _shipped_default()
    if latest is not None and latest.checksum == checksum:
        return latest
    stale = False
    if latest is not None and latest.source == LinkageModelVersion.Source.TRAINED:
        if _fits_the_code(latest):
            return latest
        stale = True
        logger.warning(
            "Linkage model version %s no longer fits the code's comparisons; the shipped default replaces it",
            latest.version,
        )
    actor = actor or audit.Actor.system("linkage default model")
    return _store(
        model,
        source=LinkageModelVersion.Source.DEFAULT,
        actor=actor,
        checksum=checksum,
        replaces_stale=latest.version if stale else None,
    )


def current_model():
    """(LinkageModelVersion, LinkageModel) in force: the newest version, read once per process."""
    if not _default_checked.is_set():
        # Once per process: a release that ships a new default installs it (unless a trained model that
        # still fits the code is in force).
        install_default_model()
        _default_checked.set()
    row = LinkageModelVersion.objects.order_by("-version").only("pk", "version", "checksum").first()
    if row is None:
        row = install_default_model()
    cache_key = (row.pk, row.version, row.checksum)
    with _cache_lock:
        cached = _cache.get(cache_key)
    if cached is None:
        row = LinkageModelVersion.objects.get(pk=row.pk)
        try:
            model = _stored_model(row)
        except ModelMismatch:
            # Stored by a process still running older code after this one's check: replaced as above.
            row = install_default_model()
            model = _stored_model(row)
        cached = (row, model)
        with _cache_lock:
            _cache.clear()
            _cache[(row.pk, row.version, row.checksum)] = cached
    return cached


def prepared(notification, details=None):
    """The notification as the model compares it (values unsealed here, never stored)."""
    details = details if details is not None else notification.child.unseal()
    return linkage_records.prepare(
        notification.pk,
        given_names=details.get("given_names"),
        family_name=details.get("family_name"),
        date_of_birth=details.get("date_of_birth"),
        date_of_death=notification.date_of_death,
        sex=notification.sex,
        address=details.get("address") or None,
        postcode=details.get("postcode"),
    )


def national_records():
    """Every notification, open or closed, prepared: the national table a model learns from."""
    notifications = Notification.objects.select_related("child").order_by("pk").iterator(chunk_size=2_000)
    return [prepared(notification) for notification in notifications]


def retrain_linkage_model(actor=None, *, minimum=MINIMUM_TRAINING_NOTIFICATIONS, max_u_pairs=1e7, seed=2026):
    """Trains a model on the national table and stores it as the next version. Refuses (ValueError) while
    there are fewer than `minimum` notifications. Plain function: a scheduled job calls it as it is."""
    from ..linkage import training

    actor = actor or audit.Actor.system("retrain_linkage_model")
    count = Notification.objects.count()
    if count < minimum:
        raise ValueError(
            f"There are {count} notifications; training needs at least {minimum}, so the current model stays"
        )
    model = training.train(
        national_records(), seed=seed, max_u_pairs=max_u_pairs, description="national table of notifications"
    )
    checksum = hashlib.sha256(model.dumps().encode()).hexdigest()
    return _store(model, source=LinkageModelVersion.Source.TRAINED, actor=actor, checksum=checksum)
