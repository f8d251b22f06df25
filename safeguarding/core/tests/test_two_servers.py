"""Two app servers and two workers at once on one PostgreSQL database, with shared object storage (a local
S3 server) and a shared cache (Redis): a file uploaded through one server downloads through the other, a
session started on one works on the other, and each job enqueued runs once. PostgreSQL only."""

import binascii
import datetime
import html
import os
import re
import time
import uuid

import pytest
import redis
import requests
from django.utils import timezone
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult
from time_machine import escape_hatch

from safeguarding.core import audit
from safeguarding.core.models import AuditEvent
from safeguarding.core.tests import object_storage, processes
from safeguarding.incidents.factories import make_incident
from safeguarding.incidents.models import Action, Recommendation
from safeguarding.incidents.states import IncidentStatus
from safeguarding.jobs.models import WorkerHeartbeat
from safeguarding.jobs.tests import jobs_for_tests
from safeguarding.organisations.factories import OrganisationFactory, SafeguardingAreaFactory, person_with_role
from safeguarding.organisations.models import OrganisationKind, Role

if not processes.on_postgres():
    pytest.skip(f"several servers share one database: {processes.POSTGRES_ONLY}", allow_module_level=True)

pytestmark = pytest.mark.django_db(transaction=True)
PASSWORD = "correct-horse-battery-staple"
PDF = b"%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n" + os.urandom(64)
REDIS_URL = "redis://127.0.0.1:6379/0"


@pytest.fixture
def shared_environment(tmp_path):
    """What every process of the service is given: one database, one bucket, one Redis (keys of its own)."""
    prefix = f"slp-two-servers-{uuid.uuid4().hex[:8]}"
    with object_storage.s3_server() as endpoint:
        yield processes.environment(
            CACHE_URL=REDIS_URL,
            CACHE_KEY_PREFIX=prefix,
            MEDIA_ROOT=str(tmp_path / "not-used"),
            **object_storage.environment(endpoint),
        )
    raw = redis.Redis.from_url(REDIS_URL)
    for key in raw.scan_iter(match=f"{prefix}:*"):
        raw.delete(key)


@pytest.fixture
def service(shared_environment):
    """Two gunicorn servers and two workers; yields the servers' base addresses."""
    servers = [processes.start_server(shared_environment) for _ in range(2)]
    started = [process for process, _ in servers]
    started += [processes.start_worker(shared_environment, name) for name in ("worker-one", "worker-two")]
    bases = [base for _, base in servers]
    try:
        for base in bases:
            processes.wait_for(base, started)
        yield bases
    finally:
        processes.stop(started)


@pytest.fixture
def administrator():
    area = SafeguardingAreaFactory(name="Area A Safeguarding Partnership", slug="area-a")
    council = OrganisationFactory(kind=OrganisationKind.LOCAL_AUTHORITY, name="Area A Council")
    area.partners.add(council)
    person = person_with_role(Role.AREA_ADMINISTRATOR, area)
    person.set_password(PASSWORD)
    person.save()
    device = TOTPDevice.objects.create(user=person, name="Authenticator", confirmed=True)
    recommendation = Recommendation.objects.create(
        incident=make_incident(area, IncidentStatus.PUBLISHED), addressee=council, change="Link the two systems"
    )
    action = Action.objects.create(
        recommendation=recommendation,
        description="Audit referrals",
        owner="Head of Service",
        due_on=timezone.localdate() + datetime.timedelta(days=30),
        updated_by=person,
    )
    return person, device, action


def _code(device):
    """The authenticator's code now, by the servers' clock (the real one, not the tests' fixed clock)."""
    totp = TOTP(binascii.unhexlify(device.key), step=device.step, digits=device.digits)
    totp.time = escape_hatch.time.time()
    return f"{totp.token():06d}"


def _post(browser, url, data, **kwargs):
    return browser.post(url, data={**data, "csrfmiddlewaretoken": browser.cookies["csrftoken"]}, **kwargs)


def test_a_file_and_a_session_cross_servers_and_each_job_runs_once(service, administrator):
    first, second = service
    person, device, action = administrator
    browser = requests.Session()

    # Signed in (password, then the second factor) through the first server...
    browser.get(f"{first}/sign-in/")
    signed = _post(
        browser, f"{first}/sign-in/", {"username": person.email, "password": PASSWORD}, allow_redirects=False
    )
    assert signed.status_code == 302
    verified = _post(browser, f"{first}/two-factor/", {"code": _code(device), "next": "/home/"}, allow_redirects=False)
    assert verified.status_code == 302 and verified.headers["Location"] == "/home/"

    # ...the session works on the second.
    home = browser.get(f"{second}/home/", allow_redirects=False)
    assert home.status_code == 200 and html.escape(person.full_name) in home.text

    # A file uploaded through the second server...
    incident_id = action.recommendation.incident_id
    edit = f"/incidents/{incident_id}/actions/{action.pk}/"
    form = browser.get(f"{second}{edit}")
    version = re.search(r'name="version" value="(\d+)"', form.text).group(1)
    saved = _post(
        browser, f"{second}{edit}",
        {"version": version, "status": "in_progress", "evidence_of_impact": "Audit attached"},
        files={"evidence_file": ("Audit of referrals.pdf", PDF, "application/pdf")}, allow_redirects=False,
    )  # fmt: skip
    assert saved.status_code == 302, saved.text[:2000]
    # ...downloads through the first, streamed from the shared bucket.
    download = browser.get(f"{first}{edit}evidence/")
    assert download.status_code == 200 and download.content == PDF

    # Jobs enqueued once each, two workers on the queue: each runs exactly once.
    keys = [f"job-{n}" for n in range(12)]
    results = [jobs_for_tests.record_a_run.enqueue(key) for key in keys]
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        statuses = set(DBTaskResult.objects.filter(id__in=[r.id for r in results]).values_list("status", flat=True))
        if statuses == {TaskResultStatus.SUCCESSFUL}:
            break
        time.sleep(0.5)
    tasks = list(DBTaskResult.objects.filter(id__in=[r.id for r in results]))
    assert {task.status for task in tasks} == {TaskResultStatus.SUCCESSFUL}
    assert all(len(task.worker_ids) == 1 for task in tasks)
    ran = AuditEvent.objects.filter(verb="tests.job_ran").values_list("target_id", flat=True)
    assert sorted(ran) == sorted(keys)
    assert set(WorkerHeartbeat.objects.values_list("worker_id", flat=True)) >= {"worker-one", "worker-two"}

    # Everything the four processes audited is chained (the sealers ran after their commits).
    audit.seal_pending()
    report = audit.verify_chain()
    assert report.ok and report.unsealed == 0
    assert AuditEvent.objects.filter(verb="incident.evidence_downloaded").count() == 1
