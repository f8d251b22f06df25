"""The worker: retries with backoff then a recorded failure, nothing lost when a worker dies, one run per period."""

import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from safeguarding.core.clocks.models import PolicySetting
from safeguarding.jobs import actions
from safeguarding.jobs.models import JobRun, RunStatus, WorkerHeartbeat
from safeguarding.jobs.runs import start_run
from safeguarding.jobs.schedules import JOBS, start_due_runs
from safeguarding.jobs.testing import run_jobs
from safeguarding.jobs.worker import Worker, rescue_abandoned_tasks
from safeguarding.organisations.factories import person_with_role
from safeguarding.organisations.models import Role

from . import jobs_for_tests

pytestmark = pytest.mark.django_db
LONDON = ZoneInfo("Europe/London")


def _task(result):
    return DBTaskResult.objects.get(pk=result.id)


def test_a_failing_job_is_retried_with_growing_delays_then_recorded_as_failed():
    result = jobs_for_tests.always_fails.enqueue()
    start = timezone.now()
    assert run_jobs() == 1
    task = _task(result)
    assert task.status == TaskResultStatus.READY  # back in the queue, not yet due
    assert abs(task.run_after - (start + datetime.timedelta(seconds=10))) < datetime.timedelta(seconds=5)
    assert run_jobs() == 0  # the delay is not over
    with time_machine.travel(start + datetime.timedelta(seconds=11), tick=False):
        run_jobs()
    task = _task(result)
    assert task.status == TaskResultStatus.READY
    assert task.run_after >= start + datetime.timedelta(seconds=30)  # 10 s, then 20 s
    with time_machine.travel(start + datetime.timedelta(seconds=40), tick=False):
        run_jobs()
    task = _task(result)
    assert task.status == TaskResultStatus.FAILED
    assert len(task.worker_ids) == 3
    assert task.exception_class_path == "builtins.RuntimeError"
    assert "the mail server refused the connection" in task.traceback


def test_a_failed_scheduled_run_records_its_error(monkeypatch):
    def broken(run, progress):
        raise ValueError("the policy table has no such clock")

    monkeypatch.setattr("safeguarding.jobs.scheduled.mortality_sync_job", broken)
    run = start_run("mortality-sync", "2026-11-26")
    start = timezone.now()
    for seconds in (0, 70, 200, 500):
        with time_machine.travel(start + datetime.timedelta(seconds=seconds), tick=False):
            run_jobs()
    run.refresh_from_db()
    assert run.status == RunStatus.FAILED
    assert run.attempts == 3
    assert run.error == "ValueError: the policy table has no such clock"
    assert run.finished_at is not None


def test_a_worker_killed_mid_job_loses_nothing_and_the_job_does_its_work_once(settings):
    settings.WORKER_HEARTBEAT_STALE_SECONDS = 60
    result = jobs_for_tests.count_once.enqueue("killed-job")
    jobs_for_tests.STATE["kill_next"] = True
    with pytest.raises(jobs_for_tests.Killed):
        Worker(worker_id="doomed", schedules=False, heartbeat_thread=False).run(until_empty=True)
    task = _task(result)
    assert task.status == TaskResultStatus.RUNNING  # left as the dead worker had it
    assert not PolicySetting.objects.filter(key="killed-job").exists()  # its transaction never committed
    # While the dead worker's heartbeat is fresh, nobody takes the task from it.
    assert rescue_abandoned_tasks() == 0
    later = timezone.now() + datetime.timedelta(seconds=61)
    with time_machine.travel(later, tick=False):
        run_jobs(worker_id="survivor")  # its housekeeping finds the task abandoned, puts it back, runs it
    task = _task(result)
    assert task.status == TaskResultStatus.SUCCESSFUL
    assert task.worker_ids == ["doomed", "survivor"]
    assert PolicySetting.objects.filter(key="killed-job").count() == 1
    # Running it once more changes nothing.
    jobs_for_tests.count_once.enqueue("killed-job")
    run_jobs()
    assert PolicySetting.objects.filter(key="killed-job").count() == 1


def test_a_worker_writes_its_heartbeat():
    run_jobs(worker_id="beating")
    heartbeat = WorkerHeartbeat.objects.get(worker_id="beating")
    assert timezone.now() - heartbeat.last_seen < datetime.timedelta(seconds=5)


def test_a_scheduled_job_starts_once_per_period_however_many_workers_ask():
    at_eight = datetime.datetime(2026, 11, 26, 8, 0, tzinfo=LONDON)  # a Thursday
    first = start_due_runs(at_eight)
    again = start_due_runs(at_eight + datetime.timedelta(minutes=5))
    # 17:30's daily summary is not due yet; the month's digest is (from its first day on).
    assert {run.job for run in first} == {
        "clock-sweep",
        "recurrence-detection",
        "recommendation-similarity",
        "coding-classifier",
        "linkage-model",
        "mortality-sync",
        "learning-digest",
    }
    assert again == []
    assert JobRun.objects.filter(job="clock-sweep", period="2026-11-26").count() == 1
    assert start_run("clock-sweep", "2026-11-26") is None  # the unique run row refuses a second


def test_the_schedule_keeps_its_hours_working_days_and_months():
    sweep, digest = JOBS["clock-sweep"], JOBS["learning-digest"]
    assert sweep.period(datetime.datetime(2026, 11, 26, 6, 59, tzinfo=LONDON)) is None  # before 07:00
    assert sweep.period(datetime.datetime(2026, 11, 28, 9, 0, tzinfo=LONDON)) is None  # a Saturday
    assert sweep.period(datetime.datetime(2026, 12, 28, 9, 0, tzinfo=LONDON)) is None  # substitute bank holiday
    assert sweep.period(datetime.datetime(2026, 12, 29, 9, 0, tzinfo=LONDON)) == "2026-12-29"
    assert digest.period(datetime.datetime(2026, 12, 1, 7, 30, tzinfo=LONDON)) == "2026-12"
    assert digest.period(datetime.datetime(2026, 12, 15, 7, 30, tzinfo=LONDON)) == "2026-12"


def test_scheduled_jobs_run_through_the_existing_actions():
    for name in ("recurrence-detection", "mortality-sync", "learning-digest", "clock-sweep", "daily-summary"):
        start_run(name, "2026-11-26")
    run_jobs()
    runs = {run.job: run for run in JobRun.objects.all()}
    assert {name: run.status for name, run in runs.items()} == dict.fromkeys(runs, RunStatus.SUCCEEDED)
    assert runs["learning-digest"].counts["month"] == "2026-10"
    assert set(runs["mortality-sync"].counts) == {"created", "updated", "unchanged"}


def test_run_now_is_for_national_administrators_and_audited(area):
    from safeguarding.core.models import AuditEvent

    admin = person_with_role(Role.NATIONAL_ADMINISTRATOR)
    with pytest.raises(PermissionDenied):
        actions.run_now(person_with_role(Role.NATIONAL_ANALYST), "clock-sweep")
    first = actions.run_now(admin, "clock-sweep")
    second = actions.run_now(admin, "clock-sweep")
    assert first.period != second.period  # each run by hand is its own
    assert AuditEvent.objects.filter(verb="jobs.run_requested").count() == 2


def test_the_jobs_page_shows_runs_and_workers_and_runs_a_job_now(client, sign_in):
    admin = person_with_role(Role.NATIONAL_ADMINISTRATOR)
    sign_in(admin)
    start_run("recurrence-detection", "2026-11-26")
    run_jobs(worker_id="page-worker")
    page = client.get("/jobs/").content.decode()
    assert "Recurrence detection" in page and "Succeeded" in page and "page-worker" in page
    response = client.post("/jobs/clock-sweep/run/", follow=True)
    assert "Waiting for a worker to start it" in response.content.decode()
    run_jobs()
    run = JobRun.objects.get(job="clock-sweep")
    page = client.get(f"/jobs/runs/{run.pk}/").content.decode()
    assert "Succeeded" in page and "reminders" in page


def test_a_refusal_fails_a_run_someone_asked_for_at_once_but_a_scheduled_run_is_retried(monkeypatch):
    from django.core.exceptions import ValidationError

    from safeguarding.jobs.models import Trigger

    def refused(run, progress, **kwargs):
        raise ValidationError("The report has been published: it can no longer be changed")

    monkeypatch.setattr("safeguarding.jobs.scheduled.mortality_sync_job", refused)
    scheduled = start_run("mortality-sync", "2026-11-26")
    asked = start_run("mortality-sync", "asked 2026-11-26", trigger=Trigger.REQUEST)
    run_jobs()
    scheduled.refresh_from_db()
    asked.refresh_from_db()
    assert (scheduled.status, scheduled.finished_at) == (RunStatus.QUEUED, None)
    assert (asked.status, asked.attempts) == (RunStatus.FAILED, 1)
    assert asked.error == "The report has been published: it can no longer be changed"
