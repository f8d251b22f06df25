import pytest

from safeguarding.demo.seeding import SeedReport
from safeguarding.learning.national_reports.demo import seed_demo_national_reports
from safeguarding.learning.national_reports.models import AnnualReport

pytestmark = pytest.mark.django_db


def test_demo_publishes_2025_drafts_2026_and_creates_nothing_the_second_time():
    first = SeedReport()
    seed_demo_national_reports(first)
    assert first.created == {"annual reports": 2}
    assert dict(AnnualReport.objects.values_list("year", "status")) == {2025: "published", 2026: "draft"}
    second = SeedReport()
    seed_demo_national_reports(second)
    assert second.created == {"annual reports": 0}
    assert AnnualReport.objects.count() == 2
