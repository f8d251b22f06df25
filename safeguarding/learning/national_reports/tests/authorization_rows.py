import datetime

from django.utils import timezone

from safeguarding.core.tests.authorization import EVERYONE, expect
from safeguarding.learning.national_reports.models import AnnualReport, ReportStatus

NATIONAL = {"national:national_analyst", "national:national_administrator"}
ADMINISTRATOR = {"national:national_administrator"}
DRAFT_YEAR, PUBLISHED_YEAR = 2025, 2024

PAGE_MATRIX = {
    "national_reports:list": ("GET", expect(NATIONAL)),
    "national_reports:edit": ("GET", expect(NATIONAL)),
    "national_reports:preview": ("GET", expect(NATIONAL)),
    "national_reports:publish": ("GET", expect(ADMINISTRATOR)),
    "national_reports:published-list": ("GET", expect(EVERYONE)),
    "national_reports:published": ("GET", expect(EVERYONE)),
    "national_reports:published-pdf": ("GET", expect(EVERYONE)),
    "national_reports:themes": ("GET", expect(EVERYONE)),
    "national_reports:theme": ("GET", expect(EVERYONE)),
}
POST_ALLOWED = {
    "national_reports:list": NATIONAL,
    "national_reports:edit": NATIONAL,
    "national_reports:publish": ADMINISTRATOR,
}


def url_kwargs(world):
    now = timezone.now()
    AnnualReport.objects.create(year=DRAFT_YEAR, assembled_at=now, data={"assembled_on": "2026-01-05"})
    AnnualReport.objects.create(
        year=PUBLISHED_YEAR,
        assembled_at=now,
        data={"assembled_on": "2025-01-06"},
        status=ReportStatus.PUBLISHED,
        published_on=datetime.date(2025, 2, 3),
        lessons_for_government="Fund the national body",
    )
    return {
        "national_reports:edit": {"year": DRAFT_YEAR},
        "national_reports:preview": {"year": DRAFT_YEAR},
        "national_reports:publish": {"year": DRAFT_YEAR},
        "national_reports:published": {"year": PUBLISHED_YEAR},
        "national_reports:published-pdf": {"year": PUBLISHED_YEAR},
        "national_reports:theme": {"slug": "neglect"},
    }
