"""Re-sealing identities under the current encryption key, so that an old key can be retired."""

from dataclasses import dataclass

from django.db import transaction

from safeguarding.core import audit

from . import crypto
from .models import ChildIdentity


@dataclass
class RotationReport:
    key_id: str
    re_encrypted: int = 0
    already_current: int = 0


def _re_seal_batch(key_id, after_pk, batch_size):
    """Re-seals up to `batch_size` rows after `after_pk` in one transaction; returns (count, last pk)."""
    with transaction.atomic():
        batch = list(
            ChildIdentity.objects.select_for_update()
            .exclude(key_id=key_id)
            .filter(pk__gt=after_pk)
            .order_by("pk")[:batch_size]
        )
        re_sealed = 0
        for identity in batch:
            sealed = crypto.seal(identity.unseal(), pseudonym=identity.pseudonym)
            # The version is checked but not raised: the details are unchanged, so someone editing
            # the row meanwhile may still save; and if they already have, their save used the new key.
            re_sealed += ChildIdentity.objects.filter(pk=identity.pk, version=identity.version).update(
                key_id=sealed.key_id, nonce=sealed.nonce, ciphertext=sealed.ciphertext
            )
    return re_sealed, (batch[-1].pk if batch else None)


def rotate_keys(*, batch_size=500):
    """Re-seals every row not sealed with the current key. Running it again re-seals nothing.

    Each batch commits on its own, so a failure (a row whose key has already been removed) keeps
    the work done so far; the audit event says how far it got either way.
    """
    report = RotationReport(key_id=crypto.current_key_id())
    report.already_current = ChildIdentity.objects.filter(key_id=report.key_id).count()
    completed = False
    try:
        last_pk = 0
        while last_pk is not None:
            re_sealed, last_pk = _re_seal_batch(report.key_id, last_pk, batch_size)
            report.re_encrypted += re_sealed
        completed = True
    finally:
        audit.record(
            audit.Actor.system("rotate_identity_keys"),
            "identity.keys_rotated",
            data={
                "key_id": report.key_id,
                "re_encrypted": report.re_encrypted,
                "already_current": report.already_current,
                "completed": completed,
            },
        )
    return report
