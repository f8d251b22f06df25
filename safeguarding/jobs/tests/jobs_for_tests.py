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
