"""The national child mortality database at national scale: seeding, dashboard latency, release build.

    .venv/bin/python benchmarks/mortality_scale.py [--years 10] [--requests 20]

Runs against a fresh SQLite database in a temporary directory (the project's database is not
touched): migrates, loads England's reference geography, then measures
  1. `seed_national --years N` (ten years must take under five minutes);
  2. the median latency of every analyst dashboard page over R requests each, through Django's test
     client as a signed-in national analyst (the aim is under 300 ms), after one warm-up request;
  3. building the release of the latest complete financial year (~3,500 deaths; aim: under a minute),
     HTML, CSV and PDF.
"""

import argparse
import io
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--requests", type=int, default=20)
    arguments = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="mortality-bench-"))
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.local"
    os.environ["DATABASE_URL"] = f"sqlite:///{workdir / 'bench.sqlite3'}"
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    import django

    django.setup()
    import logging

    logging.disable(logging.WARNING)  # WeasyPrint warns about SVG CSS it ignores
    from django.core.management import call_command
    from django.test import Client
    from django.test.utils import setup_test_environment

    setup_test_environment()
    call_command("migrate", verbosity=0)
    call_command("load_reference_data", stdout=io.StringIO())

    from safeguarding.core import audit
    from safeguarding.core.testing import sign_in
    from safeguarding.mortality.actions.releases import publish_release
    from safeguarding.mortality.actions.seeding import seed_national
    from safeguarding.mortality.models import MortalityRecord
    from safeguarding.mortality.views.dashboard import PAGES
    from safeguarding.organisations.factories import person_with_role
    from safeguarding.organisations.models import Role

    started = time.perf_counter()
    result = seed_national(audit.Actor.system("benchmark"), arguments.years, seed=2026)
    seeding = time.perf_counter() - started
    print(f"seed_national --years {arguments.years}: {result.created:,} deaths in {seeding:.1f} s")

    client = Client()
    sign_in(client, person_with_role(Role.NATIONAL_ANALYST))
    urls = [("/mortality/" if slug == "overview" else f"/mortality/{slug}/") for slug in PAGES]
    urls += ["/mortality/hazards/", "/mortality/?year=2024&region=E12000007", "/mortality/tables/local-authority.csv"]
    print(f"dashboard, median of {arguments.requests} requests per page (aim: under 300 ms):")
    medians = []
    for url in urls:
        assert client.get(url).status_code == 200, url
        timings = []
        for _ in range(arguments.requests):
            begun = time.perf_counter()
            client.get(url)
            timings.append((time.perf_counter() - begun) * 1000)
        median = statistics.median(timings)
        medians.append(median)
        print(f"  {url:<45} median {median:6.0f} ms   slowest {max(timings):6.0f} ms")
    print(f"  slowest page median: {max(medians):.0f} ms")

    latest = MortalityRecord.objects.order_by("-year_of_death", "-month_of_death").first()
    financial_year = (latest.year_of_death if latest.month_of_death >= 4 else latest.year_of_death - 1) - 1
    begun = time.perf_counter()
    release, content = publish_release(audit.Actor.system("benchmark"), financial_year, workdir / "release")
    print(
        f"release {release.label}: {content.deaths:,} deaths, {len(content.tables)} CSV tables, HTML and "
        f"{len(content.pdf) / 1024:.0f} KB PDF in {time.perf_counter() - begun:.1f} s (aim: under 60 s)"
    )
    print(f"(working files in {workdir})")


if __name__ == "__main__":
    main()
