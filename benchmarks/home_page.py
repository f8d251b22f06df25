"""The home page ("Your work") of a person with about 200 open tasks, against /healthz in the same run.

    .venv/bin/python benchmarks/home_page.py [--tasks 200] [--repeats 40]
    BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/home_bench .venv/bin/python benchmarks/home_page.py

Builds a fresh SQLite database in a temporary directory (the project's database is not touched): migrates,
then makes one person who holds every area role in one area and both national roles, and enough cases of
every kind waiting for them (safeguarding/core/tests/busy_person.py: incidents to start, decisions to sign
off, summaries outstanding, findings to write, actions falling due, pause requests, deaths to report on,
invitations, reports to code, national inquiries to decide) to give at least `--tasks` open tasks, all
through the real actions. The data is dated 26 November 2026, so the clock is set to that day.

Then it signs the person in and times, turn about, the home page (every task provider, the merge, the
first page of 25 tasks and the header's count) and the bare /healthz view, after one warm-up each, and
prints both medians, the 95th percentiles, the ratio of the medians and the home page's query count. The
CPU time of the process is printed beside the wall-clock time: on a machine other work keeps busy (see the
load average printed) wall-clock times stretch, the CPU time and the ratio much less.
With BENCH_DATABASE_URL set it does the same against that PostgreSQL database (migrated; the busy person
is added once). It prints figures; it asserts nothing.
"""

import argparse
import datetime
import math
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

# The day the synthetic cases are dated from (the test suite's fixed day).
DATA_DAY = datetime.datetime(2026, 11, 26, 10, 0, tzinfo=ZoneInfo("Europe/London"))
EMAIL = "busy.person@bench.example"


def _percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def _busy_person(tasks):
    from safeguarding.core.tests.busy_person import TASKS_PER_ROUND, add_rounds, make_busy_person
    from safeguarding.core.work.tasks import tasks_for
    from safeguarding.organisations.factories import SafeguardingAreaFactory
    from safeguarding.organisations.models import User

    existing = User.objects.filter(email=EMAIL).first()
    if existing is not None:
        print("  the busy person already exists: not seeding")
        return existing, len(tasks_for(existing))
    started = time.perf_counter()
    area = SafeguardingAreaFactory(name="Benchmark Safeguarding Partnership", slug="benchmark")
    busy = make_busy_person(area, email=EMAIL)
    add_rounds(busy, math.ceil(tasks / TASKS_PER_ROUND))
    count = len(tasks_for(User.objects.get(pk=busy.user.pk)))
    print(f"  {count} open tasks made in {time.perf_counter() - started:.0f} s")
    return busy.user, count


def _time(client, url):
    """(wall-clock ms, CPU ms of this process) of one request."""
    begun, begun_cpu = time.perf_counter(), time.process_time()
    response = client.get(url)
    elapsed = ((time.perf_counter() - begun) * 1000, (time.process_time() - begun_cpu) * 1000)
    assert response.status_code == 200, f"{url} answered {response.status_code}"
    return elapsed


def _report(label, timings):
    wall, cpu = [t[0] for t in timings], [t[1] for t in timings]
    print(
        f"  {label}: median {statistics.median(wall):.1f} ms (95th percentile {_percentile(wall, 0.95):.1f} ms); "
        f"CPU time median {statistics.median(cpu):.1f} ms"
    )
    return statistics.median(wall), statistics.median(cpu)


def run(database_url, tasks, repeats):
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.local"
    os.environ["DATABASE_URL"] = database_url
    os.environ["DEBUG"] = "false"
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    import django
    import time_machine

    django.setup()
    import logging

    logging.disable(logging.WARNING)
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, setup_test_environment

    from safeguarding.core.testing import sign_in

    setup_test_environment()
    with time_machine.travel(DATA_DAY, tick=True):
        call_command("migrate", verbosity=0)
        print(f"{connection.vendor} ({connection.settings_dict['NAME']}):")
        user, count = _busy_person(tasks)
        client = sign_in(Client(), user)
        for url in ("/home/", "/healthz"):
            client.get(url)  # warm-up
        with CaptureQueriesContext(connection) as queries:
            client.get("/home/")
        query_count = len(queries)  # now: the connection's query log is a ring that later requests overwrite
        home, bare = [], []
        for _ in range(repeats):  # turn about, so both see the same machine load
            home.append(_time(client, "/home/"))
            bare.append(_time(client, "/healthz"))
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    home_wall, home_cpu = _report(f"home page with {count} open tasks ({query_count} queries)", home)
    bare_wall, bare_cpu = _report("/healthz, the bare view", bare)
    print(
        f"  ratio of medians, home page / bare view: {home_wall / bare_wall:.1f} (CPU time {home_cpu / bare_cpu:.1f}); "
        f"{repeats} requests each; load average {load:.1f} on {os.cpu_count()} CPUs"
    )


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--tasks", type=int, default=200)
    parser.add_argument("--repeats", type=int, default=40)
    parser.add_argument("--database-url", help=argparse.SUPPRESS)  # set when the script runs itself for PostgreSQL
    arguments = parser.parse_args()
    if arguments.database_url:
        run(arguments.database_url, arguments.tasks, arguments.repeats)
        return
    workdir = Path(tempfile.mkdtemp(prefix="home-page-bench-"))
    run(f"sqlite:///{workdir / 'bench.sqlite3'}", arguments.tasks, arguments.repeats)
    postgres = os.environ.get("BENCH_DATABASE_URL")
    if postgres:
        # Django is set up once per process: PostgreSQL gets a process of its own, after SQLite's run so the
        # two do not compete for the CPU.
        subprocess.run(  # noqa: S603 (this same script, with the caller's own database address)
            [sys.executable, __file__, "--tasks", str(arguments.tasks), "--repeats", str(arguments.repeats),
             "--database-url", postgres],
            check=True,
        )  # fmt: skip
    print(f"(working files in {workdir})")


if __name__ == "__main__":
    main()
