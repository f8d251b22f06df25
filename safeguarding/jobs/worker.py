"""The worker: takes tasks from django-tasks-db's queue and runs them, with the things the library leaves to us.

- **Retries with backoff.** A task that raises goes back to the queue to run after a delay, until its
  `@job(max_attempts=...)` are used up; then it is marked failed with its error.
- **Nothing lost when a worker dies.** Every worker writes a heartbeat every few seconds from a thread of
  its own (so a long task keeps it fresh). A task left RUNNING by a worker whose heartbeat has gone stale
  (the process was killed, the machine lost) is put back in the queue and runs again; each job is written
  to do its work once however often it runs (a transaction, or idempotent steps). A worker on the same
  machine as the dead one (a restarted service) need not wait for the heartbeat to go stale: a process id
  that no longer exists on this host is dead now.
- **The database may go away.** A lost connection (the server restarted, a failover, a connection killed)
  does not stop the worker: it drops the connection, waits a moment and carries on with a new one. The task
  in hand when the connection went is put back in the queue, as any failed attempt.
- **Schedules.** Each loop asks the schedule (schedules.py) for jobs due in the current period; the unique
  run row per job and period means one worker of many starts each.

Claiming a task uses the library's locked query (SELECT ... FOR UPDATE SKIP LOCKED on PostgreSQL, an
exclusive transaction on SQLite), so several workers share one queue.
"""

import logging
import os
import signal
import socket
import threading
import time
from traceback import format_exception

from django.conf import settings
from django.db import DatabaseError, InterfaceError, OperationalError, close_old_connections, connection, transaction
from django.utils import timezone
from django.utils.crypto import get_random_string
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult
from django_tasks_db.utils import exclusive_transaction, is_locked_database_exception

from safeguarding.core import audit

from .models import WorkerHeartbeat
from .registry import policy_for

logger = logging.getLogger(__name__)

BACKEND = "default"


def stale_after():
    return timezone.timedelta(seconds=settings.WORKER_HEARTBEAT_STALE_SECONDS)


def beat(worker_id, started_at):
    """Records that `worker_id` is alive now."""
    now = timezone.now()
    WorkerHeartbeat.objects.update_or_create(
        worker_id=worker_id,
        defaults={"hostname": socket.gethostname()[:200], "pid": os.getpid(), "last_seen": now},
        create_defaults={
            "hostname": socket.gethostname()[:200],
            "pid": os.getpid(),
            "last_seen": now,
            "started_at": started_at,
        },
    )


def live_worker_ids(now=None):
    """Workers whose heartbeat is fresh, less those of this machine whose process has gone."""
    now = now or timezone.now()
    fresh = WorkerHeartbeat.objects.filter(last_seen__gte=now - stale_after())
    fresh = fresh.values_list("worker_id", "hostname", "pid")
    here = socket.gethostname()[:200]
    return {worker_id for worker_id, hostname, pid in fresh if hostname != here or not process_gone(pid)}


def process_gone(pid):
    """Whether no process `pid` runs on this machine (a zombie, killed but not yet reaped, counts as gone).
    Relies on host names being unique to a machine or container, as they are by default."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False  # someone else's process
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] == "Z"
    except (OSError, IndexError):
        return False


def _error_text(error):
    return "".join(format_exception(error))


def _requeue(db_result, *, error_class, traceback, run_after):
    DBTaskResult.objects.filter(pk=db_result.pk).update(
        status=TaskResultStatus.READY,
        run_after=run_after,
        exception_class_path=error_class,
        traceback=traceback,
    )


def _fail(db_result, *, error_class, traceback):
    from .models import JobRun, RunStatus

    now = timezone.now()
    DBTaskResult.objects.filter(pk=db_result.pk).update(
        status=TaskResultStatus.FAILED,
        finished_at=now,
        exception_class_path=error_class,
        traceback=traceback,
        return_value=None,
    )
    # A run whose task has given up is failed too, whether the job raised or its worker kept dying.
    JobRun.objects.filter(task_id=str(db_result.pk)).exclude(status=RunStatus.SUCCEEDED).update(
        status=RunStatus.FAILED, finished_at=now, error=traceback.strip().splitlines()[-1][:2000] if traceback else ""
    )


def rescue_abandoned_tasks(now=None):
    """Puts back in the queue every task still RUNNING for a worker that has stopped beating; one whose
    attempts are used up is marked failed instead. Returns how many were put back."""
    now = now or timezone.now()
    alive = live_worker_ids(now)
    rescued = 0
    with transaction.atomic():
        running = DBTaskResult.objects.running().filter(backend_name=BACKEND).select_for_update(skip_locked=True)
        for db_result in running:
            if db_result.worker_ids and db_result.worker_ids[-1] in alive:
                continue
            error = f"The worker {db_result.worker_ids[-1] if db_result.worker_ids else '?'} stopped during this task"
            if len(db_result.worker_ids) >= policy_for(db_result.task_path).max_attempts:
                _fail(db_result, error_class="safeguarding.jobs.worker.WorkerStopped", traceback=error)
            else:
                _requeue(
                    db_result, error_class="safeguarding.jobs.worker.WorkerStopped", traceback=error, run_after=now
                )
                rescued += 1
    if rescued:
        logger.warning("Put %d abandoned task(s) back in the queue", rescued)
    return rescued


class Worker:
    """One worker process. `run()` loops until stopped; `run(until_empty=True)` drains the queue and returns."""

    HOUSEKEEPING_SECONDS = 15

    def __init__(self, *, worker_id=None, interval=1.0, schedules=True, heartbeat_thread=True):
        self.worker_id = worker_id or f"{socket.gethostname()[:40]}-{get_random_string(8)}"
        self.interval = interval
        self.schedules = schedules
        self.heartbeat_thread = heartbeat_thread
        self.started_at = timezone.now()
        self.running = True
        self.in_task = False
        self.in_hand = None  # a task whose result could not be written when the connection was lost
        self._stop_beating = threading.Event()
        self._last_housekeeping = None

    # --- the loop ---
    def run(self, *, until_empty=False, max_tasks=None):
        beat(self.worker_id, self.started_at)
        if self.heartbeat_thread:
            threading.Thread(target=self._beat_forever, name="heartbeat", daemon=True).start()
        done = 0
        try:
            while self.running:
                # Drop a connection the database has closed or that has outlived CONN_MAX_AGE (never one inside a
                # transaction: a test, or a caller that drains the queue within its own).
                if not connection.in_atomic_block:
                    close_old_connections()
                try:
                    self.housekeeping()
                    db_result = self.claim_next()
                    if db_result is not None:
                        self.execute(db_result)
                        done += 1
                        if max_tasks is not None and done >= max_tasks:
                            break
                        continue
                except (OperationalError, InterfaceError) as error:
                    if connection.in_atomic_block:
                        raise
                    self._connection_lost(error)
                    continue
                if until_empty:
                    break
                time.sleep(self.interval)
        finally:
            self._stop_beating.set()
        return done

    def _connection_lost(self, error):
        """The database went away (restarted, failed over, our connection killed): start again on a new
        connection after a pause, and put back in the queue the task whose result could not be written."""
        logger.warning("Lost the database connection (%s): reconnecting", type(error).__name__)
        connection.close()
        time.sleep(min(self.interval, 1.0))
        in_hand, self.in_hand = self.in_hand, None
        if in_hand is None:
            return
        db_result, first_error = in_hand
        try:
            self._failed(db_result, first_error or error)
        except (OperationalError, InterfaceError):
            # Still unreachable: the task stays RUNNING under this worker's name; the next attempt puts it back.
            self.in_hand = in_hand
            connection.close()

    def housekeeping(self, *, force=False):
        """Every HOUSEKEEPING_SECONDS: start the scheduled jobs now due, and rescue abandoned tasks."""
        now = time.monotonic()
        if (
            not force
            and self._last_housekeeping is not None
            and now - self._last_housekeeping < self.HOUSEKEEPING_SECONDS
        ):
            return
        self._last_housekeeping = now
        try:
            if self.schedules:
                from .schedules import start_due_runs

                start_due_runs()
            rescue_abandoned_tasks()
            # Audit events whose writers' own sealing was skipped (another sealer was at work) are chained here.
            audit.seal_pending(wait=False)
        except DatabaseError as error:
            if not is_locked_database_exception(error):
                raise
            logger.info("Database busy: housekeeping waits for the next loop")

    def _beat_forever(self):
        while not self._stop_beating.wait(max(1.0, settings.WORKER_HEARTBEAT_SECONDS)):
            try:
                beat(self.worker_id, self.started_at)
            except DatabaseError:
                logger.warning("Heartbeat not written (database busy); trying again shortly")
            finally:
                connection.close()

    # --- one task ---
    def claim_next(self):
        tasks = DBTaskResult.objects.ready().filter(backend_name=BACKEND)
        try:
            with exclusive_transaction(tasks.db):
                db_result = tasks.get_locked()
                if db_result is not None:
                    db_result.claim(self.worker_id)
                return db_result
        except DatabaseError as error:
            if is_locked_database_exception(error):
                return None
            raise

    def execute(self, db_result):
        """Runs one claimed task. An Exception is a failure to retry; a BaseException (the process being
        stopped) leaves the task RUNNING, to be rescued once this worker's heartbeat is stale. If the database
        connection is lost before the outcome is written, the task stays `in_hand` for the loop to put back."""
        self.in_task = True
        self.in_hand = (db_result, None)
        try:
            task = db_result.task
            result = db_result.task_result
            if task.takes_context:
                from django_tasks.base import TaskContext

                value = task.call(TaskContext(task_result=result), *result.args, **result.kwargs)
            else:
                value = task.call(*result.args, **result.kwargs)
            db_result.set_successful(value)
        except Exception as error:
            self.in_hand = (db_result, error)
            self._failed(db_result, error)
        finally:
            self.in_task = False
        self.in_hand = None

    def _failed(self, db_result, error):
        attempts = len(db_result.worker_ids)
        policy = policy_for(db_result.task_path)
        error_class = f"{type(error).__module__}.{type(error).__qualname__}"
        if attempts < policy.max_attempts:
            run_after = timezone.now() + policy.delay_after(attempts)
            _requeue(db_result, error_class=error_class, traceback=_error_text(error), run_after=run_after)
            logger.warning(
                "Task %s failed (attempt %d of %d): retrying after %s",
                db_result.task_path,
                attempts,
                policy.max_attempts,
                run_after.isoformat(timespec="seconds"),
            )
        else:
            _fail(db_result, error_class=error_class, traceback=_error_text(error))
            logger.error("Task %s failed after %d attempt(s): %s", db_result.task_path, attempts, error)

    # --- stopping ---
    def stop(self, signum=None, frame=None):
        """First Ctrl-C or SIGTERM: finish the task in hand, then stop. A second one stops at once."""
        if not self.running or not self.in_task:
            self._stop_beating.set()
            raise SystemExit(0)
        self.running = False

    def handle_signals(self):
        signal.signal(signal.SIGINT, self.stop)
        signal.signal(signal.SIGTERM, self.stop)
