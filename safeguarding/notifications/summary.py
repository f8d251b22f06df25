"""The daily summary: one email per person who chose a summary for some kinds, listing the day's notifications."""

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from .events import Event
from .models import Kind, Notification, OutgoingEmail


def send_daily_summaries(day=None):
    """Queues one summary email per person with notifications waiting for it; idempotent per person and day."""
    day = day or timezone.localdate()
    waiting = Notification.objects.filter(awaiting_summary=True).select_related("recipient").order_by("recipient", "pk")
    by_person = {}
    for notification in waiting:
        by_person.setdefault(notification.recipient, []).append(notification.pk)
    emails = []
    with transaction.atomic():
        for person, ids in by_person.items():
            key = f"daily-summary:{day.isoformat()}:{person.pk}"
            if not person.is_active or not person.email or OutgoingEmail.objects.filter(event_key=key).exists():
                continue
            event = Event(Kind.DAILY_SUMMARY, user_ids=(person.pk,), count=len(ids), key=key)
            emails.append(
                OutgoingEmail(
                    recipient=person,
                    address=person.email,
                    kind=Kind.DAILY_SUMMARY,
                    event={**event.as_json(), "notification_ids": ids},
                    event_key=key,
                )
            )
        from .delivery import queue_emails

        queue_emails(emails)
        Notification.objects.filter(pk__in=[pk for ids in by_person.values() for pk in ids]).update(
            awaiting_summary=False
        )
    return {"summaries": len(emails), "notifications": sum(len(ids) for ids in by_person.values())}


def compose_summary(email):
    ids = email.event.get("notification_ids", [])
    notifications = Notification.objects.filter(pk__in=ids).order_by("created_at", "pk")
    base = settings.SERVICE_URL.rstrip("/")
    lines = [f"Your notifications from the {settings.SERVICE_NAME}:", ""]
    for notification in notifications:
        lines.append(f"- {notification.text}")
        if notification.link:
            lines.append(f"  {base}{notification.link}")
    lines += [
        "",
        f"All your notifications: {base}/notifications/",
        f"Choose which emails you get: {base}/notifications/preferences/",
    ]
    return f"Your daily summary: {len(ids)} notification{'s' if len(ids) != 1 else ''}", "\n".join(lines)


def summary_job(run, progress):
    return send_daily_summaries()
