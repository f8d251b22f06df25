"""`@job`: a Django Tasks task with a retry policy the worker applies.

Django's Tasks API has no retries of its own, so each job declares how often it may be tried and how
long to wait between tries; the worker (worker.py) reads the policy by the task's module path.
"""

import datetime
from dataclasses import dataclass

from django_tasks import task

from .models import RunStatus  # noqa: F401 (keeps the models importable wherever jobs are declared)


@dataclass(frozen=True)
class RetryPolicy:
    max_attempts: int = 3
    backoff_seconds: int = 30

    def delay_after(self, attempt):
        """Exponential backoff: 30 s, 60 s, 120 s... after the first, second, third failed attempt."""
        return datetime.timedelta(seconds=self.backoff_seconds * 2 ** (attempt - 1))


DEFAULT_POLICY = RetryPolicy()
_POLICIES = {}


def job(*, max_attempts=3, backoff_seconds=30, priority=0, takes_context=False):
    """Declares a background job: `@job(max_attempts=5)` above a function taking JSON-serialisable arguments."""
    if max_attempts < 1:
        raise ValueError("max_attempts must be at least 1")

    def decorate(function):
        declared = task(priority=priority, takes_context=takes_context)(function)
        _POLICIES[declared.module_path] = RetryPolicy(max_attempts, backoff_seconds)
        return declared

    return decorate


def policy_for(task_path):
    return _POLICIES.get(task_path, DEFAULT_POLICY)


def enqueue_many(declared, argument_lists, *, batch_size=1000):
    """Queues `declared` once per argument list with one INSERT per batch rather than one per task: the deadline
    sweep queues thousands of emails at once. The rows are those django-tasks-db's backend writes for `enqueue`
    (with its 'no run_after' marker), in the caller's transaction."""
    from django_tasks.utils import normalize_json
    from django_tasks_db.models import DBTaskResult, get_date_max

    from safeguarding.core.bulk import insert_many

    backend = declared.get_backend()
    backend.validate_task(declared)
    rows = [
        DBTaskResult(
            args_kwargs=normalize_json({"args": list(arguments), "kwargs": {}}),
            priority=declared.priority,
            task_path=declared.module_path,
            queue_name=declared.queue_name,
            run_after=declared.run_after or get_date_max(),
            backend_name=backend.alias,
        )
        for arguments in argument_lists
    ]
    insert_many(DBTaskResult, rows, batch_size=batch_size)
    return rows
