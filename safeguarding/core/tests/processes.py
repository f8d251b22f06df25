"""The service's own processes (gunicorn servers, job workers) started against the test database, for the tests
that need real processes: several servers at once, a process killed mid-request or mid-job, connections cut.

PostgreSQL only (several processes on one SQLite file is not how the service runs); the tests run transactional
(`django_db(transaction=True)`) so the processes see what a test writes.
"""

import contextlib
import os
import signal
import subprocess
import sys
import time
import uuid

import psycopg
import pytest
import requests
from django.conf import settings
from django.db import connection

from safeguarding.core.tests import object_storage

POSTGRES_ONLY = "set DATABASE_URL to a PostgreSQL database to run it"


def on_postgres():
    return os.environ.get("DATABASE_URL", "").split(":", 1)[0] in {"postgres", "postgresql"}


def connection_params(name):
    """psycopg's connection arguments for database `name` on the test database's server."""
    source = connection.settings_dict
    return {
        "host": source["HOST"] or "127.0.0.1",
        "port": source["PORT"] or 5432,
        "user": source["USER"],
        "dbname": name,
    }


def database_url(name):
    params = connection_params(name)
    return f"postgres://{params['user']}@{params['host']}:{params['port']}/{name}"


@contextlib.contextmanager
def scratch_database(prefix):
    """A new empty database on the test server, named `prefix` and a random suffix, dropped afterwards (for
    commands that must start from nothing: a restore, a whole seed)."""
    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(**connection_params("postgres"), autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield name
    finally:
        with psycopg.connect(**connection_params("postgres"), autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def environment(**extra):
    """What every process of the service is given: the test database, test settings, audit sealed after commit
    (as in production), quiet logs; `extra` adds or overrides variables."""
    source = connection.settings_dict
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DATABASE_URL": f"postgres://{source['USER']}@{source['HOST'] or '127.0.0.1'}:{source['PORT'] or 5432}/"
        f"{source['NAME']}",
        "AUDIT_CHAIN_SEALING": "deferred",
        "LOG_LEVEL": "WARNING",
        **extra,
    }


def start(command, env):
    """Starts one of the project's programs in a process group of its own (so it can be stopped whole)."""
    return subprocess.Popen(  # noqa: S603 (this project's own programs)
        command, cwd=settings.BASE_DIR, env=env, start_new_session=True,
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip


def start_server(env, *, workers=2):
    """A gunicorn server on a free port; returns (process, base address). The application is loaded once, in the
    server's main process, before its workers fork (`--preload`): each worker would otherwise import it again,
    which on a busy 2-core machine takes seconds; what the tests check does not depend on it."""
    gunicorn = os.path.join(os.path.dirname(sys.executable), "gunicorn")
    port = object_storage.free_port()
    command = [gunicorn, "config.wsgi", "--preload", "--workers", str(workers), "--bind", f"127.0.0.1:{port}"]
    return start(command, env), f"http://127.0.0.1:{port}"


def start_worker(env, name):
    """A job worker without schedules. It skips Django's system checks (as gunicorn does, and the suite runs them
    elsewhere): on a busy machine they take twice as long as the rest of its start."""
    command = [sys.executable, "manage.py", "run_worker", "--skip-checks", "--no-schedules", "--interval", "0.2"]
    return start([*command, "--worker-id", name], env)


def wait_for(base, processes, *, timeout=60):
    """Waits until the server at `base` answers /healthz; fails at once if one of `processes` has stopped."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if requests.get(f"{base}/healthz", timeout=5).status_code == 200:
                return
        except requests.RequestException:
            pass
        for process in processes:
            if process.poll() is not None:
                pytest.fail(f"a process of the service stopped: {process.stderr.read().decode()[-2000:]}")
        time.sleep(0.1)
    pytest.fail(f"{base} did not answer")


def wait_until(condition, *, timeout=10, message="the condition did not hold in time"):
    """Polls `condition()` until it returns something true, and returns that; fails after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.05)
    pytest.fail(message)


def stop(processes):
    """Stops each process and its group (SIGTERM, as a service manager would); kills what has not stopped."""
    for process in processes:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
    for process in processes:
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def children(pid):
    """The process ids whose parent is `pid` (a gunicorn server's workers), read from /proc."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(fields[1]) == pid and fields[0] != "Z":
            found.append(int(entry))
    return sorted(found)
