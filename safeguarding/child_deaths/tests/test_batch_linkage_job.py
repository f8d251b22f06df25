"""The Splink batch over all open notifications as a long job, started by a national administrator."""

import pytest
from django.core.exceptions import PermissionDenied

from safeguarding.core.models import AuditEvent
from safeguarding.jobs.models import JobRun, RunStatus
from safeguarding.jobs.runs import Progress, execute_run, with_latest_progress
from safeguarding.jobs.testing import run_jobs, run_jobs_through_retries
from safeguarding.organisations.factories import person_with_role
from safeguarding.organisations.models import Role

from ..actions import linkage_batch
from ..actions.linkage_batch import request_batch_linkage
from ..factories import notify
from ..jobs import batch_linkage_job
from ..linkage import batch
from ..models import LinkCandidate

pytestmark = pytest.mark.django_db

NO_NHS = {"nhs_number": "", "nhs_number_unavailable_reason": "Not known at the scene"}


@pytest.fixture
def administrator(db):
    return person_with_role(Role.NATIONAL_ADMINISTRATOR)


@pytest.fixture
def two_notifications_of_one_death(area):
    first = notify(area).case
    LinkCandidate.objects.all().delete()  # as if neither had been scored against the other on arrival
    second = notify(area, family_name="Hartigen", postcode="TS18 3AD", **NO_NHS).case
    LinkCandidate.objects.all().delete()
    return first, second


def test_the_page_queues_the_batch_which_records_progress_and_proposes_the_link(
    two_notifications_of_one_death, administrator, client, sign_in, monkeypatch
):
    first, second = two_notifications_of_one_death
    seen = []
    predict = batch.predict

    def watched(model, frame, *, threshold):
        row = with_latest_progress(JobRun.objects.get(job="death-notification-linkage"))
        seen.append((row.status, row.progress_done, row.progress_total, row.progress_note))
        return predict(model, frame, threshold=threshold)

    monkeypatch.setattr(batch, "predict", watched)
    sign_in(administrator)
    assert "Compare all open notifications" in client.get("/child-deaths/links/compare-all/").content.decode()
    response = client.post("/child-deaths/links/compare-all/")
    run = JobRun.objects.get(job="death-notification-linkage")
    assert response["Location"] == f"/jobs/runs/{run.pk}/"
    assert not LinkCandidate.objects.exists()
    assert run_jobs() >= 1
    assert seen == [(RunStatus.RUNNING, 3, 5, "Scoring pairs with the linkage model")]
    run.refresh_from_db()
    assert run.status == RunStatus.SUCCEEDED
    assert run.counts == {
        "open notifications": 2,
        "pairs scored": 1,
        "new proposed links": 1,
        "already proposed or decided": 0,
    }
    candidate = LinkCandidate.objects.get()
    assert (candidate.case, candidate.notification.case, candidate.method) == (first, second, "splink")
    event = AuditEvent.objects.get(verb="child_death.linkage.batch_compared")
    assert event.actor == administrator
    assert AuditEvent.objects.filter(verb="jobs.long_job_requested", actor=administrator).count() == 1
    page = client.get(response["Location"]).content.decode()
    assert "new proposed links: 1" in page


def test_only_national_administrators_may_start_it(area, client, sign_in):
    for role, where in ((Role.PANEL_MANAGER, area), (Role.NATIONAL_ANALYST, None)):
        person = person_with_role(role, where)
        with pytest.raises(PermissionDenied):
            request_batch_linkage(person)
        sign_in(person)
        assert client.post("/child-deaths/links/compare-all/").status_code == 404
    assert not JobRun.objects.exists()


def test_a_failure_while_storing_proposals_stores_none(two_notifications_of_one_death, administrator, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("the database went away")

    # The batch fails after the first proposal is written: the transaction takes it back.
    stored = linkage_batch.store_batch_proposal

    def store_then_fail(*args, **kwargs):
        stored(*args, **kwargs)
        broken()

    monkeypatch.setattr(linkage_batch, "store_batch_proposal", store_then_fail)
    run = request_batch_linkage(administrator)
    run_jobs_through_retries()
    run.refresh_from_db()
    assert run.status == RunStatus.FAILED and run.error == "RuntimeError: the database went away"
    assert not LinkCandidate.objects.exists()
    assert not AuditEvent.objects.filter(verb="child_death.linkage.batch_compared").exists()


def test_asking_twice_queues_once_and_running_twice_proposes_once(two_notifications_of_one_death, administrator):
    run = request_batch_linkage(administrator)
    assert request_batch_linkage(administrator) == run
    run_jobs()
    run.refresh_from_db()
    assert execute_run.call(run.pk) == {"skipped": "already succeeded"}
    again = batch_linkage_job(run, Progress(run))
    assert again["new proposed links"] == 0 and again["already proposed or decided"] == 1
    assert LinkCandidate.objects.count() == 1
