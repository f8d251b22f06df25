"""The annual report's figures assembled by a long job: checks before queueing, progress, result, failures."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from safeguarding.core.concurrency import StaleEdit
from safeguarding.core.models import AuditEvent
from safeguarding.jobs.models import JobRun, RunStatus
from safeguarding.jobs.runs import Progress, execute_run, with_latest_progress
from safeguarding.jobs.testing import run_jobs, run_jobs_through_retries
from safeguarding.learning.national_reports import actions, assembly
from safeguarding.learning.national_reports.jobs import assemble_job
from safeguarding.learning.national_reports.models import AnnualReport
from safeguarding.organisations.factories import person_with_role
from safeguarding.organisations.models import Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def analyst(db):
    return person_with_role(Role.NATIONAL_ANALYST)


def test_the_assembly_is_queued_then_records_its_progress_and_result(analyst, monkeypatch):
    seen = []
    counting_themes = assembly.leading_themes

    def watched(start, end):
        # What the run's page reads while the job is part-way: the run row with the progress in the shared cache.
        row = with_latest_progress(JobRun.objects.get(job="annual-report-assembly"))
        seen.append((row.status, row.progress_done, row.progress_total, row.progress_note))
        return counting_themes(start, end)

    monkeypatch.setattr(assembly, "leading_themes", watched)
    run = actions.request_assembly(analyst, 2025)
    assert run.status == RunStatus.QUEUED and run.requested_by == analyst and run.period.startswith("2025 ")
    assert not AnnualReport.objects.exists()
    assert run_jobs() == 1
    assert seen == [(RunStatus.RUNNING, 4, 8, "Finding the leading themes")]
    run.refresh_from_db()
    assert run.status == RunStatus.SUCCEEDED
    assert (run.progress_done, run.progress_total) == (7, 8)
    assert run.counts == {"year": 2025, "version": 1}
    assert run.result_url == "/national-reports/2025/edit/"
    report = AnnualReport.objects.get()
    assert report.data["year"] == 2025
    verbs = list(AuditEvent.objects.order_by("sequence").values_list("verb", flat=True))
    assert verbs[-2:] == ["jobs.long_job_requested", "national_report.started"]


def test_a_failure_part_way_is_recorded_and_leaves_the_report_as_it_was(analyst, monkeypatch):
    report = actions.assemble(analyst, 2025)
    before = report.data

    def broken(start, end):
        raise RuntimeError("the repository index is being rebuilt")

    monkeypatch.setattr(assembly, "repeated_recommendations", broken)
    run = actions.request_assembly(analyst, 2025, expected_version=report.version)
    run_jobs_through_retries()
    run.refresh_from_db()
    assert run.status == RunStatus.FAILED and run.attempts == 3
    assert run.error == "RuntimeError: the repository index is being rebuilt"
    assert run.progress_note == "Finding repeated recommendations"
    report.refresh_from_db()
    assert (report.data, report.version) == (before, 1)
    assert not AuditEvent.objects.filter(verb="national_report.assembled").exists()


def test_a_report_published_after_queueing_is_refused_at_once_without_retries(analyst):
    report = actions.assemble(analyst, 2025)
    actions.edit(analyst, report, report.version, lessons_for_government="Fund the national body")
    run = actions.request_assembly(analyst, 2025)
    administrator = person_with_role(Role.NATIONAL_ADMINISTRATOR)
    report.refresh_from_db()
    actions.publish(administrator, report, report.version)
    assert run_jobs() == 1
    run.refresh_from_db()
    assert run.status == RunStatus.FAILED and run.attempts == 1
    assert run.error == "The report has been published: it can no longer be changed"
    report.refresh_from_db()
    assert report.is_published and report.version == 3


def test_permission_and_state_are_checked_before_anything_is_queued(analyst, area):
    with pytest.raises(PermissionDenied):
        actions.request_assembly(person_with_role(Role.PRACTITIONER, area), 2025)
    with pytest.raises(ValidationError):
        actions.request_assembly(analyst, 1990)
    report = actions.assemble(analyst, 2025)
    with pytest.raises(StaleEdit):
        actions.request_assembly(analyst, 2025, expected_version=report.version + 1)
    actions.edit(analyst, report, report.version, lessons_for_government="Fund the national body")
    report.refresh_from_db()
    actions.publish(person_with_role(Role.NATIONAL_ADMINISTRATOR), report, report.version)
    with pytest.raises(ValidationError, match="has been published"):
        actions.request_assembly(analyst, 2025)
    assert not JobRun.objects.exists()
    assert not AuditEvent.objects.filter(verb="jobs.long_job_requested").exists()


def test_asking_twice_queues_once_and_running_twice_keeps_one_report(analyst):
    run = actions.request_assembly(analyst, 2025)
    assert actions.request_assembly(analyst, 2025) == run
    run_jobs()
    run.refresh_from_db()
    # The task delivered again (a worker killed after it finished): the run is not done twice.
    assert execute_run.call(run.pk) == {"skipped": "already succeeded"}
    # The job's function itself run again: the same report, assembled again, its sections kept.
    report = AnnualReport.objects.get()
    actions.edit(analyst, report, report.version, foreword="Kept")
    assemble_job(run, Progress(run), year=2025)
    report = AnnualReport.objects.get()
    assert report.foreword == "Kept" and report.data["year"] == 2025
    assert JobRun.objects.count() == 1
