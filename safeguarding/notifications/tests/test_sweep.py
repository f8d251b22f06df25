"""The working-day deadline sweep, run by the schedule on a moving clock: each reminder once, escalation after."""

import datetime
import threading
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.db import connection, connections

from safeguarding.incidents.actions import rapid_inquiry
from safeguarding.incidents.factories import make_incident
from safeguarding.jobs.models import JobRun
from safeguarding.jobs.testing import run_jobs
from safeguarding.jobs.worker import Worker
from safeguarding.notifications.models import ClockReminder, Kind, OutgoingEmail, ReminderStage
from safeguarding.notifications.sweep.run import sweep

from .conftest import verified

LONDON = ZoneInfo("Europe/London")
CONTACT = "safeguarding.team@icb.example"


def _at(day, hour=7, minute=30):
    return datetime.datetime(day.year, day.month, day.day, hour, minute, tzinfo=LONDON)


def _summary_due(area, people, partners, *, requested_on, due_on):
    lead = verified(people["inquiry_lead"])
    incident = rapid_inquiry.start_rapid_inquiry(lead, make_incident(area), today=requested_on).incident
    return rapid_inquiry.request_summary(
        lead, incident, organisation=partners["health"], due_on=due_on, contact_email=CONTACT, today=requested_on
    )


def _reminders_for(request):
    return list(
        ClockReminder.objects.filter(subject=f"incidents.agencysummaryrequest:{request.pk}")
        .order_by("sent_at")
        .values_list("stage", "due_on")
    )


@pytest.mark.django_db
def test_consecutive_working_days_across_christmas_send_each_reminder_once_then_escalate(area, people, partners):
    due = datetime.date(2026, 12, 29)  # the Tuesday after Christmas (Mon 28th is the Boxing Day substitute)
    request = _summary_due(area, people, partners, requested_on=datetime.date(2026, 12, 18), due_on=due)
    sent_on = {}
    day = datetime.date(2026, 12, 18)
    while day <= datetime.date(2027, 1, 5):
        for hour in (7, 12):  # the worker keeps waking through the day
            with time_machine.travel(_at(day, hour), tick=False):
                run_jobs(schedules=True)
        for stage, _ in _reminders_for(request):
            sent_on.setdefault(stage, day)
        day += datetime.timedelta(days=1)
    # Two working days before the 29th are the 24th and the 29th itself: the reminder goes on Wed 23rd.
    assert sent_on == {
        ReminderStage.REMINDER: datetime.date(2026, 12, 23),
        ReminderStage.ESCALATION: due.replace(day=30),
    }
    assert _reminders_for(request) == [(ReminderStage.REMINDER, due), (ReminderStage.ESCALATION, due)]
    to_contact = OutgoingEmail.objects.filter(address=CONTACT).values_list("kind", flat=True)
    assert sorted(to_contact) == sorted([Kind.SUMMARY_REQUESTED, Kind.SUMMARY_REMINDER, Kind.DEADLINE_PASSED])
    # No sweep ran on the weekend or the bank holidays.
    periods = set(JobRun.objects.filter(job="clock-sweep").values_list("period", flat=True))
    assert not periods & {"2026-12-19", "2026-12-20", "2026-12-25", "2026-12-26", "2026-12-28", "2027-01-01"}
    assert {"2026-12-23", "2026-12-24", "2026-12-29", "2026-12-30"} <= periods


@pytest.mark.django_db
def test_escalation_reaches_the_lead_chief_officers_after_the_due_date(area, people, partners):
    request = _summary_due(
        area, people, partners, requested_on=datetime.date(2026, 11, 20), due_on=datetime.date(2026, 11, 25)
    )
    with time_machine.travel(_at(datetime.date(2026, 11, 26)), tick=False):
        counts = sweep()
        run_jobs()
    assert counts["escalations"] >= 1
    escalated = OutgoingEmail.objects.filter(kind=Kind.DEADLINE_PASSED, reference=request.incident.reference)
    addresses = set(escalated.values_list("address", flat=True))
    assert {people["lco_council"].email, people["lco_police"].email, people["lco_health"].email, CONTACT} <= addresses
    assert sweep()["escalations"] == 0  # once


@pytest.mark.skipif(
    "connection.vendor == 'sqlite'",
    reason="SQLite serialises all writers, so two workers cannot race; run with DATABASE_URL=postgres://...",
)
@pytest.mark.django_db(transaction=True)
def test_two_workers_at_once_on_postgresql_send_each_reminder_once(area, people, partners):
    request = _summary_due(
        area, people, partners, requested_on=datetime.date(2026, 11, 20), due_on=datetime.date(2026, 11, 30)
    )
    run_jobs()
    before = OutgoingEmail.objects.filter(kind=Kind.SUMMARY_REMINDER).count()
    start = threading.Barrier(2)
    errors = []

    def worker(name, work):
        try:
            start.wait()
            work(name)
        except Exception as error:
            errors.append(error)
        finally:
            connections.close_all()

    def whole_worker(name):
        Worker(worker_id=name, heartbeat_thread=False).run(until_empty=True)

    def bare_sweep(name):
        sweep()

    with time_machine.travel(_at(datetime.date(2026, 11, 26)), tick=False):
        for work in (whole_worker, bare_sweep):
            threads = [threading.Thread(target=worker, args=(f"w{i}", work)) for i in range(2)]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
        run_jobs()
    assert not errors
    assert JobRun.objects.filter(job="clock-sweep", period="2026-11-26").count() == 1
    assert _reminders_for(request) == [(ReminderStage.REMINDER, datetime.date(2026, 11, 30))]
    assert OutgoingEmail.objects.filter(kind=Kind.SUMMARY_REMINDER).count() == before + 1
    assert connection.vendor == "postgresql"
