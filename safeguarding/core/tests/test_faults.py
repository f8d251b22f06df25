"""Faults: a job worker killed mid-job, a web process killed mid-request, every database connection cut under load.

Real processes (gunicorn, run_worker) on the test database, killed with SIGKILL or cut off with
pg_terminate_backend: nothing committed is lost, nothing half-written stays, the audit chain verifies, and the
service recovers with no one restarting it (docs/faults.md). PostgreSQL only.
"""

import datetime
import os
import signal
import threading
import time

import psycopg
import pytest
import requests
from django.db import connection
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult
from time_machine import escape_hatch

from safeguarding.api.factories import make_token
from safeguarding.api.models import IdempotencyRecord, Scope
from safeguarding.core import audit
from safeguarding.core.clocks.models import PolicySetting
from safeguarding.core.identity.models import ChildIdentity
from safeguarding.core.models import AuditEvent
from safeguarding.core.tests import processes
from safeguarding.incidents.factories import NHS_NUMBERS
from safeguarding.incidents.models import Incident
from safeguarding.jobs.tests import jobs_for_tests
from safeguarding.organisations.factories import OrganisationFactory
from safeguarding.organisations.models import OrganisationKind

if not processes.on_postgres():
    pytest.skip(
        f"the fault tests watch and end PostgreSQL sessions (pg_stat_activity, pg_terminate_backend): "
        f"{processes.POSTGRES_ONLY}",
        allow_module_level=True,
    )

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.faults]


def _task(result_id):
    return DBTaskResult.objects.get(pk=result_id)


def _rows_by_batch(key):
    rows = PolicySetting.objects.filter(key__startswith=f"{key}-").values_list("key", flat=True)
    counts = {}
    for row_key in rows:
        batch = int(row_key.rsplit("-", 2)[1])
        counts[batch] = counts.get(batch, 0) + 1
    return counts


def _chain_verifies():
    audit.seal_pending()
    report = audit.verify_chain()
    return report.ok and report.unsealed == 0


def test_a_worker_killed_mid_batch_keeps_the_committed_batches_and_a_restarted_worker_finishes_the_job(tmp_path):
    env = processes.environment()
    flag = tmp_path / "paused"
    result = jobs_for_tests.write_in_batches.enqueue(
        "import", batches=5, size=20, pause_in_batch=2, pause_flag=str(flag)
    )
    doomed = processes.start_worker(env, "doomed")
    started = [doomed]
    try:
        # The job commits batches 0 and 1, then stops half-way through batch 2, its rows written but not committed.
        processes.wait_until(flag.exists, message="the job did not reach the middle of its third batch")
        os.killpg(doomed.pid, signal.SIGKILL)
        doomed.wait(timeout=10)

        # The committed batches are whole; of the batch in hand nothing stays.
        assert _rows_by_batch("import") == {0: 20, 1: 20}
        assert AuditEvent.objects.filter(verb="tests.batch_written").count() == 2
        task = _task(result.id)
        assert task.status == TaskResultStatus.RUNNING and task.worker_ids == ["doomed"]  # as the dead worker left it

        # A worker started on the same machine sees that the dead one's process has gone (no need to wait for its
        # heartbeat to go stale), puts the task back in the queue and runs it: the job finishes, skipping what
        # was committed.
        started.append(processes.start_worker(env, "restarted"))
        processes.wait_until(
            lambda: _task(result.id).status == TaskResultStatus.SUCCESSFUL,
            timeout=12,
            message="the restarted worker did not finish the job",
        )
    finally:
        processes.stop(started)
    task = _task(result.id)
    assert task.worker_ids == ["doomed", "restarted"]
    assert _rows_by_batch("import") == {batch: 20 for batch in range(5)}
    written = AuditEvent.objects.filter(verb="tests.batch_written").values_list("target_id", flat=True)
    assert sorted(written) == [f"import-{batch:03d}-" for batch in range(5)]  # one event per batch, none twice
    assert _chain_verifies()


def _notification(today):
    return {
        "area": "area-a",
        "abuse_or_neglect": "known",
        "where_harmed": "in_area",
        "incident_date": (today - datetime.timedelta(days=6)).isoformat(),
        "aware_date": (today - datetime.timedelta(days=5)).isoformat(),
        "harm": "serious_harm",
        "harm_kinds": ["criminal_exploitation"],
        "summary": "Fifteen-year-old stabbed while held in a county-lines property.",
        "child": {"given_names": "Kai", "family_name": "Roberts", "nhs_number": NHS_NUMBERS[2]},
        "child_age_years": 15,
        "sex": "1",
        "ethnic_category": "N",
        "child_disability": "no",
        "child_status": "child_in_need",
        "parallel_proceedings": {"police_investigation": "under_way"},
    }


def _backends(where, *params):
    """Other sessions on the test database (pid, state, wait event type) matching `where`."""
    query = "SELECT pid, state, wait_event_type FROM pg_stat_activity WHERE datname = current_database() "
    with connection.cursor() as cursor:
        cursor.execute(f"{query} AND pid <> pg_backend_pid() AND {where}", params)
        return cursor.fetchall()


def _separate_connection():
    source = connection.settings_dict
    return psycopg.connect(
        dbname=source["NAME"],
        user=source["USER"],
        password=source["PASSWORD"] or None,
        host=source["HOST"] or "127.0.0.1",
        port=source["PORT"] or 5432,
    )


def test_a_web_process_killed_inside_its_transaction_leaves_nothing_written_and_the_retry_succeeds(area):
    council = OrganisationFactory(kind=OrganisationKind.LOCAL_AUTHORITY, name="Area A Council")
    _, token = make_token(areas=[area], organisation=council, scopes=[Scope.INCIDENTS_READ, Scope.INCIDENTS_WRITE])
    headers = {"Authorization": f"Bearer {token}", "Idempotency-Key": "notification-1"}
    body = _notification(datetime.date.fromtimestamp(escape_hatch.time.time()))
    events_before = AuditEvent.objects.count()
    server, base = processes.start_server(processes.environment(), workers=1)
    outcome = {}

    def notify():
        try:
            outcome["response"] = requests.post(
                f"{base}/api/v1/incidents/notifications", json=body, headers=headers, timeout=20
            )
        except requests.RequestException as error:
            outcome["error"] = error

    blocker = _separate_connection()
    try:
        processes.wait_for(base, [server])
        # The request's last write (the stored answer for its idempotency key) waits behind a lock held here, so
        # the process is caught inside its transaction: the case, the child's identity and the audit event written,
        # nothing committed.
        blocker.execute("LOCK TABLE api_idempotencyrecord IN SHARE ROW EXCLUSIVE MODE")
        request = threading.Thread(target=notify)
        request.start()
        waiting = processes.wait_until(
            lambda: _backends("wait_event_type = 'Lock' AND query ILIKE %s", '%INSERT INTO "api_idempotencyrecord"%'),
            message="the request did not reach the end of its transaction",
        )
        [web_worker] = processes.children(server.pid)
        os.kill(web_worker, signal.SIGKILL)
        request.join(timeout=10)
        assert isinstance(outcome.get("error"), requests.ConnectionError)  # the client saw the connection drop

        # Once the lock is released the orphaned transaction finds its client gone and is rolled back.
        blocker.rollback()
        processes.wait_until(
            lambda: not _backends("pid = %s", waiting[0][0]), message="the killed request's session did not end"
        )
        assert not Incident.objects.exists()
        assert not ChildIdentity.objects.exists()
        assert not IdempotencyRecord.objects.exists()
        assert AuditEvent.objects.count() == events_before
        assert _chain_verifies()

        # gunicorn has started a new worker in the killed one's place; the client's retry, with the same key,
        # creates the case once.
        processes.wait_for(base, [server])
        retried = requests.post(f"{base}/api/v1/incidents/notifications", json=body, headers=headers, timeout=20)
    finally:
        blocker.close()
        processes.stop([server])
    assert retried.status_code == 201, retried.text[:2000]
    assert retried.headers.get("Idempotent-Replayed") != "true"
    assert Incident.objects.count() == 1 and ChildIdentity.objects.count() == 1
    assert IdempotencyRecord.objects.count() == 1
    assert AuditEvent.objects.filter(verb="api.incidents.notified").count() == 1
    assert _chain_verifies()


def _cut_every_connection():
    """As a database restart would: ends every session on the test database but this test's own (waiting up to
    5 s for each to go); returns how many it ended."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FILTER (WHERE pg_terminate_backend(pid, 5000)) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
        return cursor.fetchone()[0]


def test_every_database_connection_cut_under_load_fails_only_requests_in_flight_and_the_service_recovers(area):
    council = OrganisationFactory(kind=OrganisationKind.LOCAL_AUTHORITY, name="Area A Council")
    _, token = make_token(areas=[area], organisation=council, scopes=[Scope.INCIDENTS_READ])
    headers = {"Authorization": f"Bearer {token}"}
    env = processes.environment(API_RATE_LIMIT="100000/minute")
    server, base = processes.start_server(env, workers=2)
    worker = processes.start_worker(env, "survivor")
    started = [server, worker]
    outcomes = []  # (started, finished, status code or the exception's name, Retry-After)
    stopping = threading.Event()

    def get(session):
        began = time.monotonic()
        try:
            response = session.get(f"{base}/api/v1/incidents", headers=headers, timeout=10)
            status, retry_after = response.status_code, response.headers.get("Retry-After")
        except requests.RequestException as error:
            status, retry_after = type(error).__name__, None
        outcomes.append((began, time.monotonic(), status, retry_after))
        return status

    def client():
        with requests.Session() as session:
            while not stopping.is_set():
                get(session)

    def answered_after(moment):
        return [status for began, _, status, _ in outcomes if began > moment]

    clients = [threading.Thread(target=client) for _ in range(4)]
    try:
        processes.wait_for(base, started)
        web_workers = processes.children(server.pid)
        for thread in clients:
            thread.start()
        processes.wait_until(lambda: answered_after(0).count(200) >= 10, message="the service did not serve")

        # Under load: the connections are cut while requests use them.
        cut_at = time.monotonic()
        cut_under_load = _cut_every_connection()
        cut_done = time.monotonic()
        processes.wait_until(lambda: len(answered_after(cut_done)) >= 12, message="no answers after the cut")
        stopping.set()
        for thread in clients:
            thread.join(timeout=15)

        # At rest: every kept connection is cut while idle; the next requests find them closed and reconnect.
        cut_idle = _cut_every_connection()
        with requests.Session() as session:
            after_rest = [get(session) for _ in range(6)]

        # The worker carried on too: a job enqueued after the cuts runs.
        job = jobs_for_tests.record_a_run.enqueue("after-the-cut")
        processes.wait_until(
            lambda: _task(job.id).status == TaskResultStatus.SUCCESSFUL,
            message="the worker did not run a job after its connection was cut",
        )
        # Nothing was restarted: the same processes serve.
        assert all(process.poll() is None for process in started)
        assert processes.children(server.pid) == web_workers
    finally:
        stopping.set()
        processes.stop(started)
    assert cut_under_load >= 2 and cut_idle >= 2  # the job worker's connection and a web worker's, at least
    assert not any(thread.is_alive() for thread in clients)
    # No request hung, and none was refused a connection: each answered 200, or 503 with when to try again.
    assert all(finished - began < 10 for began, finished, *_ in outcomes)
    assert {status for _, _, status, _ in outcomes} <= {200, 503}
    assert all(retry_after == "5" for *_, status, retry_after in outcomes if status == 503)
    # Only a request in flight when the connections were cut may have failed; every one sent after succeeded.
    failed = [(began, finished) for began, finished, status, _ in outcomes if status != 200]
    assert all(began < cut_done and finished > cut_at for began, finished in failed)
    assert set(answered_after(cut_done)) == {200} and after_rest == [200] * 6
    assert _chain_verifies()
