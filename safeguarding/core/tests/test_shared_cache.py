"""One cache for every server and worker: Redis in production, a database table by default. Lock-outs, the
API's rate limits, long jobs' progress and repository searches are kept there, so a second process (here: a
second connection with nothing in memory) sees what the first one counted."""

import contextlib
import uuid

import pytest
import redis
from axes.handlers.proxy import AxesProxyHandler
from django.core.cache import cache, caches
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.db import connection
from django.test import override_settings

from config.env import DATABASE_CACHE_TABLE, env_cache
from safeguarding.api.factories import make_token
from safeguarding.api.models import Scope
from safeguarding.api.throttling import TokenRateThrottle
from safeguarding.jobs.models import JobRun, RunStatus
from safeguarding.jobs.runs import Progress, progress_key, with_latest_progress
from safeguarding.learning.repository.factories import make_entry
from safeguarding.learning.repository.models import RepositoryEntry
from safeguarding.learning.repository.search import search
from safeguarding.organisations.factories import OrganisationFactory
from safeguarding.organisations.models import OrganisationKind

REDIS_URL = "redis://127.0.0.1:6379/0"


def _redis_settings(prefix):
    return {"default": env_cache("X_UNSET_CACHE_URL", REDIS_URL, key_prefix=prefix)}


@pytest.fixture
def redis_cache():
    """The default cache on this machine's Redis, under a key prefix of this test's own (removed after)."""
    prefix = f"slp-test-{uuid.uuid4().hex}"
    with override_settings(CACHES=_redis_settings(prefix)):
        AxesProxyHandler.get_implementation(force=True)  # axes keeps its cache from when it was first used
        yield prefix
    AxesProxyHandler.get_implementation(force=True)
    raw = redis.Redis.from_url(REDIS_URL)
    for key in raw.scan_iter(match=f"{prefix}:*"):
        raw.delete(key)


def _keys(prefix):
    """What a separate process would find in Redis: the keys stored under `prefix`, read afresh."""
    return [key.decode() for key in redis.Redis.from_url(REDIS_URL).scan_iter(match=f"{prefix}:*")]


def _forget_connections():
    """Drops this process's cache connections, so the next read comes from the store, not from memory."""
    caches.close_all()
    for alias in list(caches._settings):
        with contextlib.suppress(AttributeError):
            delattr(caches._connections, alias)


def test_a_redis_url_names_the_redis_backend_and_a_wrong_one_is_refused_by_name(monkeypatch):
    monkeypatch.setenv("CACHE_URL", "redis://cache.internal:6379/2")
    config = env_cache("CACHE_URL", key_prefix="national")
    assert config["BACKEND"] == "django.core.cache.backends.redis.RedisCache"
    assert config["LOCATION"] == "redis://cache.internal:6379/2" and config["KEY_PREFIX"] == "national"
    monkeypatch.setenv("CACHE_URL", "memcached://cache.internal")
    with pytest.raises(ImproperlyConfigured, match="CACHE_URL must be a redis://"):
        env_cache("CACHE_URL")
    monkeypatch.delenv("CACHE_URL")
    assert env_cache("CACHE_URL")["BACKEND"] == "django.core.cache.backends.db.DatabaseCache"


def test_the_embedded_default_is_a_database_table_every_process_reads(transactional_db):
    default = {"default": env_cache("X_UNSET_CACHE_URL")}
    with override_settings(CACHES=default):
        call_command("createcachetable", verbosity=0)
        try:
            cache.set("shared:answer", {"done": 3}, 60)
            _forget_connections()
            assert cache.get("shared:answer") == {"done": 3}
            with connection.cursor() as cursor:
                cursor.execute(f"SELECT COUNT(*) FROM {DATABASE_CACHE_TABLE}")  # noqa: S608 (a constant)
                assert cursor.fetchone()[0] == 1
        finally:
            with connection.cursor() as cursor:
                cursor.execute(f"DROP TABLE {DATABASE_CACHE_TABLE}")


@pytest.mark.django_db
def test_sign_in_failures_are_counted_in_redis_and_lock_out_on_every_server(client, redis_cache, django_user_model):
    django_user_model.objects.create_user("sophie@example.org", "correct-horse-battery", full_name="Sophie")
    for _ in range(5):
        client.post("/sign-in/", {"username": "sophie@example.org", "password": "wrong"})
    assert any("axes" in key for key in _keys(redis_cache))
    # Another server: no memory of its own, the same Redis.
    _forget_connections()
    AxesProxyHandler.get_implementation(force=True)
    refused = client.post("/sign-in/", {"username": "sophie@example.org", "password": "correct-horse-battery"})
    assert refused.status_code == 429


@pytest.mark.django_db
def test_the_api_rate_limit_is_counted_in_redis(client, area, redis_cache, monkeypatch):
    council = OrganisationFactory(kind=OrganisationKind.LOCAL_AUTHORITY, name="Area A Council")
    _, plaintext = make_token(areas=[area], organisation=council, scopes=list(Scope.values))
    headers = {"Authorization": f"Bearer {plaintext}"}
    monkeypatch.setattr(TokenRateThrottle, "THROTTLE_RATES", {"api_token": "2/minute"})
    for _ in range(2):
        assert client.get("/api/v1/whoami", headers=headers).status_code == 200
    assert any("throttle_api_token" in key for key in _keys(redis_cache))
    _forget_connections()
    assert client.get("/api/v1/whoami", headers=headers).status_code == 429


@pytest.mark.django_db
def test_a_long_jobs_progress_is_read_from_redis_before_its_row_catches_up(redis_cache):
    run = JobRun.objects.create(job="seed", period="manual", status=RunStatus.RUNNING)
    progress = Progress(run)
    progress.total(1000, "Reading reports")
    progress.advance(250, "Coding findings")  # within seconds of the last store: the cache only
    stored = JobRun.objects.get(pk=run.pk)
    assert (stored.progress_total, stored.progress_done) == (1000, 0)
    assert f"{redis_cache}:1:{progress_key(run.pk)}" in _keys(redis_cache)
    _forget_connections()
    seen = with_latest_progress(JobRun.objects.get(pk=run.pk))
    assert (seen.progress_done, seen.progress_note, seen.percent_done) == (250, "Coding findings", 25)
    progress.flush()
    assert JobRun.objects.get(pk=run.pk).progress_done == 250


@pytest.mark.django_db
def test_repository_searches_are_kept_in_redis(redis_cache):
    make_entry(title="Neglect of a baby", summary="Neglect went unnamed.")
    first = search("neglect", entries=RepositoryEntry.objects.public())
    assert any("repository:search:" in key for key in _keys(redis_cache))
    _forget_connections()
    again = search("neglect", entries=RepositoryEntry.objects.public())
    assert [hit.entry.title for hit in again.hits] == [hit.entry.title for hit in first.hits] == ["Neglect of a baby"]
