"""Starting a job by hand: national administrators, audited. Long work a page starts: queued, audited."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from safeguarding.core import audit

from .models import Trigger
from .runs import manual_period, start_run
from .schedules import JOBS


def run_now(user, job_name):
    if not user.has_perm("jobs.run_now"):
        raise PermissionDenied
    definition = JOBS.get(job_name)
    if definition is None or not definition.is_scheduled:
        raise ValidationError({"job": "Choose one of the scheduled jobs"})
    with transaction.atomic():
        run = start_run(job_name, manual_period(), trigger=Trigger.MANUAL, requested_by=user)
        audit.record(user, "jobs.run_requested", run, {"job": job_name, "period": run.period})
    return run


def start_long_job(actor, user, job_name, *, about, kwargs=None, audit_data=None):
    """Queues long job `job_name` for `user`, who has already passed the action's permission and state checks
    (the caller does them first, so a refusal is immediate). `about` names what it is for ("2025") and begins
    the run's period, so the page can find a run still going. The run row, its task and the audit event are one
    transaction; the action itself audits its change again when the job has done it."""
    definition = JOBS.get(job_name)
    if definition is None or definition.is_scheduled:
        raise ValueError(f"Not a long job started from a page: {job_name}")
    with transaction.atomic():
        run = start_run(
            job_name, manual_period(prefix=str(about)), trigger=Trigger.REQUEST, requested_by=user, kwargs=kwargs
        )
        audit.record(
            actor, "jobs.long_job_requested", run, {"job": job_name, "about": str(about), **(audit_data or {})}
        )
    return run
