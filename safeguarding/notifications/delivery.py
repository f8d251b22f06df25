"""From an event to in-app notifications and queued emails, and the sending of each email with retries."""

import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from safeguarding.core.bulk import insert_many
from safeguarding.jobs.registry import enqueue_many, job, policy_for
from safeguarding.organisations.models import SafeguardingArea

from .events import KINDS, Event, render
from .models import Delivery, EmailStatus, Kind, Notification, OutgoingEmail, Preference
from .recipients import Directory, active_users

logger = logging.getLogger(__name__)

EMAIL_MAX_ATTEMPTS = 5


@job(max_attempts=3, backoff_seconds=30)
def deliver(event_data):
    """The job `emit` queues: one event's notifications and emails, in one transaction (idempotent)."""
    counts = dispatch([Event.from_json(event_data)])
    return counts


def dispatch(events, directory=None):
    """Writes the notifications and queues the emails of `events`. Safe to run again: a person gets one
    notification and an address one email per event (the unique keys), whatever happens in between."""
    events = list(events)
    if not events:
        return {"notifications": 0, "emails": 0}
    directory = directory or Directory({event.area_id for event in events if event.area_id} or None)
    area_names = dict(
        SafeguardingArea.objects.filter(pk__in={e.area_id for e in events if e.area_id}).values_list("pk", "name")
    )
    resolved = [(event, *KINDS[event.kind].recipients(event, directory)) for event in events]
    users = active_users({user_id for _, user_ids, _ in resolved for user_id in user_ids})
    daily = set(Preference.objects.filter(user_id__in=users, delivery=Delivery.DAILY).values_list("user_id", "kind"))
    keys = {event.key for event in events}
    already_notified = set(Notification.objects.filter(event_key__in=keys).values_list("recipient_id", "event_key"))
    already_emailed = set(OutgoingEmail.objects.filter(event_key__in=keys).values_list("address", "event_key"))
    notifications, emails = [], []
    for event, user_ids, addresses in resolved:
        area_name = area_names.get(event.area_id, event.area_name or None)
        _subject, text = render(event, area_name)
        stored_event = {**event.as_json(), "area_name": area_name or ""}
        always = KINDS[event.kind].always_immediate
        for user_id in sorted(user_ids):
            user = users.get(user_id)
            if user is None or (user_id, event.key) in already_notified:
                continue
            summary = not always and (user_id, event.kind) in daily
            notifications.append(
                Notification(
                    recipient=user,
                    kind=event.kind,
                    reference=event.reference,
                    text=text[:300],
                    link=event.link,
                    area_id=event.area_id,
                    event_key=event.key,
                    awaiting_summary=summary,
                )
            )
            if not summary and user.email and (user.email, event.key) not in already_emailed:
                emails.append(_email(event, stored_event, user.email, user))
        for address in sorted(addresses):
            if (address, event.key) not in already_emailed:
                emails.append(_email(event, stored_event, address, None))
    with transaction.atomic():
        insert_many(Notification, notifications)
        queue_emails(emails)
    return {"notifications": len(notifications), "emails": len(emails)}


def _email(event, stored_event, address, user):
    return OutgoingEmail(
        recipient=user,
        address=address,
        kind=event.kind,
        reference=event.reference,
        area_id=event.area_id,
        event=stored_event,
        event_key=event.key,
    )


def queue_emails(emails):
    """Stores `emails` and queues a send job for each, in the caller's transaction. The caller has left out
    pairs already stored; a concurrent duplicate fails on the unique key and its job runs again, finding them."""
    with transaction.atomic():
        insert_many(OutgoingEmail, emails)
        # The keys the database gave them, read back by the unique (address, event) pair.
        keys = {email.event_key for email in emails}
        stored = {}
        for chunk in _chunks(sorted(keys), 500):
            rows = OutgoingEmail.objects.filter(event_key__in=chunk).values_list("address", "event_key", "pk")
            stored.update({(address, key): pk for address, key, pk in rows})
        for email in emails:
            email.pk = stored[(email.address, email.event_key)]
        enqueue_many(send_email, [(email.pk,) for email in emails])
    return emails


def _chunks(items, size):
    for start in range(0, len(items), size):
        yield items[start : start + size]


def compose(email):
    """(subject, body) of a stored email, rebuilt from its kind and event fields."""
    if email.kind == Kind.DAILY_SUMMARY:
        from .summary import compose_summary

        return compose_summary(email)
    event = Event.from_json(email.event)
    subject, text = render(event, email.event.get("area_name") or None)
    base = settings.SERVICE_URL.rstrip("/")
    lines = [text, ""]
    if event.link:
        lines += [f"Open it in the {settings.SERVICE_NAME}: {base}{event.link}", ""]
    if email.recipient_id:
        lines.append(f"Choose which emails you get: {base}/notifications/preferences/")
    else:
        lines.append(f"This email was sent by the {settings.SERVICE_NAME} to the contact given for this request.")
    return subject, "\n".join(lines)


@job(max_attempts=EMAIL_MAX_ATTEMPTS, backoff_seconds=60)
def send_email(email_id):
    """Sends one stored email. A failure is recorded on the email and raised, so the worker tries again
    after a growing delay; the last failure marks it failed, to be retried by hand from the failed list."""
    email = OutgoingEmail.objects.get(pk=email_id)
    if email.status == EmailStatus.SENT:
        return "already sent"
    subject, body = compose(email)
    now = timezone.now()
    try:
        EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [email.address]).send()
    except Exception as error:
        attempts = email.attempts + 1
        final = attempts >= policy_for(send_email.module_path).max_attempts
        OutgoingEmail.objects.filter(pk=email_id).update(
            attempts=F("attempts") + 1,
            last_attempt_at=now,
            status=EmailStatus.FAILED if final else EmailStatus.RETRYING,
            # The error's type and first line only: an SMTP reply names the address, never the body.
            last_error=f"{type(error).__name__}: {str(error).splitlines()[0] if str(error) else ''}"[:300],
        )
        raise
    OutgoingEmail.objects.filter(pk=email_id).update(
        attempts=F("attempts") + 1, last_attempt_at=now, sent_at=now, status=EmailStatus.SENT, last_error=""
    )
    return "sent"
