"""Starting a job by hand: national administrators, audited."""

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
