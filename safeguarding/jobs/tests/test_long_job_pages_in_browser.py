"""The pages that start long work and the run page that follows it, in a real Chromium: axe (WCAG 2.2 AA) and
no sideways scrolling at 320 px, while running, failed and done."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from safeguarding.core.tests.browser import assert_accessible, sign_in_with_both_factors
from safeguarding.jobs import views
from safeguarding.jobs.actions import start_long_job
from safeguarding.jobs.models import JobRun, RunStatus
from safeguarding.jobs.runs import Progress
from safeguarding.mortality.factories import MortalityRecordFactory
from safeguarding.organisations.factories import person_with_role
from safeguarding.organisations.models import Role

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def assert_fits_320_pixels(page):
    page.set_viewport_size({"width": 320, "height": 900})
    page.reload()
    widths = page.evaluate(
        "() => ({scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth})"
    )
    assert widths["scroll"] <= widths["client"], f"{page.url} scrolls sideways at {widths}"
    assert_accessible(page)
    page.set_viewport_size({"width": 1280, "height": 900})


def test_the_run_page_updates_itself_while_running_then_shows_failure_or_success(page, page_log, monkeypatch):
    monkeypatch.setattr(views, "REFRESH_SECONDS", 1)
    administrator = person_with_role(Role.NATIONAL_ADMINISTRATOR)
    run = start_long_job(administrator, administrator, "annual-report-assembly", about=2025, kwargs={"year": 2025})
    JobRun.objects.filter(pk=run.pk).update(status=RunStatus.RUNNING, started_at=timezone.now())
    Progress(run)(3, 8, "Measuring the year's clocks")
    sign_in_with_both_factors(page, administrator)

    page.goto(f"/jobs/runs/{run.pk}/")
    expect(page.get_by_text("3 of 8 steps done (38%)")).to_be_visible()
    expect(page.get_by_role("button", name="Stop updating")).to_be_visible()
    assert_accessible(page)
    assert_fits_320_pixels(page)

    # The job moves on: the page shows it without being reloaded.
    page.evaluate("window.notReloaded = true")
    Progress(run)(6, 8, "Finding repeated recommendations")
    expect(page.get_by_text("6 of 8 steps done (75%)")).to_be_visible()
    JobRun.objects.filter(pk=run.pk).update(
        status=RunStatus.FAILED, finished_at=timezone.now(), error="RuntimeError: the repository index is busy"
    )
    expect(page.locator(".govuk-error-summary")).to_contain_text("the repository index is busy")
    expect(page.get_by_role("button", name="Stop updating")).to_have_count(0)
    assert page.evaluate("window.notReloaded === true")
    assert_accessible(page)
    assert_fits_320_pixels(page)

    JobRun.objects.filter(pk=run.pk).update(status=RunStatus.SUCCEEDED, error="", counts={"year": 2025})
    page.reload()
    expect(page.locator(".govuk-notification-banner--success")).to_be_visible()
    assert_accessible(page)
    page_log.assert_clean()


def test_the_automatic_updates_can_be_stopped(page, page_log, monkeypatch):
    monkeypatch.setattr(views, "REFRESH_SECONDS", 1)
    administrator = person_with_role(Role.NATIONAL_ADMINISTRATOR)
    run = start_long_job(administrator, administrator, "annual-report-assembly", about=2025, kwargs={"year": 2025})
    sign_in_with_both_factors(page, administrator)
    page.goto(f"/jobs/runs/{run.pk}/")
    page.get_by_role("button", name="Stop updating").click()
    expect(page.get_by_text("This page has stopped updating.")).to_be_visible()
    JobRun.objects.filter(pk=run.pk).update(status=RunStatus.RUNNING, started_at=timezone.now())
    page.wait_for_timeout(2500)
    expect(page.get_by_text("Waiting for a worker to start it.")).to_be_visible()
    page.get_by_role("link", name="Check again now").click()
    expect(page.get_by_text("Waiting for a worker to start it.")).to_have_count(0)
    page_log.assert_clean()


def test_the_pages_that_start_long_work_pass_axe(page, page_log):
    MortalityRecordFactory(year_of_death=2024, month_of_death=6)
    sign_in_with_both_factors(page, person_with_role(Role.NATIONAL_ADMINISTRATOR))
    for url, heading in (
        ("/mortality/releases/", "Publish child death statistics"),
        ("/child-deaths/links/compare-all/", "Compare all open death notifications"),
        ("/jobs/", "Background jobs"),
    ):
        page.goto(url)
        expect(page.get_by_role("heading", level=1)).to_have_text(heading)
        assert_accessible(page)
        assert_fits_320_pixels(page)
    page.goto("/mortality/releases/")
    page.get_by_role("button", name="Build and publish the release").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Build and publish a child death statistics release")
    expect(page.get_by_text("Waiting for a worker to start it.")).to_be_visible()
    page_log.assert_clean()
