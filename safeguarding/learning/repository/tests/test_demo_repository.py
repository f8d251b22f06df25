"""The demo repository: the synthetic corpus through `receive`, coded by the demo analyst, seeded once."""

import pytest
from django.conf import settings

from safeguarding.demo import world
from safeguarding.demo.seeding import SeedReport
from safeguarding.learning.repository import demo
from safeguarding.learning.repository.models import FindingTheme, RepositoryEntry, RepositoryFinding
from safeguarding.organisations.factories import person_with_role
from safeguarding.organisations.models import Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def analyst(db):
    person = next(p for p in world.NATIONAL_PEOPLE if p.role == Role.NATIONAL_ANALYST)
    return person_with_role(Role.NATIONAL_ANALYST, email=world.demo_email(person))


def test_seeds_the_corpus_coded_with_recent_findings_left_for_the_queue(analyst):
    report = demo.seed_demo_repository(SeedReport())
    assert RepositoryEntry.objects.count() == settings.DEMO_REPOSITORY_REPORTS
    findings = RepositoryFinding.objects.all()
    uncoded = findings.filter(coded_at__isnull=True)
    assert uncoded.count() == demo.UNCODED
    latest_coded = findings.filter(coded_at__isnull=False).order_by("-entry__published_on").first()
    assert min(f.entry.published_on for f in uncoded) >= latest_coded.entry.published_on
    through_platform = findings.exclude(suggestions_at_coding={})
    assert through_platform.count() == demo.PLATFORM_CODED
    assert set(findings.filter(coded_at__isnull=False).values_list("coded_by", flat=True)) == {analyst.pk}
    assert FindingTheme.objects.filter(finding__in=through_platform, was_suggested=True).exists()
    assert report.created["repository entries"] == settings.DEMO_REPOSITORY_REPORTS


def test_seeding_twice_creates_nothing(analyst):
    demo.seed_demo_repository(SeedReport())
    counts = (RepositoryEntry.objects.count(), RepositoryFinding.objects.count(), FindingTheme.objects.count())
    again = demo.seed_demo_repository(SeedReport())
    assert (RepositoryEntry.objects.count(), RepositoryFinding.objects.count(), FindingTheme.objects.count()) == counts
    assert again.created["repository entries"] == 0


def test_codes_are_imported_in_statements_of_a_bounded_size(analyst):
    """A national corpus (10,000 reports, ~40,000 findings) is coded in many small statements, never one
    UPDATE with a CASE branch per finding (which PostgreSQL's JIT compiles for half an hour): the findings coded
    at one moment share a plain UPDATE of at most the batch's size."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from safeguarding.learning.repository.factories import make_entry
    from safeguarding.learning.repository.models import Theme

    entries = [make_entry(findings=[("What happened.", "Why.")] * 4) for _ in range(3)]
    pairs = [(finding, ["neglect"]) for entry in entries for finding in entry.current_findings()]
    themes = {theme.slug: theme for theme in Theme.objects.all()}
    with CaptureQueriesContext(connection) as queries:
        demo.import_codes(pairs, analyst, themes, batch_size=5)
    updates = [q["sql"] for q in queries if q["sql"].startswith('UPDATE "repository_repositoryfinding"')]
    inserts = [q["sql"] for q in queries if q["sql"].startswith('INSERT INTO "repository_findingtheme"')]
    assert len(updates) == 3 and len(inserts) == 3  # 12 findings and 12 codes, 5 to a statement
    assert not any(" WHEN " in sql for sql in updates)
    assert RepositoryFinding.objects.filter(coded_at__isnull=False, coded_by=analyst).count() == 12
    assert FindingTheme.objects.filter(theme__slug="neglect").count() == 12


def test_imported_codes_are_dated_by_each_report_some_weeks_after_publication(analyst):
    import datetime

    from safeguarding.learning.repository.factories import make_entry
    from safeguarding.learning.repository.models import Theme

    spring = make_entry(published_on=datetime.date(2026, 3, 2), findings=[("What happened.", "Why.")] * 2)
    summer = make_entry(published_on=datetime.date(2026, 7, 1))
    pairs = [(finding, ["neglect"]) for entry in (spring, summer) for finding in entry.current_findings()]
    demo.import_codes(pairs, analyst, {theme.slug: theme for theme in Theme.objects.all()})

    coded_at = dict(RepositoryFinding.objects.values_list("entry_id", "coded_at").distinct())
    assert coded_at == {
        spring.pk: datetime.datetime(2026, 4, 6, 10, tzinfo=datetime.UTC),
        summer.pk: datetime.datetime(2026, 8, 5, 10, tzinfo=datetime.UTC),
    }
