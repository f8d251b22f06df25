import pytest
from django.db import DatabaseError


@pytest.mark.django_db
def test_healthz_answers_without_touching_dependencies(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


@pytest.mark.django_db
def test_readyz_reports_database_and_migrations(client):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "unapplied_migrations": 0}


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
