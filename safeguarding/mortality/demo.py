"""Demo data for the national child mortality database: the demo's own child deaths, a synthetic national
dataset at national volume over several years (settings.DEMO_MORTALITY_YEARS and DEMO_MORTALITY_SCALE) so that
the dashboards show England's picture, and a published statistical release for the latest complete year."""

from django.conf import settings
from django.utils import timezone

from safeguarding.core import audit

from .actions.ingest import sync_from_child_deaths
from .actions.releases import publish_release
from .actions.seeding import seed_national
from .models import MortalityRecord, Origin, Release, financial_year_of
from .releases.build import NoDataError
from .synthetic import DEATHS_PER_YEAR

SEED = 2026


def _synthetic_is_thin(years, scale):
    """True when the synthetic table holds clearly fewer deaths than the demo asks for: a database seeded when
    the demo made a tenth of national volume over two years is brought up to date."""
    expected = DEATHS_PER_YEAR[0] * years * scale
    return MortalityRecord.objects.filter(origin=Origin.SYNTHETIC).count() < 0.9 * expected


def latest_complete_financial_year(today):
    """The last April-to-March year that ended before `today`."""
    return financial_year_of(today.year, today.month) - 1


def seed_demo_mortality(report, *, today=None):
    """Idempotent: synthetic records are made once (again only if an older demo left them thin), the sync only
    adds new deaths, and the latest complete year's release is published once."""
    today = today or timezone.localdate()
    actor = audit.Actor.system("seed_demo")
    created, _, _ = sync_from_child_deaths(actor)
    for _ in range(created):
        report.count("national child death records from reviews", True)
    report.count("national child death records from reviews", False)
    years, scale = settings.DEMO_MORTALITY_YEARS, settings.DEMO_MORTALITY_SCALE
    if _synthetic_is_thin(years, scale):
        result = seed_national(actor, years, seed=SEED, today=today, scale=scale)
        for _ in range(result.created):
            report.count("synthetic national child death records", True)
    else:
        report.count("synthetic national child death records", False)
    _publish_latest_release(actor, today, report)


def _publish_latest_release(actor, today, report):
    financial_year = latest_complete_financial_year(today)
    if Release.objects.filter(financial_year=financial_year).exists():
        report.count("statistics releases", False)
        return
    try:
        publish_release(actor, financial_year)
    except NoDataError:
        report.count("statistics releases", False)
        return
    report.count("statistics releases", True)
