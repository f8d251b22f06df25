"""Starting a run of a job and recording how it went (JobRun rows).

`start_run` writes the run row and enqueues its task in one transaction: the queue and the record agree,
and a run is never queued twice for the same period. `execute_run` is the task: it records the start,
calls the job's function, and records the outcome; a run that already succeeded is not done again.
"""

import datetime
import logging
import time

from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.module_loading import import_string

from .models import IN_PROGRESS, JobRun, RunStatus, Trigger
from .registry import job, policy_for

logger = logging.getLogger(__name__)


def start_run(job_name, period, *, trigger=Trigger.SCHEDULE, requested_by=None, kwargs=None):
    """Queues job `job_name` for `period`; None if that period already has a run (another worker's, or
    an earlier one). Call it inside the transaction of the change that asks for it, if there is one."""
    with transaction.atomic():
        try:
            with transaction.atomic():
                run = JobRun.objects.create(job=job_name, period=period, trigger=trigger, requested_by=requested_by)
        except IntegrityError:
            return None
        result = execute_run.enqueue(run.pk, **(kwargs or {}))
        run.task_id = str(result.id)
        run.save(update_fields=["task_id"])
    return run


def manual_period(now=None, *, prefix="manual"):
    """A period of its own for a run started by hand, so it never collides with a scheduled one. A long job
    started from a page puts what it is for first (`prefix="2025"`), so the page can find it still running."""
    now = timezone.localtime(now or timezone.now())
    return f"{prefix} {now:%Y-%m-%d %H:%M:%S.%f}"


class Refused(Exception):
    """A long job that finds, when it runs, that its work may not be done (the data changed since it was asked
    for). Not retried: recorded as failed at once with this message, which the person reads on the run's page."""


# Errors that running again cannot cure: the run fails at once with the message alone.
REFUSALS = (Refused, ValidationError, PermissionDenied)


def refusal_text(error):
    if isinstance(error, ValidationError):
        return " ".join(error.messages)
    return str(error) or "You may not do this."


def in_progress(job_name, prefix):
    """The run of `job_name` for `prefix` (see manual_period) that is queued or running, if there is one."""
    return (
        JobRun.objects.filter(job=job_name, period__startswith=f"{prefix} ", status__in=IN_PROGRESS)
        .order_by("-queued_at")
        .first()
    )


# A long job's progress goes to the shared cache on every step (every web server reads it from there) and to
# its JobRun row at most this often, so a job counting through 100,000 rows does not write 100,000 updates.
PROGRESS_STORE_EVERY_SECONDS = 5
PROGRESS_CACHE_SECONDS = 24 * 60 * 60
_PROGRESS_FIELDS = ("progress_done", "progress_total", "progress_note")


def progress_key(run_id):
    return f"jobs:progress:{run_id}"


class Progress:
    """What a long job passes around to say how far it has got; writes are cheap and outside its transaction.

    It is also the callback the long actions take: `progress(done, total, "Counting deaths by region")`. Each
    step goes to the shared cache, where the run's page reads it while the job goes on, and to the run's row
    (in autocommit) when the total changes or every few seconds; the actions call it before their final
    transaction, never inside it."""

    def __init__(self, run):
        self.run = run
        self._stored_at = None

    def __call__(self, done, total, note=""):
        self._save(progress_done=min(done, total), progress_total=total, progress_note=note[:200])

    def total(self, total, note=""):
        self._save(progress_total=total, progress_done=0, progress_note=note[:200])

    def advance(self, done, note=""):
        self._save(progress_done=done, progress_note=note[:200])

    def flush(self):
        """Stores the latest figures in the run's row (at the end of the run, whatever its outcome)."""
        JobRun.objects.filter(pk=self.run.pk).update(**{name: getattr(self.run, name) for name in _PROGRESS_FIELDS})
        self._stored_at = time.monotonic()

    def _save(self, **fields):
        starting = fields.get("progress_total", self.run.progress_total) != self.run.progress_total
        for name, value in fields.items():
            setattr(self.run, name, value)
        cache.set(
            progress_key(self.run.pk),
            {name: getattr(self.run, name) for name in _PROGRESS_FIELDS},
            PROGRESS_CACHE_SECONDS,
        )
        if starting or self._stored_at is None or time.monotonic() - self._stored_at >= PROGRESS_STORE_EVERY_SECONDS:
            self.flush()


def with_latest_progress(run):
    """`run` with the progress its job last reported, which may be newer in the shared cache than in its row."""
    if run.status == RunStatus.RUNNING:
        latest = cache.get(progress_key(run.pk))
        if latest:
            for name in _PROGRESS_FIELDS:
                setattr(run, name, latest[name])
    return run


def _definition(job_name):
    from .schedules import JOBS

    return JOBS[job_name]


@job(max_attempts=3, backoff_seconds=60)
def execute_run(run_id, **kwargs):
    run = JobRun.objects.get(pk=run_id)
    if run.status == RunStatus.SUCCEEDED:
        return {"skipped": "already succeeded"}
    JobRun.objects.filter(pk=run_id).update(
        status=RunStatus.RUNNING, started_at=timezone.now(), attempts=F("attempts") + 1, error=""
    )
    run.refresh_from_db()
    definition = _definition(run.job)
    function = import_string(definition.function)
    progress = Progress(run)
    try:
        outcome = function(run, progress, **kwargs) or {}
    except Exception as error:
        progress.flush()
        if run.trigger == Trigger.REQUEST and isinstance(error, REFUSALS):
            # A long job someone asked for, refused by its action: its message is the answer, not a fault.
            JobRun.objects.filter(pk=run_id).update(
                status=RunStatus.FAILED, finished_at=timezone.now(), error=refusal_text(error)[:2000]
            )
            return {"refused": 1}
        final = run.attempts >= policy_for(execute_run.module_path).max_attempts
        JobRun.objects.filter(pk=run_id).update(
            status=RunStatus.FAILED if final else RunStatus.QUEUED,
            finished_at=timezone.now() if final else None,
            error=f"{type(error).__name__}: {error}"[:2000],
        )
        raise
    progress.flush()
    counts = {key: value for key, value in outcome.items() if key != "result_url"}
    JobRun.objects.filter(pk=run_id).update(
        status=RunStatus.SUCCEEDED,
        finished_at=timezone.now(),
        counts=counts,
        result_url=outcome.get("result_url", ""),
    )
    return counts


def age_of(run, now=None):
    now = now or timezone.now()
    return now - run.queued_at if run.queued_at else datetime.timedelta(0)
