"""A long job's run page: who may follow it, progress while it runs, the result or a clear failure."""

import pytest

from safeguarding.jobs.actions import start_long_job
from safeguarding.jobs.models import JobRun, RunStatus
from safeguarding.jobs.runs import Progress
from safeguarding.organisations.factories import person_with_role
from safeguarding.organisations.models import Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def analyst(db):
    return person_with_role(Role.NATIONAL_ANALYST)


def _assembly_run(person):
    return start_long_job(person, person, "annual-report-assembly", about=2025, kwargs={"year": 2025})


def test_the_person_who_started_it_and_those_with_the_jobs_role_see_it_others_get_404(analyst, area, client, sign_in):
    run = _assembly_run(analyst)
    url = f"/jobs/runs/{run.pk}/"
    another_analyst = person_with_role(Role.NATIONAL_ANALYST)  # may edit annual reports: may follow the run
    for person in (analyst, another_analyst, person_with_role(Role.NATIONAL_ADMINISTRATOR)):
        sign_in(person)
        assert client.get(url).status_code == 200
    for person in (person_with_role(Role.PRACTITIONER, area), person_with_role(Role.LEAD_CHIEF_OFFICER, area)):
        sign_in(person)
        assert client.get(url).status_code == 404
    client.logout()
    assert client.get(url).status_code == 302


def test_each_long_job_is_shown_to_those_with_its_own_role(area, client, sign_in):
    analyst = person_with_role(Role.NATIONAL_ANALYST)
    release = start_long_job(analyst, analyst, "statistics-release", about="2024-25", kwargs={"financial_year": 2024})
    administrator = person_with_role(Role.NATIONAL_ADMINISTRATOR)
    linkage = start_long_job(administrator, administrator, "death-notification-linkage", about="all")
    sign_in(person_with_role(Role.NATIONAL_ANALYST))  # publishes statistics; may not compare notifications
    assert client.get(f"/jobs/runs/{release.pk}/").status_code == 200
    assert client.get(f"/jobs/runs/{linkage.pk}/").status_code == 404
    sign_in(person_with_role(Role.PANEL_MANAGER, area))
    assert client.get(f"/jobs/runs/{release.pk}/").status_code == 404
    assert client.get(f"/jobs/runs/{linkage.pk}/").status_code == 404


def test_while_running_it_shows_the_stage_and_steps_and_updates_itself_with_javascript(analyst, client, sign_in):
    run = _assembly_run(analyst)
    JobRun.objects.filter(pk=run.pk).update(status=RunStatus.RUNNING)
    run.refresh_from_db()
    Progress(run)(3, 8, "Measuring the year's clocks")
    sign_in(analyst)
    page = client.get(f"/jobs/runs/{run.pk}/").content.decode()
    assert 'data-run-status data-finished="false" data-interval="3"' in page
    assert "js/run-status.mjs" in page and "Check again now" in page
    assert "Now: Measuring the year&#x27;s clocks." in page
    assert "3 of 8 steps done (38%)" in page
    assert '<progress class="app-progress" max="8" value="3">' in page


def test_a_failure_is_shown_plainly_and_the_page_stops_refreshing(analyst, client, sign_in):
    run = _assembly_run(analyst)
    JobRun.objects.filter(pk=run.pk).update(
        status=RunStatus.FAILED,
        finished_at=run.queued_at,
        error="The report has been published: it can no longer be changed",
    )
    sign_in(analyst)
    page = client.get(f"/jobs/runs/{run.pk}/").content.decode()
    assert "It did not finish" in page and "The report has been published: it can no longer be changed" in page
    assert "Nothing it was doing was saved." in page
    assert 'data-finished="true"' in page and "run-status.mjs" not in page
