from safeguarding.core.tests.authorization import EVERYONE, expect

NATIONAL = {"national:national_analyst", "national:national_administrator"}

PAGE_MATRIX = {
    "mortality:dashboard": ("GET", expect(NATIONAL)),
    "mortality:page": ("GET", expect(NATIONAL)),
    "mortality:hazards": ("GET", expect(NATIONAL)),
    "mortality:table-csv": ("GET", expect(NATIONAL)),
    "mortality:releases": ("GET", expect(NATIONAL)),
    "statistics:releases": ("GET", expect(EVERYONE)),
    "statistics:release": ("GET", expect(EVERYONE)),
    "statistics:release-pdf": ("GET", expect(EVERYONE)),
    "statistics:release-csv": ("GET", expect(EVERYONE)),
}
POST_ALLOWED = {"mortality:releases": NATIONAL}


def _release():
    from django.utils import timezone

    from safeguarding.mortality.models import Release

    release, _ = Release.objects.get_or_create(
        financial_year=2025,
        defaults={
            "title": "Child deaths in England: year ending 31 March 2026",
            "html": '<p class="govuk-body">Release.</p>',
            "pdf": b"%PDF-1.4",
            "tables": {"2025-26-age.csv": "Age at death,Deaths\nAll,3500\n"},
            "deaths": 3500,
            "published_at": timezone.now(),
        },
    )
    return release


def url_kwargs(world):
    _release()
    return {
        "statistics:release": {"year": "2025-26"},
        "statistics:release-pdf": {"year": "2025-26"},
        "statistics:release-csv": {"year": "2025-26", "name": "2025-26-age"},
        "mortality:page": {"page": "trends"},
        "mortality:table-csv": {"table": "age-band"},
    }
