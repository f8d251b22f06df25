"""A child's death notified by a professional without an account, through the public page.

What they type is checked by the same rules as any notification, then sealed at once with the identity keys
and held until they enter the code sent to their work email. Only then does it become a notification,
through `notify_death` like any other (linkage, proposals across areas, the panel managers told), marked as
received from outside. Abuse resistance without a CAPTCHA: a honeypot field (the view), limits per client
address and per email address, size limits on every field, and the panel's "not genuine" mark.
"""

import datetime
import hashlib
import hmac
import secrets

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone

from safeguarding.core import audit
from safeguarding.core.identity import crypto
from safeguarding.core.identity.actions import _validated_fields
from safeguarding.core.models import AuditEvent
from safeguarding.organisations.models import SafeguardingArea

from ..models import Notification, PendingOutsideNotification
from .common import require
from .notify import IDENTITY_KEYS, _validate, notify_death

CODE_MINUTES = 30
MAX_WRONG_CODES = 5
MAX_CODES = 3
SUBMISSIONS_PER_ADDRESS_PER_HOUR = 10
SUBMISSIONS_PER_EMAIL_PER_HOUR = 3
DATES = ("date_of_birth", "date_of_death")
AREAS = ("residence_area", "place_of_death_area")


class Limited(Exception):
    """Too many submissions from one client address or one email address in the hour."""


def _hash(value):
    return hashlib.sha256(value.encode()).hexdigest()


def _count(key, limit):
    """Counts one use of `key` this hour; False once more than `limit` were made."""
    bucket = f"outside-notify:{key}:{timezone.now():%Y%m%d%H}"
    cache.add(bucket, 0, timeout=3600)
    try:
        used = cache.incr(bucket)
    except ValueError:  # expired between add and incr
        cache.set(bucket, 1, timeout=3600)
        used = 1
    return used <= limit


def check_limits(client_address, email):
    if not _count(f"ip:{_hash(client_address or '-')}", SUBMISSIONS_PER_ADDRESS_PER_HOUR):
        raise Limited("address")
    if email and not _count(f"email:{_hash(email.lower())}", SUBMISSIONS_PER_EMAIL_PER_HOUR):
        raise Limited("email")


def _validate_notifier(data):
    errors = {}
    email = (data.get("notifier_email") or "").strip().lower()
    if not email:
        errors["notifier_email"] = "Enter your work email address: we send a code to it to confirm the notification"
    else:
        try:
            validate_email(email)
        except ValidationError:
            errors["notifier_email"] = "Enter your work email address in the right format, like name@nhs.net"
    if not (data.get("notifier_organisation") or "").strip():
        errors["notifier_organisation"] = "Enter the organisation you work for"
    if not (data.get("notifier_phone") or "").strip():
        errors["notifier_phone"] = "Enter a work telephone number"
    return email, errors


def prepare(data, today=None):
    """The notification's data as `notify_death` takes it, or ValidationError naming every problem."""
    today = today or timezone.localdate()
    data = dict(data)
    email, errors = _validate_notifier(data)
    if data.get("residence_area") is None and data.get("place_of_death_area") is not None:
        # Residence unknown: the notification lands with the panel of the place of death.
        data["residence_area"] = data["place_of_death_area"]
    data["notifier_contact"] = f"{email}, {(data.get('notifier_phone') or '').strip()}"[:200]
    errors = {**_validate(data, today), **errors}
    if "residence_area" in errors:
        errors["residence_area"] = "Select the area where the child normally lived, or else where the child died"
    try:
        _validated_fields(*(data.get(key) for key in IDENTITY_KEYS))
    except ValidationError as error:
        errors = {**{key: messages[0] for key, messages in error.message_dict.items()}, **errors}
    if errors:
        raise ValidationError(errors)
    data["notifier_email"] = email
    return data


def _to_json(data):
    stored = {}
    for key, value in data.items():
        if key in DATES:
            stored[key] = value.isoformat() if value else None
        elif key in AREAS:
            stored[key] = value.pk if value else None
        elif key == "time_of_death":
            stored[key] = value.isoformat() if value else None
        else:
            stored[key] = value
    return stored


def _from_json(stored):
    data = dict(stored)
    for key in DATES:
        data[key] = datetime.date.fromisoformat(stored[key]) if stored.get(key) else None
    for key in AREAS:
        data[key] = SafeguardingArea.objects.filter(pk=stored[key]).first() if stored.get(key) else None
    data["time_of_death"] = (
        datetime.time.fromisoformat(stored["time_of_death"]) if stored.get("time_of_death") else None
    )
    return data


def _send_code(pending, email):
    code = f"{secrets.randbelow(10**6):06d}"
    pending.code_hash = _hash(f"{pending.seal_id}:{code}")
    pending.code_expires_at = timezone.now() + datetime.timedelta(minutes=CODE_MINUTES)
    pending.code_attempts = 0
    message = (
        f"Your code to confirm the notification of a child's death is:\n\n{code}\n\n"
        f"It works once, for {CODE_MINUTES} minutes. The notification reaches the child death overview panel "
        "only once you enter it.\n\nIf you did not notify a death, you can ignore this email.\n"
    )
    transaction.on_commit(lambda: send_mail("Confirm your notification", message, None, [email]))


def _outside_actor(email):
    return audit.Actor(AuditEvent.ActorKind.PERSON, f"{email} (notifying a child death from outside)")


def start(data, *, client_address, today=None):
    """Checks, seals and holds a notification; sends the code. Returns the pending notification."""
    data = prepare(data, today)
    check_limits(client_address, data["notifier_email"])
    seal_id = secrets.token_hex(16)
    sealed = crypto.seal(_to_json(data), pseudonym=f"outside-{seal_id}")
    with transaction.atomic():
        pending = PendingOutsideNotification(
            seal_id=seal_id,
            key_id=sealed.key_id,
            nonce=sealed.nonce,
            ciphertext=sealed.ciphertext,
            email_hash=_hash(data["notifier_email"]),
        )
        _send_code(pending, data["notifier_email"])
        pending.save()
        audit.record(
            _outside_actor(data["notifier_email"]),
            "child_death.outside.received",
            ("PendingOutsideNotification", pending.pk, "awaiting confirmation"),
            {"area": data["residence_area"].slug},
            area=data["residence_area"],
        )
    return pending


def _unsealed(pending):
    sealed = crypto.Sealed(pending.key_id, bytes(pending.nonce), bytes(pending.ciphertext))
    return crypto.unseal(sealed, pseudonym=f"outside-{pending.seal_id}")


def resend_code(pending):
    """Another code to the same address: at most MAX_CODES more for one notification."""
    with transaction.atomic():
        pending = PendingOutsideNotification.objects.select_for_update().get(pk=pending.pk)
        if pending.accepted_at is not None:
            raise ValidationError({"code": "This notification has already been confirmed"})
        target = ("PendingOutsideNotification", pending.pk, "awaiting confirmation")
        sent = AuditEvent.objects.filter(
            verb="child_death.outside.code_sent", target_type=target[0], target_id=str(pending.pk)
        ).count()
        if sent >= MAX_CODES:
            raise ValidationError({"code": f"{MAX_CODES} more codes have been sent already: notify the death again"})
        data = _unsealed(pending)
        _send_code(pending, data["notifier_email"])
        pending.save(update_fields=["code_hash", "code_expires_at", "code_attempts"])
        audit.record(_outside_actor(data["notifier_email"]), "child_death.outside.code_sent", target)
    return pending


def confirm(pending, code, today=None):
    """The notifier's code: once right, the notification is made, through the same linkage as any."""
    code = "".join((code or "").split())
    refused = None
    with transaction.atomic():
        pending = PendingOutsideNotification.objects.select_for_update().get(pk=pending.pk)
        if pending.accepted_at is not None:
            raise ValidationError({"code": "This notification has already been confirmed"})
        data = _unsealed(pending)
        actor = _outside_actor(data["notifier_email"])
        target = ("PendingOutsideNotification", pending.pk, "awaiting confirmation")
        if not pending.code_hash or timezone.now() >= pending.code_expires_at:
            refused = "The code has expired: ask for a new code"
        elif not hmac.compare_digest(pending.code_hash, _hash(f"{pending.seal_id}:{code}")):
            pending.code_attempts += 1
            if pending.code_attempts >= MAX_WRONG_CODES:
                pending.code_hash = ""
                refused = f"That code was wrong {MAX_WRONG_CODES} times and no longer works: ask for a new code"
            else:
                refused = "The code is not right: check the latest email and enter its 6 digits"
            pending.save(update_fields=["code_attempts", "code_hash"])
        if refused:
            audit.record(actor, "child_death.outside.code_refused", target)
        else:
            details = _from_json(data)
            from_outside = {
                "organisation": details.pop("notifier_organisation", ""),
                "agencies_involved": details.pop("agencies_involved", ""),
            }
            result = notify_death(actor, details, from_outside=from_outside, today=today)
            pending.notification = result.notification
            pending.accepted_at = timezone.now()
            pending.code_hash, pending.nonce, pending.ciphertext = "", b"", b""
            pending.save(update_fields=["notification", "accepted_at", "code_hash", "nonce", "ciphertext"])
            audit.record(actor, "child_death.outside.confirmed", result.case, {"notification": result.notification.pk})
    if refused:
        raise ValidationError({"code": refused})
    return result


UNCONFIRMED_KEPT_HOURS = 24


def purge_unconfirmed(now=None):
    """Deletes notifications whose notifier never entered the code: after a day, nothing of what they typed
    (sealed as it is) is kept. Run by the daily deadline sweep; returns the count."""
    cutoff = (now or timezone.now()) - datetime.timedelta(hours=UNCONFIRMED_KEPT_HOURS)
    stale = PendingOutsideNotification.objects.filter(accepted_at__isnull=True, created_at__lt=cutoff)
    count, _ = stale.delete()
    if count:
        audit.record(
            audit.Actor.system("notifications from outside"), "child_death.outside.purged", None, {"count": count}
        )
    return count


def mark_not_genuine(user, notification, *, reason):
    """The panel manager's mark on a notification from outside: kept, audited, and out of statistics (the case
    too, once none of its notifications is genuine)."""
    case = notification.case
    require(user, "child_deaths.manage_case", case, "Only the panel manager marks a notification as not genuine.")
    reason = (reason or "").strip()
    if not notification.received_from_outside:
        raise ValidationError("Only a notification received from outside can be marked as not genuine")
    if notification.not_genuine:
        raise ValidationError("This notification is already marked as not genuine")
    if not reason:
        raise ValidationError({"reason": "Say why the notification is not genuine"})
    if len(reason) > 2000:
        raise ValidationError({"reason": "The reason must be 2,000 characters or fewer"})
    with transaction.atomic():
        notification = Notification.objects.select_for_update().get(pk=notification.pk)
        notification.not_genuine, notification.not_genuine_reason = True, reason
        notification.marked_not_genuine_by, notification.marked_not_genuine_at = user, timezone.now()
        notification.save(
            update_fields=["not_genuine", "not_genuine_reason", "marked_not_genuine_by", "marked_not_genuine_at"]
        )
        case_not_genuine = not case.notifications.filter(not_genuine=False).exists()
        if case_not_genuine:
            case.not_genuine = True
            case.save(update_fields=["not_genuine"])
            from safeguarding.mortality.models import MortalityRecord, Origin

            MortalityRecord.objects.filter(origin=Origin.REVIEW, pseudonym=case.child.pseudonym).delete()
        from .common import acting_as

        audit.record(
            acting_as(user, case.area),
            "child_death.notification.not_genuine",
            case,
            {"notification": notification.pk, "case_not_genuine": case_not_genuine},
            area=case.area,
        )
    return notification
