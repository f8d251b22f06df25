"""Coding a national corpus on import: 10,000 reports and 40,000 findings coded in one go, as `seed_demo` does
with DEMO_REPOSITORY_REPORTS=10000. This step once sent one UPDATE with a CASE branch per finding, which
PostgreSQL's JIT compiled for half an hour; it must complete, in statements of a bounded size, on the database
the suite runs on (PostgreSQL in CI)."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from safeguarding.demo import world
from safeguarding.learning.repository import demo
from safeguarding.learning.repository.models import (
    EntryKind,
    FindingTheme,
    RepositoryEntry,
    RepositoryFinding,
    Theme,
)
from safeguarding.organisations.factories import person_with_role
from safeguarding.organisations.models import Role

pytestmark = pytest.mark.django_db
REPORTS, FINDINGS_EACH = 10_000, 4


def _national_corpus():
    """10,000 entries of four findings each, written directly: what is measured is the coding, not the intake
    (which `test_demo_repository` covers through `receive`)."""
    first = datetime.date(2017, 1, 2)
    entries = RepositoryEntry.objects.bulk_create(
        [
            RepositoryEntry(
                reference=f"NV-{number:05d}",
                source_key=f"import:national-volume-{number}",
                kind=EntryKind.LLI_REPORT,
                title=f"Learning from the case of Child {number}",
                summary="A summary of the learning.",
                area_name=f"Area {number % 150} Safeguarding Partnership",
                published_on=first + datetime.timedelta(days=number % 3000),
                added_on=first + datetime.timedelta(days=number % 3000 + 21),
                content_hash=f"{number:064d}",
            )
            for number in range(REPORTS)
        ],
        batch_size=2000,
    )
    findings = RepositoryFinding.objects.bulk_create(
        [
            RepositoryFinding(entry=entry, position=position, what_happened="The baby was often hungry.", why="")
            for entry in entries
            for position in range(1, FINDINGS_EACH + 1)
        ],
        batch_size=2000,
    )
    return findings


def test_forty_thousand_findings_are_coded_in_bounded_statements():
    analyst_person = next(p for p in world.NATIONAL_PEOPLE if p.role == Role.NATIONAL_ANALYST)
    analyst = person_with_role(Role.NATIONAL_ANALYST, email=world.demo_email(analyst_person))
    findings = _national_corpus()
    themes = {theme.slug: theme for theme in Theme.objects.all()}
    pairs = [
        (finding, ["neglect", "information-sharing"] if finding.position == 1 else ["neglect"]) for finding in findings
    ]

    with CaptureQueriesContext(connection) as queries:
        demo.import_codes(pairs, analyst, themes)

    updates = [q["sql"] for q in queries if q["sql"].startswith('UPDATE "repository_repositoryfinding"')]
    # At most IMPORT_BATCH rows a statement (fewer where the database caps a statement's parameters, as SQLite does).
    assert len(updates) >= REPORTS * FINDINGS_EACH // demo.IMPORT_BATCH
    assert max(sql.count(" WHEN ") for sql in updates) <= 2 * demo.IMPORT_BATCH  # two fields, a branch per row
    assert RepositoryFinding.objects.filter(coded_at__isnull=False, coded_by=analyst).count() == 40_000
    assert FindingTheme.objects.count() == 40_000 + REPORTS
    assert FindingTheme.objects.filter(theme__slug="information-sharing").count() == REPORTS
