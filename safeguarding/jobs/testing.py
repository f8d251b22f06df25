"""For tests: run every queued job now, as a worker would (imported by tests only)."""

from .worker import Worker


def run_jobs(*, worker_id="test-worker", schedules=False):
    """Runs queued tasks until none is ready (tasks waiting for a retry delay stay queued); returns how many ran."""
    return Worker(worker_id=worker_id, schedules=schedules, heartbeat_thread=False).run(until_empty=True)


def run_jobs_through_retries(*, rounds=5, step_seconds=1800):
    """Runs queued tasks, then again as the clock passes each retry delay, until a failing job has used up its
    attempts (the retry policies here wait minutes, never half an hour)."""
    import datetime

    import time_machine
    from django.utils import timezone

    start = timezone.now()
    for index in range(rounds):
        with time_machine.travel(start + datetime.timedelta(seconds=index * step_seconds), tick=False):
            run_jobs()
