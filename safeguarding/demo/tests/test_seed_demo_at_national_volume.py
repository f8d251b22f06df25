"""`seed_demo` with a national repository (DEMO_REPOSITORY_REPORTS=10000) completes, through the real command
on a database of its own. Once it hung for more than half an hour in one statement PostgreSQL's JIT compiled.

It takes minutes, so it runs only when asked for, on PostgreSQL: `make test-national` (or
`NATIONAL_VOLUME_TESTS=1 pytest -m national_volume` with DATABASE_URL naming PostgreSQL). The step that hung
is also tested in every run, at the same volume, by
`learning/repository/tests/test_codes_import_at_national_volume.py`.
"""

import os
import subprocess
import sys

import psycopg
import pytest
from django.conf import settings

from safeguarding.core.tests import processes
from safeguarding.learning.repository import demo
from safeguarding.learning.repository.synthetic import SOURCE_KEY_PREFIX

REPORTS = 10_000
pytestmark = [
    pytest.mark.national_volume,
    pytest.mark.skipif(
        os.environ.get("NATIONAL_VOLUME_TESTS") != "1" or not processes.on_postgres(),
        reason="minutes at national volume: set NATIONAL_VOLUME_TESTS=1 and DATABASE_URL to PostgreSQL",
    ),
]


@pytest.fixture
def database_url():
    with processes.scratch_database("seed_demo_national") as name:
        yield processes.database_url(name)


def _manage(*args, url, timeout):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.local",
        "DATABASE_URL": url,
        "DEMO_REPOSITORY_REPORTS": str(REPORTS),
        "LOG_LEVEL": "WARNING",
    }
    return subprocess.run(  # noqa: S603 (our own manage.py, fixed arguments)
        [sys.executable, "manage.py", *args], cwd=settings.BASE_DIR, env=env,
        capture_output=True, text=True, check=False, timeout=timeout,
    )  # fmt: skip


def test_seed_demo_completes_with_ten_thousand_repository_reports(database_url):
    for step in (("migrate", "--no-input"), ("createcachetable",), ("load_reference_data",)):
        done = _manage(*step, url=database_url, timeout=600)
        assert done.returncode == 0, done.stderr[-2000:]

    seeded = _manage("seed_demo", url=database_url, timeout=60 * 60)

    assert seeded.returncode == 0, seeded.stderr[-2000:]
    with psycopg.connect(database_url) as db, db.cursor() as cursor:
        cursor.execute(
            "SELECT COUNT(*) FROM repository_repositoryentry WHERE source_key LIKE %s", [f"{SOURCE_KEY_PREFIX}%"]
        )
        synthetic_reports = cursor.fetchone()[0]
        cursor.execute(
            "SELECT COUNT(*) FROM repository_repositoryfinding finding JOIN repository_repositoryentry entry"
            " ON entry.id = finding.entry_id WHERE finding.coded_at IS NULL AND entry.source_key LIKE %s",
            [f"{SOURCE_KEY_PREFIX}%"],
        )
        uncoded = cursor.fetchone()[0]
    assert synthetic_reports == REPORTS
    assert uncoded == demo.UNCODED  # the corpus's latest findings, left for the coding queue
