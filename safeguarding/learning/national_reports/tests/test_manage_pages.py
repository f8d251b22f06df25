"""The national roles' pages: starting a year, writing the sections, preview and publication."""

import pytest
from django.utils import timezone

from safeguarding.jobs.models import JobRun
from safeguarding.jobs.testing import run_jobs
from safeguarding.learning.national_reports import actions
from safeguarding.learning.national_reports.models import AnnualReport
from safeguarding.organisations.factories import person_with_role
from safeguarding.organisations.models import Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def analyst(db):
    return person_with_role(Role.NATIONAL_ANALYST)


@pytest.fixture
def administrator(db):
    return person_with_role(Role.NATIONAL_ADMINISTRATOR)


def test_the_list_is_empty_then_starts_a_year(client, sign_in, analyst):
    sign_in(analyst)
    page = client.get("/national-reports/")
    assert "No annual report has been started yet" in page.content.decode()
    year = timezone.localdate().year - 1
    response = client.post("/national-reports/", {"year": year})
    run = JobRun.objects.get(job="annual-report-assembly")
    assert response.status_code == 302 and response["Location"] == f"/jobs/runs/{run.pk}/"
    assert not AnnualReport.objects.exists()  # the figures are counted by the job, not in the request
    assert f'href="/jobs/runs/{run.pk}/">the report for {year}' in client.get("/national-reports/").content.decode()
    assert run_jobs() == 1
    assert AnnualReport.objects.get().year == year
    assert f"/national-reports/{year}/edit/" in client.get(response["Location"]).content.decode()
    listed = client.get("/national-reports/").content.decode()
    assert f"/national-reports/{year}/preview/" in listed and "Draft" in listed


def test_a_year_not_offered_is_refused_on_its_field(client, sign_in, analyst):
    sign_in(analyst)
    response = client.post("/national-reports/", {"year": 1990})
    assert response.status_code == 200 and "year" in response.context["form"].errors
    assert not AnnualReport.objects.exists()


def test_saving_sections_over_someone_elses_save_is_refused_with_a_message(client, sign_in, analyst):
    report = actions.assemble(analyst, 2025)
    actions.edit(analyst, report, report.version, foreword="Saved first")
    sign_in(analyst)
    response = client.post(
        "/national-reports/2025/edit/",
        {"form": "save", "version": 1, "foreword": "Saved second", "key_messages": "", "lessons_for_government": ""},
    )
    assert response.status_code == 200
    assert "Someone else saved this record" in response.content.decode()
    report.refresh_from_db()
    assert report.foreword == "Saved first"


def test_saving_and_assembling_again(client, sign_in, analyst):
    actions.assemble(analyst, 2025)
    sign_in(analyst)
    saved = client.post(
        "/national-reports/2025/edit/",
        {"form": "save", "version": 1, "foreword": "F", "key_messages": "K", "lessons_for_government": "L"},
    )
    assert saved.status_code == 302
    again = client.post("/national-reports/2025/edit/", {"form": "assemble", "version": 2})
    assert again.status_code == 302 and again["Location"].startswith("/jobs/runs/")
    run_jobs()
    report = AnnualReport.objects.get()
    assert (report.lessons_for_government, report.version) == ("L", 3)


def test_publishing_without_lessons_for_government_names_the_rule(client, sign_in, analyst, administrator):
    actions.assemble(analyst, 2025)
    sign_in(administrator)
    response = client.post("/national-reports/2025/publish/", {"version": 1})
    assert response.status_code == 200
    assert "Write the lessons for government before publishing the report" in response.content.decode()
    assert AnnualReport.objects.get().status == "draft"


def test_publication_then_the_draft_pages_are_gone(client, sign_in, analyst, administrator):
    report = actions.assemble(analyst, 2025)
    actions.edit(analyst, report, report.version, lessons_for_government="Fund the national body")
    sign_in(administrator)
    response = client.post("/national-reports/2025/publish/", {"version": 2})
    assert response.status_code == 302 and response["Location"] == "/national-reports/2025/"
    assert client.get("/national-reports/2025/edit/").status_code == 404
    assert client.get("/national-reports/2025/publish/").status_code == 404
    assert client.get("/national-reports/2025/preview/").status_code == 200


def test_an_analyst_previews_but_is_not_offered_publication(client, sign_in, analyst):
    actions.assemble(analyst, 2025)
    sign_in(analyst)
    html = client.get("/national-reports/2025/preview/").content.decode()
    assert "Preview of the draft" in html and "/national-reports/2025/publish/" not in html
    assert client.get("/national-reports/2025/publish/").status_code == 404
