"""Changes a person makes to their own notifications and preferences, and the retry of a failed email."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from safeguarding.core import audit

from .delivery import send_email
from .events import KINDS
from .models import Delivery, EmailStatus, Kind, Notification, OutgoingEmail, Preference

# Kinds a person may choose a summary for: not escalations (they always go at once) nor the summary itself.
CHOOSABLE_KINDS = [kind for kind in Kind if not KINDS[kind].always_immediate and kind != Kind.DAILY_SUMMARY]


def mark_read(user, notification):
    if notification.recipient_id != user.pk:
        raise PermissionDenied
    if notification.read_at is None:
        Notification.objects.filter(pk=notification.pk, read_at__isnull=True).update(read_at=timezone.now())


def mark_all_read(user):
    return Notification.objects.for_user(user).unread().update(read_at=timezone.now())


def preferences_of(user):
    chosen = dict(Preference.objects.filter(user=user).values_list("kind", "delivery"))
    return {kind: chosen.get(kind, Delivery.IMMEDIATE) for kind in CHOOSABLE_KINDS}


def set_preferences(user, choices):
    """`choices`: {kind: delivery} for kinds a person may choose; anything else is refused, nothing half-saved."""
    errors = {}
    for kind, delivery in choices.items():
        if kind not in CHOOSABLE_KINDS:
            errors[kind] = "Deadline escalations always go by email straight away: they cannot wait for a summary"
        elif delivery not in Delivery.values:
            errors[kind] = "Choose an email straight away or a daily summary"
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        for kind, delivery in choices.items():
            Preference.objects.update_or_create(user=user, kind=kind, defaults={"delivery": delivery})
        audit.record(user, "notifications.preferences_changed", user, {"preferences": dict(sorted(choices.items()))})


def emails_visible_to(user):
    """Emails a person may see: all for national administrators, their areas' for area administrators."""
    from safeguarding.core import permissions
    from safeguarding.organisations.models import Role

    if permissions.is_national_administrator(user):
        return OutgoingEmail.objects.all()
    if not user.has_perm("notifications.manage_failed_emails"):
        return OutgoingEmail.objects.none()
    return OutgoingEmail.objects.filter(area_id__in=permissions.area_ids_with_role(user, {Role.AREA_ADMINISTRATOR}))


def failed_emails_for(user):
    return emails_visible_to(user).filter(status=EmailStatus.FAILED)


def retry_email(user, email):
    """Queues a failed email to be tried again, with its attempts counted afresh."""
    if not emails_visible_to(user).filter(pk=email.pk).exists():
        raise PermissionDenied
    with transaction.atomic():
        updated = OutgoingEmail.objects.filter(pk=email.pk, status=EmailStatus.FAILED).update(
            status=EmailStatus.PENDING, attempts=0, last_error=""
        )
        if not updated:
            raise ValidationError("This email is no longer failed: it has been retried already")
        send_email.enqueue(email.pk)
        audit.record(
            user,
            "notifications.email_retried",
            ("notifications.outgoingemail", email.pk, f"{email.get_kind_display()} ({email.reference or 'no case'})"),
            {"kind": email.kind, "reference": email.reference},
            area=email.area,
        )
