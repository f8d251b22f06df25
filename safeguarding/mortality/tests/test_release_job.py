"""A statistical release built and published by a long job started from the release page."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from safeguarding.core import audit
from safeguarding.core.models import AuditEvent
from safeguarding.jobs.models import JobRun, RunStatus
from safeguarding.jobs.runs import Progress, execute_run, with_latest_progress
from safeguarding.jobs.testing import run_jobs, run_jobs_through_retries
from safeguarding.mortality.actions.releases import publish_release, request_release
from safeguarding.mortality.actions.seeding import seed_national
from safeguarding.mortality.factories import MortalityRecordFactory
from safeguarding.mortality.jobs import release_job
from safeguarding.mortality.models import Release
from safeguarding.mortality.releases import build
from safeguarding.organisations.factories import person_with_role
from safeguarding.organisations.models import Role

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 11, 26)


@pytest.fixture
def small_year(geography):
    seed_national(audit.Actor.system("tests"), 1, seed=11, today=TODAY, scale=0.1)


def test_the_page_queues_the_release_and_its_run_shows_progress_then_the_files(
    small_year, national_analyst, client, sign_in, monkeypatch
):
    seen = []
    render_pdf = build._pdf

    def watched(document):
        row = with_latest_progress(JobRun.objects.get(job="statistics-release"))
        seen.append((row.progress_done, row.progress_total, row.progress_note))
        return render_pdf(document)

    monkeypatch.setattr(build, "_pdf", watched)
    sign_in(national_analyst)
    form = client.get("/mortality/releases/").content.decode()
    assert '<option value="2025">2025-26</option>' in form
    response = client.post("/mortality/releases/", {"year": "2025"})
    run = JobRun.objects.get(job="statistics-release")
    assert response["Location"] == f"/jobs/runs/{run.pk}/"
    assert not Release.objects.exists()  # nothing built in the request
    waiting = client.get(response["Location"]).content.decode()
    assert 'data-finished="false"' in waiting and "Waiting for a worker" in waiting

    assert run_jobs() == 1
    assert seen == [(6, 8, "Writing the PDF")]
    run.refresh_from_db()
    assert run.status == RunStatus.SUCCEEDED and (run.progress_done, run.progress_total) == (7, 8)
    release = Release.objects.get(financial_year=2025)
    assert release.published_by == national_analyst and run.counts["deaths"] == release.deaths
    done = client.get(f"/jobs/runs/{run.pk}/").content.decode()
    assert 'data-finished="true"' in done
    assert "/statistics/child-deaths/2025-26/release.pdf" in done
    assert "/statistics/child-deaths/2025-26/tables/2025-26-age/" not in done
    assert "/statistics/child-deaths/2025-26/tables/2025-26-age.csv" in done
    assert client.get("/statistics/child-deaths/2025-26/tables/2025-26-age.csv").status_code == 200
    assert AuditEvent.objects.filter(verb="jobs.long_job_requested", actor=national_analyst).count() == 1
    assert AuditEvent.objects.filter(verb="mortality.release.published", actor=national_analyst).count() == 1


def test_a_year_without_deaths_or_a_person_without_the_role_is_refused_before_queueing(db, area, national_analyst):
    MortalityRecordFactory(year_of_death=2024, month_of_death=6)
    with pytest.raises(ValidationError, match="No deaths are recorded for 2030-31"):
        request_release(national_analyst, 2030)
    with pytest.raises(PermissionDenied):
        request_release(person_with_role(Role.PANEL_MANAGER, area), 2024)
    assert not JobRun.objects.exists()


def test_a_failure_while_building_keeps_the_published_release_as_it_was(geography, national_analyst, monkeypatch):
    MortalityRecordFactory.create_batch(3, year_of_death=2024, month_of_death=6)
    published = Release.objects.create(
        financial_year=2024, title="As published", html="<p>x</p>", pdf=b"%PDF", tables={}, deaths=3,
        published_at=datetime.datetime(2026, 1, 5, tzinfo=datetime.UTC),
    )  # fmt: skip

    def broken(document):
        raise OSError("no fonts for the PDF")

    monkeypatch.setattr(build, "_pdf", broken)
    run = request_release(national_analyst, 2024)
    run_jobs_through_retries()
    run.refresh_from_db()
    assert run.status == RunStatus.FAILED and run.error == "OSError: no fonts for the PDF"
    assert run.progress_note == "Writing the PDF"
    assert Release.objects.get() == published and Release.objects.get().title == "As published"
    assert not AuditEvent.objects.filter(verb="mortality.release.published").exists()


def test_asking_twice_queues_once_and_running_twice_keeps_one_release(geography, national_analyst, monkeypatch):
    monkeypatch.setattr(build, "_pdf", lambda document: b"%PDF-1.7 test")
    MortalityRecordFactory.create_batch(3, year_of_death=2024, month_of_death=6)
    run = request_release(national_analyst, 2024)
    assert request_release(national_analyst, 2024) == run
    run_jobs()
    run.refresh_from_db()
    assert execute_run.call(run.pk) == {"skipped": "already succeeded"}
    release_job(run, Progress(run), financial_year=2024)
    assert Release.objects.count() == 1 and JobRun.objects.count() == 1


def test_the_command_still_publishes_without_a_page(geography, tmp_path, monkeypatch):
    monkeypatch.setattr(build, "_pdf", lambda document: b"%PDF-1.7 test")
    MortalityRecordFactory.create_batch(3, year_of_death=2024, month_of_death=6)
    steps = []
    publish_release(audit.Actor.system("tests"), 2024, tmp_path, progress=lambda *step: steps.append(step))
    assert [done for done, _total, _note in steps] == list(range(8))
    assert (tmp_path / "child-deaths-2024-25.pdf").exists()
