"""Every job the worker knows by name: the scheduled ones (with their cadence) and the long ones pages start.

A scheduled job runs once per period: each working day, each day, or each month, from a time of day
(London). The worker asks `start_due_runs()` every few seconds; `start_run` creates the period's run row
or finds it there already, so a period is done once however many workers ask, and a worker that was down
at the hour starts the day's run when it comes back. Missed days are not replayed: each job looks at the
state of things as they are (a reminder not yet sent is sent), so the next run catches up.
"""

import datetime
from dataclasses import dataclass

from django.utils import timezone

from safeguarding.core.clocks.calendar import is_working_day

from .models import JobRun, Trigger
from .runs import start_run


class Cadence:
    WORKING_DAY = "working_day"
    DAILY = "daily"
    MONTHLY = "monthly"
    ON_REQUEST = "on_request"

    LABELS = {
        WORKING_DAY: "Every working day",
        DAILY: "Every day",
        MONTHLY: "On the first day of each month",
        ON_REQUEST: "When someone starts it",
    }


@dataclass(frozen=True)
class JobDefinition:
    name: str
    title: str
    description: str
    # "module.function", called as function(run, progress, **kwargs) -> dict of counts (and "result_url").
    function: str
    cadence: str = Cadence.ON_REQUEST
    at: datetime.time = datetime.time(6, 0)

    @property
    def cadence_label(self):
        if self.cadence == Cadence.ON_REQUEST:
            return Cadence.LABELS[self.cadence]
        return f"{Cadence.LABELS[self.cadence]}, from {self.at:%H:%M}"

    @property
    def is_scheduled(self):
        return self.cadence != Cadence.ON_REQUEST

    def period(self, now=None):
        """The period a run started at `now` is for, or None when the job is not due yet (or not today)."""
        if not self.is_scheduled:
            return None
        local = timezone.localtime(now or timezone.now())
        if local.time() < self.at:
            return None
        if self.cadence == Cadence.WORKING_DAY and not is_working_day(local.date()):
            return None
        if self.cadence == Cadence.MONTHLY:
            return f"{local:%Y-%m}"
        return local.date().isoformat()


JOBS = {
    definition.name: definition
    for definition in (
        JobDefinition(
            "clock-sweep",
            "Deadline reminders and escalations",
            "Reminds people before a statutory clock's due date and escalates once it has passed (the policy "
            "table's clocks: incidents, agency summaries and reports, actions, child death reviews, national "
            "inquiries), and warns of invitations, API tokens, accreditations and CPD falling due.",
            "safeguarding.notifications.sweep.run.sweep_job",
            Cadence.WORKING_DAY,
            datetime.time(7, 0),
        ),
        JobDefinition(
            "daily-summary",
            "Daily summary emails",
            "One email to each person who chose a daily summary, listing the day's notifications.",
            "safeguarding.notifications.summary.summary_job",
            Cadence.DAILY,
            datetime.time(17, 30),
        ),
        JobDefinition(
            "recurrence-detection",
            "Recurrence detection",
            "Raises or updates recurrence alerts: a theme in at least K reports from M areas within W months.",
            "safeguarding.jobs.scheduled.detect_recurrence_job",
            Cadence.DAILY,
            datetime.time(5, 0),
        ),
        JobDefinition(
            "learning-digest",
            "Monthly learning digest",
            "Emails last month's additions to the national repository to the national roles (once a month).",
            "safeguarding.jobs.scheduled.learning_digest_job",
            Cadence.MONTHLY,
            datetime.time(7, 0),
        ),
        JobDefinition(
            "mortality-sync",
            "Copy death reviews to the national mortality table",
            "Creates or refreshes the national record of every notified death; each finalised review is also "
            "copied when it is finalised, so this nightly run only catches up.",
            "safeguarding.jobs.scheduled.mortality_sync_job",
            Cadence.DAILY,
            datetime.time(2, 0),
        ),
        JobDefinition(
            "historic-death-import",
            "Import of historic child deaths",
            "Creates the cases of a panel's historic deaths from an uploaded file, sealing each child's identity, "
            "and copies them to the national mortality table; rows already imported are skipped.",
            "safeguarding.onboarding.actions.death_imports.run_import",
        ),
    )
}


def scheduled_jobs():
    return [definition for definition in JOBS.values() if definition.is_scheduled]


def start_due_runs(now=None):
    """Starts every scheduled job due in its current period that has no run for it yet; returns the runs."""
    started = []
    for definition in scheduled_jobs():
        period = definition.period(now)
        if period is not None and not JobRun.objects.filter(job=definition.name, period=period).exists():
            run = start_run(definition.name, period, trigger=Trigger.SCHEDULE)
            if run is not None:
                started.append(run)
    return started
