"""Load benchmark at national volume: gunicorn (4 workers) and PostgreSQL, 8 signed-in and public clients.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/slp_national .venv/bin/python manage.py seed_national --years 10
    BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/slp_national .venv/bin/python benchmarks/national_load.py \
        [--port 8190] [--clients 8] [--repeats 12]

Needs a database filled by `seed_national` (it is not touched but for the sessions and authenticator devices
of the people it signs in). Starts gunicorn with 4 workers on the port given, signs in one person of each role
(practitioner, rapid inquiry lead, lead chief officer, panel manager, area administrator, national analyst,
national administrator) plus public visitors, and has 8 client threads request every page group of every role
`--repeats` times in a shuffled order, each page request followed by the bare view (/healthz), so both see the
same load. Prints, per page, the median, the 95th percentile and the ratio of its median to the bare view's,
beside the budgets (median within 2x the bare view, 95th percentile within 300 ms); then the same table with
one client at a time (`--alone-repeats`), what each page costs the server without queueing. It prints figures;
it asserts nothing.
"""

import argparse
import os
import random
import signal
import statistics
import subprocess
import sys
import threading
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

BARE = "/healthz"
PEOPLE_DOMAIN = "national.safeguarding.example"
ROLES = (
    "practitioner", "rapid_inquiry_lead", "lead_chief_officer", "panel_manager", "area_administrator",
    "national_analyst", "national_administrator",
)  # fmt: skip


def _percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def _pages(role, user, area):
    """(label, path) of the page groups `role` uses, with a case of each kind the person may open."""
    from safeguarding.child_deaths.models import ChildDeathCase
    from safeguarding.incidents.models import Incident

    incident = Incident.objects.visible_to(user).exclude(status="draft").order_by("-pk").first()
    death = ChildDeathCase.objects.visible_to(user).order_by("-pk").first()
    common = [("home", "/home/"), ("notifications", "/notifications/")]
    incidents = [("incidents: list", "/incidents/"), ("incidents: dashboard", "/incidents/dashboard/")]
    if incident:
        incidents.append(("incidents: case", f"/incidents/{incident.pk}/"))
    deaths = [("child deaths: case list", "/child-deaths/"), ("child deaths: agency reports", "/child-deaths/reports/")]
    if death:
        deaths.append(("child deaths: case", f"/child-deaths/{death.reference}/"))
    slug = area.slug if area else ""
    arrangements = [("arrangements: area", f"/arrangements/{slug}/")] if area else []
    national_learning = [
        ("repository: national search", "/learning/national/?q=neglect"),
        ("repository: browse", "/learning/national/"),
        ("coding queue", "/learning/coding/"),
        ("intelligence dashboard", "/intelligence/"),
        ("repeated recommendations", "/intelligence/repeated-recommendations/"),
        ("mortality dashboard", "/mortality/"),
        ("mortality hazards", "/mortality/hazards/"),
        ("national inquiries", "/national-inquiries/"),
    ]
    by_role = {
        "practitioner": common + incidents + deaths[:1],
        "rapid_inquiry_lead": common + incidents,
        "lead_chief_officer": common + incidents + arrangements,
        "panel_manager": common + deaths,
        "area_administrator": common + incidents + arrangements + [("people", "/people/"), ("audit search", "/audit/")],
        "national_analyst": common + national_learning + [("incidents: list", "/incidents/")],
        "national_administrator": [*common, ("audit search", "/audit/"), ("jobs", "/jobs/"),
                                   ("national transition", "/arrangements/national/transition/"),
                                   *incidents[:1], *national_learning[:1]],
    }  # fmt: skip
    return by_role[role]


PUBLIC = [
    ("public: repository search", "/learning/?q=domestic+violence"),
    ("public: repository facets only", "/learning/?harm_kind=neglect&agency=police"),
    ("public: repository browse", "/learning/"),
    ("public: statistics", "/statistics/"),
    ("public: published arrangements", "/published/"),
]
API = [("api: incidents list", "/api/v1/incidents"), ("api: child deaths list", "/api/v1/child-deaths/")]


def _sessions():
    """{role: (session cookie value, [(label, path)])} and the cookie's name, for one person of each role."""
    from django.conf import settings
    from django.test import Client

    from safeguarding.core.testing import sign_in
    from safeguarding.organisations.models import Membership

    found = {}
    for role in ROLES:
        memberships = Membership.objects.filter(role=role).select_related("user", "area").order_by("pk")
        # seed_national's people, else seed_demo's (a database seeded with seed_demo only).
        membership = memberships.filter(user__email__endswith=f"@{PEOPLE_DOMAIN}").first() or memberships.first()
        client = sign_in(Client(), membership.user)
        found[role] = (
            client.cookies[settings.SESSION_COOKIE_NAME].value,
            _pages(role, membership.user, membership.area),
        )
    return found, settings.SESSION_COOKIE_NAME


def _api_token():
    """A token for the API lists of the first national area, issued by its administrator through the action."""
    from safeguarding.api.actions import issue_token
    from safeguarding.api.models import Scope
    from safeguarding.organisations.models import Membership

    admins = Membership.objects.filter(role="area_administrator").select_related("user", "area", "organisation")
    admin = admins.filter(user__email__endswith=f"@{PEOPLE_DOMAIN}").order_by("pk").first() or admins.first()
    _token, plaintext = issue_token(
        admin.user, admin.organisation, f"Load benchmark {time.monotonic_ns()}", [admin.area],
        [Scope.INCIDENTS_READ, Scope.CHILD_DEATHS_READ],
    )  # fmt: skip
    return plaintext


def _client_thread(base, jobs, cookie_name, results, lock):
    import requests

    sessions = {}
    while True:
        with lock:
            if not jobs:
                return
            role, label, path, cookie = jobs.pop()
        session = sessions.get(role)
        if session is None:
            session = sessions[role] = requests.Session()
            if role == "api client":
                session.headers["Authorization"] = f"Bearer {cookie}"
            elif cookie:
                session.cookies.set(cookie_name, cookie)
        for what, url in ((label, path), ("bare view (/healthz)", BARE)):
            begun = time.perf_counter()
            response = session.get(base + url, allow_redirects=False, timeout=60)
            elapsed = (time.perf_counter() - begun) * 1000
            with lock:
                results[(what, "" if what.startswith("bare") else role)].append((elapsed, response.status_code))


def run(database_url, port, clients, repeats, workers, alone_repeats=5):
    os.environ.update(DJANGO_SETTINGS_MODULE="config.settings.local", DATABASE_URL=database_url, DEBUG="false")
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    import django

    django.setup()
    sessions, cookie_name = _sessions()
    jobs = []
    for role, (cookie, pages) in sessions.items():
        jobs += [(role, label, path, cookie) for label, path in pages] * repeats
    jobs += [("public", label, path, None) for label, path in PUBLIC] * repeats
    token = _api_token()
    jobs += [("api client", label, path, token) for label, path in API] * repeats
    random.Random(19).shuffle(jobs)  # noqa: S311 (an order of requests, not a secret)
    environment = {**os.environ, "LOG_LEVEL": "WARNING"}
    server = subprocess.Popen(  # noqa: S603 (gunicorn from this project's own virtual environment)
        [str(Path(sys.executable).parent / "gunicorn"), "config.wsgi", "--workers", str(workers),
         "--bind", f"127.0.0.1:{port}", "--timeout", "120", "--log-level", "warning",
         "--env", "DJANGO_SETTINGS_MODULE=config.settings.local"],
        env=environment, start_new_session=True,
    )  # fmt: skip
    try:
        _wait_for(port)
        base = f"http://127.0.0.1:{port}"
        warm = [(role, label, path, cookie) for role, (cookie, pages) in sessions.items() for label, path in pages]
        warm += [("public", label, path, None) for label, path in PUBLIC]
        warm += [("api client", label, path, token) for label, path in API]
        _drive(base, warm * workers, clients, cookie_name)  # every worker sees every page once first
        started = time.perf_counter()
        results = _drive(base, jobs, clients, cookie_name)
        elapsed = time.perf_counter() - started
        # The same pages one request at a time: what each costs the server, without waiting behind others.
        started = time.perf_counter()
        alone = _drive(base, warm * alone_repeats, 1, cookie_name) if alone_repeats else None
        alone_elapsed = time.perf_counter() - started
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait()
    _print(results, elapsed, clients, workers)
    if alone:
        print()
        _print(alone, alone_elapsed, 1, workers)


def _wait_for(port):
    import requests

    for _ in range(120):
        try:
            requests.get(f"http://127.0.0.1:{port}{BARE}", timeout=10)
            return
        except requests.RequestException:  # not listening yet, or a worker still starting
            time.sleep(0.5)
    raise SystemExit("gunicorn did not start")


def _drive(base, jobs, clients, cookie_name):
    results, lock = defaultdict(list), threading.Lock()
    jobs = list(jobs)
    threads = [
        threading.Thread(target=_client_thread, args=(base, jobs, cookie_name, results, lock)) for _ in range(clients)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def _print(results, elapsed, clients, workers):
    bare = [ms for ms, _status in results[("bare view (/healthz)", "")]]
    bare_median = statistics.median(bare)
    load, cpus = os.getloadavg()[0], os.cpu_count()
    print(f"{clients} clients, gunicorn {workers} workers, {elapsed:.0f} s, load average {load:.1f} on {cpus} CPUs")
    print("| page | role | requests | median ms | p95 ms | median / bare | budget (median <= 2x, p95 <= 300 ms) |")
    print("|---|---|---|---|---|---|---|")
    rows = []
    for (label, role), timings in results.items():
        values = [ms for ms, _status in timings]
        statuses = sorted({status for _ms, status in timings})
        median, p95 = statistics.median(values), _percentile(values, 0.95)
        met = median <= 2 * bare_median and p95 <= 300
        rows.append((label, role, len(values), median, p95, median / bare_median, met, statuses))
    rows.sort(key=lambda row: (not row[0].startswith("bare"), -row[5]))
    for label, role, count, median, p95, ratio, met, statuses in rows:
        odd = "" if statuses == [200] else f" (HTTP {', '.join(map(str, statuses))})"
        print(f"| {label}{odd} | {role.replace('_', ' ')} | {count} | {median:.0f} | {p95:.0f} | {ratio:.1f}x | "
              f"{'met' if met else 'missed'} |")  # fmt: skip


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=8190)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--repeats", type=int, default=12)
    parser.add_argument(
        "--alone-repeats", type=int, default=5, help="then each page this many times with one client (0: skip)"
    )
    arguments = parser.parse_args()
    database_url = os.environ.get("BENCH_DATABASE_URL")
    if not database_url:
        print("national_load: set BENCH_DATABASE_URL to a PostgreSQL database filled by seed_national; skipped")
        return
    run(database_url, arguments.port, arguments.clients, arguments.repeats, arguments.workers, arguments.alone_repeats)


if __name__ == "__main__":
    main()
