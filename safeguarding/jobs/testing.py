"""For tests: run every queued job now, as a worker would (imported by tests only)."""

from .worker import Worker


def run_jobs(*, worker_id="test-worker", schedules=False):
    """Runs queued tasks until none is ready (tasks waiting for a retry delay stay queued); returns how many ran."""
    return Worker(worker_id=worker_id, schedules=schedules, heartbeat_thread=False).run(until_empty=True)
