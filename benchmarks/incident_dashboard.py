"""The incidents dashboard with 2,000 open cases, and the audit search over 200,000 events, against /healthz.

    nice -n 10 .venv/bin/python benchmarks/incident_dashboard.py [--incidents 2000] [--events 200000] [--repeats 10]

Builds a fresh SQLite database in a temporary directory (the project's database is not touched): migrates,
then inserts in bulk `--incidents` open cases spread over five areas and over the last four months (so that
every clock state occurs, some with a pause), their stored clocks, and `--events` audit events. A national
administrator is signed in. The clock is set to 26 November 2026, the test suite's day.

It times, turn about, the dashboard's first page, the audit search (every event; one rare action) and the
bare /healthz view, after one warm-up each, and prints their median wall-clock and CPU times, query counts
and ratios to the bare view.
It prints figures; it asserts nothing.
"""

import argparse
import datetime
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

DATA_DAY = datetime.datetime(2026, 11, 26, 10, 0, tzinfo=ZoneInfo("Europe/London"))
CHUNK = 5_000


def _seed_incidents(count, rng):
    from safeguarding.incidents import clocks
    from safeguarding.incidents.models import ClockPause, Incident, PauseDecision
    from safeguarding.incidents.states import IncidentStatus
    from safeguarding.organisations.factories import SafeguardingAreaFactory, UserFactory

    areas = [SafeguardingAreaFactory() for _ in range(5)]
    starter = UserFactory()
    incidents = []
    for number in range(count):
        submitted = DATA_DAY - datetime.timedelta(days=rng.randrange(1, 40))
        incidents.append(
            Incident(
                area=areas[number % len(areas)],
                status=IncidentStatus.RAPID_INQUIRY,
                started_by=starter,
                aware_date=(submitted - datetime.timedelta(days=2)).date(),
                submitted_at=submitted,
                summary="Synthetic",
            )
        )
    Incident.objects.bulk_create(incidents, batch_size=CHUNK)
    pauses = [
        ClockPause(
            incident=incident,
            proceeding="criminal_trial",
            reason="Synthetic",
            starts_on=incident.submitted_at.date(),
            requested_by=starter,
            decision=PauseDecision.ACCEPTED,
        )
        for incident in incidents[::50]
    ]
    ClockPause.objects.bulk_create(pauses)
    refresh = getattr(clocks, "refresh_stored_clocks", None)
    if refresh is not None:  # the stored clocks, as the data migration fills them
        refresh(Incident.objects.all())


def _seed_events(count, rng):
    from safeguarding.core.models import AuditEvent

    verbs = ["incident.viewed", "identity.viewed", "incident.notified", "policy.clock_changed", "user.signed_in"]
    start = DATA_DAY - datetime.timedelta(days=365)
    for first in range(0, count, CHUNK):
        AuditEvent.objects.bulk_create(
            [
                AuditEvent(
                    sequence=number + 1,
                    occurred_at=start + datetime.timedelta(minutes=number * 2),
                    actor_kind="system",
                    actor_label="bench",
                    verb=verbs[number % len(verbs)] if number % 97 else "export.rare",
                    target_type="incidents.incident",
                    target_id=str(number % 2000),
                    target_label=f"SI-{number % 2000:05d}",
                    hash=f"{number:064d}",
                )
                for number in range(first, min(count, first + CHUNK))
            ]
        )


def _time(client, url):
    """(wall-clock ms, CPU ms of this process) of one request: on a busy machine the CPU time varies less."""
    begun, begun_cpu = time.perf_counter(), time.process_time()
    response = client.get(url)
    assert response.status_code == 200, f"{url} answered {response.status_code}"
    return (time.perf_counter() - begun) * 1000, (time.process_time() - begun_cpu) * 1000


def run(database_url, incidents, events, repeats):
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
    from safeguarding.organisations.factories import person_with_role
    from safeguarding.organisations.models import Role

    setup_test_environment()
    rng = random.Random(7)  # noqa: S311 (reproducible synthetic data, not security)
    urls = {
        "dashboard": "/incidents/dashboard/",
        "audit, every event": "/audit/?person=",
        "audit, one action": "/audit/?verb=export.rare",
        "bare view": "/healthz",
    }
    with time_machine.travel(DATA_DAY, tick=True):
        call_command("migrate", verbosity=0)
        call_command("createcachetable", verbosity=0)
        started = time.perf_counter()
        _seed_incidents(incidents, rng)
        _seed_events(events, rng)
        print(f"  {incidents} incidents and {events} audit events made in {time.perf_counter() - started:.0f} s")
        client = sign_in(Client(), person_with_role(Role.NATIONAL_ADMINISTRATOR))
        counts = {}
        for label, url in urls.items():
            client.get(url)  # warm-up
            with CaptureQueriesContext(connection) as queries:
                client.get(url)
            counts[label] = len(queries)
        timings = {label: [] for label in urls}
        for _ in range(repeats):
            for label, url in urls.items():
                timings[label].append(_time(client, url))
    bare = statistics.median(t[0] for t in timings["bare view"])
    bare_cpu = statistics.median(t[1] for t in timings["bare view"])
    for label, values in timings.items():
        wall, cpu = statistics.median(t[0] for t in values), statistics.median(t[1] for t in values)
        print(
            f"  {label}: median {wall:.1f} ms ({wall / bare:.1f}x the bare view), CPU {cpu:.1f} ms "
            f"({cpu / bare_cpu:.1f}x), {counts[label]} queries"
        )
    print(f"  load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs; {repeats} requests each")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--incidents", type=int, default=2000)
    parser.add_argument("--events", type=int, default=200_000)
    parser.add_argument("--repeats", type=int, default=10)
    arguments = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="dashboard-bench-"))
    run(f"sqlite:///{workdir / 'bench.sqlite3'}", arguments.incidents, arguments.events, arguments.repeats)
    print(f"(working files in {workdir})")


if __name__ == "__main__":
    main()
