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
