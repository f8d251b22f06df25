"""python manage.py run_worker: run background jobs and start scheduled ones, until Ctrl-C or SIGTERM."""

import logging

from django.core.management.base import BaseCommand

from ...worker import Worker


class Command(BaseCommand):
    help = "Run queued background jobs (emails, notifications, long jobs) and start scheduled jobs when due."

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=float, default=1.0, help="Seconds to wait when the queue is empty")
        parser.add_argument(
            "--no-schedules", action="store_true", help="Run queued jobs only; another worker starts scheduled ones"
        )
        parser.add_argument("--until-empty", action="store_true", help="Run what is queued now, then stop")
        parser.add_argument("--worker-id", default=None, help="A name unique among the workers (default: generated)")

    def handle(self, *args, interval, no_schedules, until_empty, worker_id, verbosity, **options):
        if interval <= 0:
            interval = 1.0
        logging.getLogger("safeguarding.jobs").setLevel(logging.WARNING if verbosity < 2 else logging.INFO)
        worker = Worker(worker_id=worker_id, interval=interval, schedules=not no_schedules)
        worker.handle_signals()
        if verbosity >= 1 and not until_empty:
            self.stdout.write(f"Worker {worker.worker_id} running background jobs (Ctrl-C to stop)")
        done = worker.run(until_empty=until_empty)
        if until_empty and verbosity >= 1:
            self.stdout.write(f"Ran {done} job(s)")
