"""Audited writes through the API under concurrency: serious incident notifications per second, with the audit
chain and (a benchmark-only setting) without it, in the same run on the same PostgreSQL server.

    BENCH_POSTGRES_URL=postgres://postgres@127.0.0.1:5432/postgres .venv/bin/python benchmarks/audit_write_path.py \
        [--clients 32] [--seconds 20] [--workers 4] [--threads 8] [--port 8230] [--rounds 2]

Creates a scratch database (migrated once, then copied as a template for each mode), starts gunicorn
(`--workers` processes of `--threads` threads: as many requests in flight as clients), and has `--clients`
threads POST notifications (each with its own idempotency key) for `--seconds` seconds per round, alternating
chained and unchained rounds. Each notification writes two audit events. Prints notifications per second per
mode, the ratio, and the time `verify_chain` takes over the chained database. Drops its databases after.
"""

import argparse
import json
import os
import signal
import statistics
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

ROOT = Path(__file__).resolve().parents[1]
NOTIFY = "/api/v1/incidents/notifications"


def _body():
    return {
        "area": "bench-area",
        "abuse_or_neglect": "known",
        "where_harmed": "in_area",
        "incident_date": "2026-11-20",
        "aware_date": "2026-11-21",
        "harm": "serious_harm",
        "harm_kinds": ["criminal_exploitation"],
        "summary": "Synthetic notification for the audit write-path benchmark.",
        "child": {"given_names": "Sam", "family_name": "Synthetic", "nhs_number": "9434765919"},
        "child_age_years": 15,
        "sex": "1",
        "ethnic_category": "N",
        "child_disability": "no",
        "child_status": "child_in_need",
        "parallel_proceedings": {"police_investigation": "under_way"},
    }


def _admin(server_url):
    import psycopg

    return psycopg.connect(server_url, autocommit=True)


def _database_url(server_url, name):
    return server_url.rsplit("/", 1)[0] + f"/{name}"


def _prepare_template(server_url, name):
    """A migrated database with one area, a partner organisation and its API token; returns the token."""
    with _admin(server_url) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.local",
        "DATABASE_URL": _database_url(server_url, name),
    }
    subprocess.run([sys.executable, "manage.py", "migrate", "-v", "0"], cwd=ROOT, env=env, check=True)  # noqa: S603
    script = (
        "from safeguarding.api.factories import make_token;"
        "from safeguarding.api.models import Scope;"
        "from safeguarding.organisations.factories import SafeguardingAreaFactory, OrganisationFactory;"
        "from django.db import connection;"
        "area = SafeguardingAreaFactory(name='Benchmark Safeguarding Partnership', slug='bench-area');"
        "_, plaintext = make_token(areas=[area], organisation=OrganisationFactory(kind='local_authority'),"
        " scopes=[Scope.INCIDENTS_READ, Scope.INCIDENTS_WRITE]);"
        "connection.cursor().execute('CREATE SEQUENCE benchmark_unchained_audit START 1000000000');"
        "print(plaintext)"
    )
    made = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "shell", "-c", script],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return made.stdout.strip().splitlines()[-1]


def _serve(database_url, port, workers, threads, unchained):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.local",
        "DATABASE_URL": database_url,
        "DEBUG": "false",
        "LOG_LEVEL": "WARNING",
        "API_RATE_LIMIT": "1000000/minute",
        "CACHE_URL": os.environ.get("BENCH_CACHE_URL", "redis://127.0.0.1:6379/0"),
        "CACHE_KEY_PREFIX": f"bench-{uuid.uuid4().hex[:8]}",
        "AUDIT_UNCHAINED_FOR_BENCHMARK": "true" if unchained else "false",
    }
    server = subprocess.Popen(  # noqa: S603 (gunicorn from this project's own virtual environment)
        [str(Path(sys.executable).parent / "gunicorn"), "config.wsgi", "--workers", str(workers),
         "--threads", str(threads), "--bind", f"127.0.0.1:{port}", "--timeout", "120", "--log-level", "warning",
         "--env", "DJANGO_SETTINGS_MODULE=config.settings.local"],
        cwd=ROOT, env=env, start_new_session=True,
    )  # fmt: skip
    import requests

    for _ in range(120):
        try:
            requests.get(f"http://127.0.0.1:{port}/healthz", timeout=5)
            return server
        except requests.RequestException:
            time.sleep(0.5)
    os.killpg(server.pid, signal.SIGTERM)
    raise SystemExit("gunicorn did not start")


def _load(base, token, clients, seconds):
    """Returns (notifications created, failures, elapsed seconds, latencies in ms)."""
    import requests

    body = json.dumps(_body())
    created, failures, latencies, lock = [0], [0], [], threading.Lock()
    stop_at = time.perf_counter() + seconds

    def client():
        session = requests.Session()
        session.headers.update({"Authorization": f"Bearer {token}", "Content-Type": "application/json"})
        while time.perf_counter() < stop_at:
            begun = time.perf_counter()
            response = session.post(
                base + NOTIFY, data=body, headers={"Idempotency-Key": uuid.uuid4().hex}, timeout=120
            )
            elapsed = (time.perf_counter() - begun) * 1000
            with lock:
                if response.status_code == 201:
                    created[0] += 1
                    latencies.append(elapsed)
                else:
                    failures[0] += 1

    started = time.perf_counter()
    threads = [threading.Thread(target=client) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return created[0], failures[0], time.perf_counter() - started, latencies


def _verify(database_url):
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.local", "DATABASE_URL": database_url}
    begun = time.perf_counter()
    result = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "verify_audit_chain"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    return (result.stdout or result.stderr).strip(), time.perf_counter() - begun


def _verify_per_100k(database_url, events):
    """Adds `events` events (written unsealed in bulk, then sealed by the sealer) and times verify_chain alone."""
    code = (
        "import time;"
        "from django.utils import timezone;"
        "from safeguarding.core import audit;"
        "from safeguarding.core.models import AuditEvent;"
        "now = timezone.now();"
        f"[AuditEvent.objects.bulk_create([AuditEvent(occurred_at=now, actor_kind='system', actor_label='system:bench',"
        f" verb='bench.event', data={{'n': i}}) for i in range(start, min(start + 5000, {events}))])"
        f" for start in range(0, {events}, 5000)];"
        "begun = time.perf_counter(); sealed = 0\n"
        "while (n := audit.seal_pending()): sealed += n\n"
        "sealing = time.perf_counter() - begun;"
        "begun = time.perf_counter(); report = audit.verify_chain(); verifying = time.perf_counter() - begun;"
        "print(f'{sealed} {sealing:.2f} {report.ok} {report.events} {verifying:.2f}')"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.local", "DATABASE_URL": database_url}
    result = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    sealed, sealing, ok, total, verifying = result.stdout.strip().splitlines()[-1].split()
    return int(sealed), float(sealing), ok == "True", int(total), float(verifying)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--port", type=int, default=8230)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--verify-events", type=int, default=100_000)
    arguments = parser.parse_args()
    server_url = os.environ.get("BENCH_POSTGRES_URL")
    if not server_url:
        print("audit_write_path: set BENCH_POSTGRES_URL to a PostgreSQL server's maintenance database; skipped")
        return
    stamp = uuid.uuid4().hex[:8]
    names = {"template": f"bench_audit_{stamp}_t", False: f"bench_audit_{stamp}_c", True: f"bench_audit_{stamp}_u"}
    try:
        token = _prepare_template(server_url, names["template"])
        with _admin(server_url) as admin:
            for unchained in (False, True):
                admin.execute(f'CREATE DATABASE "{names[unchained]}" TEMPLATE "{names["template"]}"')
        rates = {False: [], True: []}
        latencies = {False: [], True: []}
        for _round in range(arguments.rounds):
            for unchained in (False, True):
                url = _database_url(server_url, names[unchained])
                server = _serve(url, arguments.port, arguments.workers, arguments.threads, unchained)
                try:
                    base = f"http://127.0.0.1:{arguments.port}"
                    _load(base, token, arguments.clients, 3)  # every worker connected and warm
                    created, failed, elapsed, times = _load(base, token, arguments.clients, arguments.seconds)
                finally:
                    os.killpg(server.pid, signal.SIGTERM)
                    server.wait()
                rates[unchained].append(created / elapsed)
                latencies[unchained] += times
                mode = "unchained" if unchained else "chained"
                print(f"round {_round + 1} {mode}: {created} notifications in {elapsed:.1f} s = "
                      f"{created / elapsed:.1f}/s ({failed} failed)")  # fmt: skip
        verdict, verify_seconds = _verify(_database_url(server_url, names[False]))
        chained, unchained = statistics.mean(rates[False]), statistics.mean(rates[True])
        load, cpus = os.getloadavg()[0], os.cpu_count()
        print(
            f"{arguments.clients} clients, gunicorn {arguments.workers}x{arguments.threads}, "
            f"load {load:.1f} on {cpus} CPUs"
        )
        print("| mode | notifications/s | median ms | p95 ms |")
        print("|---|---|---|---|")
        for key, label in ((False, "chained"), (True, "unchained (benchmark only)")):
            ordered = sorted(latencies[key])
            p95 = ordered[int(0.95 * (len(ordered) - 1))] if ordered else 0
            median = statistics.median(ordered) if ordered else 0
            print(f"| {label} | {statistics.mean(rates[key]):.1f} | {median:.0f} | {p95:.0f} |")
        print(f"chained / unchained: {chained / unchained:.0%} (target at least 80%)")
        print(f"verify_audit_chain on the chained database: {verdict} in {verify_seconds:.1f} s (with start-up)")
        if arguments.verify_events:
            sealed, sealing, ok, total, verifying = _verify_per_100k(
                _database_url(server_url, names[False]), arguments.verify_events
            )
            print(
                f"{sealed} more events sealed in {sealing:.1f} s; verify_chain over {total} events: "
                f"{'OK' if ok else 'BROKEN'} in {verifying:.1f} s = {verifying * 100_000 / total:.1f} s per 100,000"
            )
    finally:
        with _admin(server_url) as admin:
            for name in names.values():
                admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


if __name__ == "__main__":
    main()
