"""Jobs that exist only for the worker's tests (the queue stores a task by its module path)."""

from django.db import transaction

from safeguarding.core.clocks.models import PolicySetting
from safeguarding.jobs.registry import job


class Killed(BaseException):
    """Stands for the process dying mid-job: not an Exception, so the worker does not treat it as a failure."""


STATE = {"kill_next": False}


@job(max_attempts=3, backoff_seconds=10)
def always_fails():
    raise RuntimeError("the mail server refused the connection")


@job(max_attempts=3, backoff_seconds=10)
def count_once(key):
    """Adds one row per key, in one transaction: killed half-way, nothing of it stays; run again, one row."""
    with transaction.atomic():
        if PolicySetting.objects.filter(key=key).exists():
            return "already done"
        PolicySetting.objects.create(key=key, name="test", value=1)
        if STATE["kill_next"]:
            STATE["kill_next"] = False
            raise Killed
    return "done"


@job(max_attempts=1)
def record_a_run(key):
    """Writes one audit event each time it runs, so a test can count the runs (it is not idempotent on purpose)."""
    from safeguarding.core import audit

    audit.record(audit.Actor.system("tests"), "tests.job_ran", ("tests.job", key, key))


@job(max_attempts=3, backoff_seconds=10)
def write_in_batches(key, *, batches, size, pause_in_batch=None, pause_flag=None):
    """Writes `batches` batches of `size` rows, each batch in one transaction with its audit event; a batch already
    written is skipped, so a second run finishes the job without writing anything twice.

    With `pause_in_batch` and `pause_flag` (a file path), the first run stops half-way through that batch (rows
    written, not committed), creates the flag file and waits there, for a test to kill its process."""
    import os
    import time
    from pathlib import Path

    from safeguarding.core import audit

    for batch in range(batches):
        prefix = f"{key}-{batch:03d}-"
        if PolicySetting.objects.filter(key__startswith=prefix).exists():
            continue
        with transaction.atomic():
            for row in range(size):
                PolicySetting.objects.create(key=f"{prefix}{row:03d}", name="batch", value=batch)
                if batch == pause_in_batch and row == size // 2 and pause_flag and not Path(pause_flag).exists():
                    Path(pause_flag).write_text(str(os.getpid()))
                    for _ in range(600):  # a minute at most: the test kills the process long before
                        time.sleep(0.1)
                    raise RuntimeError("the test did not stop the worker paused in write_in_batches")
            audit.record(audit.Actor.system("tests"), "tests.batch_written", ("tests.batch", prefix, prefix))
    return batches
