"""The working-day deadline sweep: a reminder before each due date and an escalation once it has passed.

For every open clock (clocks.py) the sweep compares today with the due date:
- from `reminder-working-days` working days before it up to the day itself: a reminder;
- after it: an escalation (always emailed at once, whatever the person's preference).
Each (clock, stage, due date) is recorded in ClockReminder in the same transaction as its messages, so a
reminder goes once however often the sweep runs, on one worker or two at once; a missed day is caught up
(the reminder goes on the next run that finds it due). A clock whose due date moves (a pause) is reminded
again for its new date.
"""

from django.db import IntegrityError, transaction
from django.utils import timezone

from safeguarding.core.bulk import insert_many
from safeguarding.core.clocks.calendar import working_days_between
from safeguarding.core.clocks.models import PolicySetting

from ..delivery import dispatch
from ..events import Event
from ..models import ClockReminder, Kind, ReminderStage
from ..recipients import Directory
from .clocks import everything_due

REMINDER_SETTING = "reminder-working-days"
EXPIRY_SETTING = "expiry-warning-days"
BATCH = 2000


def _setting(key, default):
    value = PolicySetting.objects.filter(key=key).values_list("value", flat=True).first()
    return default if value is None else value


def _stage(due, today, reminder_days):
    if due.due_on < today:
        return ReminderStage.ESCALATION if due.escalates else None
    if due.escalates:
        return ReminderStage.REMINDER if working_days_between(today, due.due_on, due.nation) <= reminder_days else None
    return ReminderStage.REMINDER  # warnings are already limited to their horizon


def _event(due, stage):
    kind = Kind.DEADLINE_PASSED if stage == ReminderStage.ESCALATION else due.reminder_kind
    return Event(
        kind,
        reference=due.reference,
        link=due.link,
        area_id=due.area_id,
        organisation_id=due.organisation_id,
        organisation_name=due.organisation_name,
        panel_id=due.panel_id,
        due_on=due.due_on.isoformat(),
        clock_name=due.clock_name,
        count=due.count,
        audience=due.audience,
        user_ids=due.user_ids,
        address=due.address,
        key=f"clock:{due.subject}:{due.clock}:{stage}:{due.due_on.isoformat()}",
    )


def sweep(today=None, progress=None):
    """Sends the reminders and escalations due `today` that have not been sent; returns counts."""
    today = today or timezone.localdate()
    reminder_days = _setting(REMINDER_SETTING, 2)
    warning_days = _setting(EXPIRY_SETTING, 14)
    directory = Directory()
    counts = {"clocks": 0, "reminders": 0, "escalations": 0, "warnings": 0, "notifications": 0, "emails": 0}
    batch = []
    for due in everything_due(today, warning_days):
        counts["clocks"] += 1
        stage = _stage(due, today, reminder_days)
        if stage is not None:
            batch.append((due, stage))
        if len(batch) >= BATCH:
            _send(batch, directory, counts)
            batch = []
    _send(batch, directory, counts)
    # Agency contacts without an account: their reminder is a fresh secure link, sent by the returns app.
    from safeguarding.returns.actions import remind_due

    counts["return_links"] = remind_due(today)
    # Notifications from outside whose notifier never confirmed the code are not kept.
    from safeguarding.child_deaths.actions.outside import purge_unconfirmed

    counts["unconfirmed_notifications_deleted"] = purge_unconfirmed()
    return counts


def _send(batch, directory, counts):
    """One transaction per batch: the reminder records and the messages they stand for, together."""
    if not batch:
        return
    rows = [ClockReminder(subject=due.subject, clock=due.clock, stage=stage, due_on=due.due_on) for due, stage in batch]
    with transaction.atomic():
        sent = _already_sent(rows)
        fresh = [(due, stage) for (due, stage), row in zip(batch, rows, strict=True) if _key(row) not in sent]
        if not fresh:
            return
        try:
            with transaction.atomic():
                insert_many(ClockReminder, [row for row in rows if _key(row) not in sent])
        except IntegrityError:
            # Another worker's sweep recorded some of these a moment ago: it sends them, not us.
            return _send_one_by_one(fresh, directory, counts)
        _count_and_dispatch(fresh, directory, counts)


def _send_one_by_one(fresh, directory, counts):
    mine = []
    for due, stage in fresh:
        try:
            with transaction.atomic():
                ClockReminder.objects.create(subject=due.subject, clock=due.clock, stage=stage, due_on=due.due_on)
        except IntegrityError:
            continue
        mine.append((due, stage))
    _count_and_dispatch(mine, directory, counts)


def _count_and_dispatch(pairs, directory, counts):
    for due, stage in pairs:
        if stage == ReminderStage.ESCALATION:
            counts["escalations"] += 1
        elif due.escalates:
            counts["reminders"] += 1
        else:
            counts["warnings"] += 1
    result = dispatch([_event(due, stage) for due, stage in pairs], directory)
    counts["notifications"] += result["notifications"]
    counts["emails"] += result["emails"]


def _key(row):
    return (row.subject, row.clock, row.stage, row.due_on)


def _already_sent(rows):
    subjects = {row.subject for row in rows}
    existing = ClockReminder.objects.filter(subject__in=subjects).values_list("subject", "clock", "stage", "due_on")
    return set(existing)


def sweep_job(run, progress):
    return sweep(progress=progress)
