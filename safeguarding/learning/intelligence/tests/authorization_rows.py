import datetime

from safeguarding.core.tests.authorization import expect
from safeguarding.learning.intelligence.models import RecurrenceAlert
from safeguarding.learning.repository.models import Theme

NATIONAL = {"national:national_analyst", "national:national_administrator"}
ANALYSTS = {"national:national_analyst"}

PAGE_MATRIX = {
    "intelligence:dashboard": ("GET", expect(NATIONAL)),
    "intelligence:alerts": ("GET", expect(NATIONAL)),
    "intelligence:alert": ("GET", expect(NATIONAL)),
    "intelligence:repetition": ("GET", expect(NATIONAL)),
    # POST only (the "Check for recurrence now" button).
    "intelligence:check": ("POST", expect(ANALYSTS)),
}
POST_ALLOWED = {
    "intelligence:check": ANALYSTS,
    "intelligence:alert": ANALYSTS,
}


def url_kwargs(world):
    alert = RecurrenceAlert.objects.create(
        theme=Theme.objects.get(slug="neglect"),
        window_start=datetime.date(2024, 11, 27),
        window_end=datetime.date(2026, 11, 26),
        report_count=5,
        area_count=3,
        minimum_reports=5,
        minimum_areas=3,
        window_months=24,
        raised_on=datetime.date(2026, 11, 26),
    )
    return {"intelligence:alert": {"pk": alert.pk}}
