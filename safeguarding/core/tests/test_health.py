import datetime

import pytest
from django.db import DatabaseError
from django.utils import timezone


@pytest.mark.django_db
def test_healthz_answers_without_touching_dependencies(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def _worker_checked_in(seconds_ago, worker_id="w1"):
    from safeguarding.jobs.models import WorkerHeartbeat

    seen = timezone.now() - datetime.timedelta(seconds=seconds_ago)
    return WorkerHeartbeat.objects.create(worker_id=worker_id, hostname="host", pid=1, started_at=seen, last_seen=seen)


@pytest.mark.django_db
def test_readyz_reports_database_migrations_and_worker(client):
    heartbeat = _worker_checked_in(5)
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "database": "ok",
        "unapplied_migrations": 0,
        "worker": "ok",
        "worker_last_seen": heartbeat.last_seen.isoformat(timespec="seconds"),
    }


@pytest.mark.django_db
def test_readyz_is_unavailable_when_no_worker_checked_in_recently(client, settings):
    settings.WORKER_HEARTBEAT_STALE_SECONDS = 120
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["worker"] == "unhealthy"
    _worker_checked_in(121, "stopped")
    assert client.get("/readyz").status_code == 503
    _worker_checked_in(30, "alive")
    assert client.get("/readyz").status_code == 200


@pytest.mark.django_db
def test_readyz_is_unavailable_when_migrations_are_pending(client, monkeypatch):
    from django.db.migrations.executor import MigrationExecutor

    monkeypatch.setattr(MigrationExecutor, "migration_plan", lambda self, targets: [("pending", False)])
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["unapplied_migrations"] == 1


@pytest.mark.django_db
def test_readyz_is_unavailable_when_database_is_unreachable(client, monkeypatch):
    from django.db.migrations.executor import MigrationExecutor

    def unreachable(self, targets):
        raise DatabaseError("connection refused")

    monkeypatch.setattr(MigrationExecutor, "migration_plan", unreachable)
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json() == {"status": "unavailable", "database": "unreachable"}


def test_health_endpoints_refuse_writes(client):
    assert client.post("/healthz").status_code == 405
