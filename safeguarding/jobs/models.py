"""What the worker records: one row per run of a scheduled or long job, and each worker's heartbeat.

The queue itself is django-tasks-db's table (DBTaskResult); these rows say what a run was for and how it
went, in words a national administrator reads on the jobs page.
"""

from django.conf import settings
from django.db import models


class RunStatus(models.TextChoices):
    QUEUED = "queued", "Queued"
    RUNNING = "running", "Running"
    SUCCEEDED = "succeeded", "Succeeded"
    FAILED = "failed", "Failed"


IN_PROGRESS = (RunStatus.QUEUED, RunStatus.RUNNING)


class Trigger(models.TextChoices):
    SCHEDULE = "schedule", "Schedule"
    MANUAL = "manual", "Run now"
    REQUEST = "request", "Started from a page"


class JobRun(models.Model):
    """One run of a job for one period. The unique (job, period) pair is what makes a schedule idempotent:
    however many workers wake for the same period, only one row (and so one run) can exist."""

    job = models.SlugField(max_length=60)
    period = models.CharField(max_length=40, help_text="The day (2026-11-26) or month (2026-11) it runs for")
    trigger = models.CharField(max_length=10, choices=Trigger.choices, default=Trigger.SCHEDULE)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    status = models.CharField(max_length=10, choices=RunStatus.choices, default=RunStatus.QUEUED)
    queued_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    # What the run did, e.g. {"reminders": 4, "escalations": 1}; no personal data.
    counts = models.JSONField(default=dict, blank=True)
    error = models.TextField(blank=True, help_text="The last error: its type and message")
    # Long jobs report their progress here, and what they produced (a page or a file to download).
    progress_done = models.PositiveIntegerField(default=0)
    progress_total = models.PositiveIntegerField(default=0)
    progress_note = models.CharField(max_length=200, blank=True)
    result_url = models.CharField(max_length=300, blank=True)
    task_id = models.CharField(max_length=64, blank=True, help_text="The queue's id of the task that runs it")

    class Meta:
        ordering = ["-queued_at", "-pk"]
        constraints = [models.UniqueConstraint(fields=["job", "period"], name="one_run_per_job_and_period")]
        indexes = [models.Index(fields=["job", "-queued_at"])]

    def __str__(self):
        return f"{self.job} for {self.period}"

    @property
    def is_finished(self):
        return self.status in {RunStatus.SUCCEEDED, RunStatus.FAILED} and self.finished_at is not None

    @property
    def percent_done(self):
        if not self.progress_total:
            return None
        return min(100, round(100 * self.progress_done / self.progress_total))


class WorkerHeartbeat(models.Model):
    """A worker process says it is alive every few seconds; /readyz and the rescue of abandoned tasks read it."""

    worker_id = models.CharField(max_length=64, unique=True)
    hostname = models.CharField(max_length=200)
    pid = models.PositiveIntegerField()
    started_at = models.DateTimeField()
    last_seen = models.DateTimeField(db_index=True)

    class Meta:
        ordering = ["-last_seen"]

    def __str__(self):
        return f"{self.worker_id} on {self.hostname}"
