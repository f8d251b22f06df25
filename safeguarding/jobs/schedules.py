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
    # A long job started from a page: besides the person who started it (and national administrators, who see
    # every run), those holding this permission may follow its run page.
    view_perm: str = ""
    # "module.function" called as function(run) -> [(link text, url)]: what a finished run produced.
    links: str = ""

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
            "recommendation-similarity",
            "Similar recommendations",
            "Compares every current recommendation in the national repository with every other and stores the "
            "near-duplicates the repetition index and the repeated recommendations pages read. Also started "
            "when a report arrives; does nothing when no recommendation has changed.",
            "safeguarding.learning.intelligence.similarity.similarity_job",
            Cadence.DAILY,
            datetime.time(4, 30),
        ),
        JobDefinition(
            "coding-classifier",
            "Coding suggestions classifier",
            "Trains the classifier that suggests themes for findings on the coded findings, once enough codes "
            "have changed since the last training. Also queued from the coding pages when it is due.",
            "safeguarding.learning.repository.coding.suggest.classifier_job",
            Cadence.DAILY,
            datetime.time(4, 0),
        ),
        JobDefinition(
            "linkage-model",
            "Retrain the death notification linkage model",
            "Trains a new version of the model that proposes links between notifications of one death on the "
            "national table of notifications (once it holds 5,000), keeping every earlier version; proposals "
            "and decisions already made do not change.",
            "safeguarding.jobs.scheduled.linkage_model_job",
            Cadence.MONTHLY,
            datetime.time(3, 0),
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
        # Long work started from a page; each calls the same action as its command or page did before.
        JobDefinition(
            "annual-report-assembly",
            "Assemble the annual report's figures",
            "Counts the year's notifications, inquiries, clocks, themes, alerts and repeated recommendations "
            "into the annual report's figures, keeping its written sections.",
            "safeguarding.learning.national_reports.jobs.assemble_job",
            view_perm="national_reports.edit",
            links="safeguarding.learning.national_reports.jobs.links",
        ),
        JobDefinition(
            "statistics-release",
            "Build and publish a child death statistics release",
            "Builds a financial year's tables, HTML and PDF from the national mortality records, every cell "
            "disclosure-controlled, and publishes them on the statistics pages.",
            "safeguarding.mortality.jobs.release_job",
            view_perm="mortality.publish_release",
            links="safeguarding.mortality.jobs.release_links",
        ),
        JobDefinition(
            "death-notification-linkage",
            "Compare all open death notifications",
            "Scores every pair of open notifications of child deaths with the linkage model in force and "
            "proposes likely matches to the panel managers; nothing is linked without a person confirming it.",
            "safeguarding.child_deaths.jobs.batch_linkage_job",
            view_perm="child_deaths.run_batch_linkage",
        ),
        JobDefinition(
            "historic-death-import",
            "Import of historic child deaths",
            "Creates the cases of a panel's historic deaths from an uploaded file, sealing each child's identity, "
            "and copies them to the national mortality table; rows already imported are skipped.",
            "safeguarding.onboarding.actions.death_imports.run_import",
        ),
        JobDefinition(
            "historic-incident-import",
            "Import of historic serious incident notifications",
            "Creates the concluded serious incident cases of an area from an uploaded file, sealing each child's "
            "identity; rows already imported are skipped.",
            "safeguarding.onboarding.actions.incident_imports.run_import",
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
