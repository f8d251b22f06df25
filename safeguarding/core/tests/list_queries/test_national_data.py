"""List pages of the national child mortality database and its releases, and of onboarding areas, panels and
organisations. The table of every list page and its test is in this package's __init__.py."""

import datetime

import pytest
from django.utils import timezone

from safeguarding.arrangements.factories import local_authority
from safeguarding.child_deaths.factories import PanelFactory
from safeguarding.child_deaths.models.vocabulary import Category, Modifiable
from safeguarding.mortality.factories import MortalityRecordFactory
from safeguarding.mortality.models import Release
from safeguarding.mortality.tables import BUILDERS
from safeguarding.mortality.views.dashboard import PAGES
from safeguarding.onboarding.models import AreaChange
from safeguarding.organisations.factories import OrganisationFactory, SafeguardingAreaFactory, person_with_role
from safeguarding.organisations.models import Region, Role

from .helpers import rows_of, same_for_more_rows

pytestmark = pytest.mark.django_db


def _release(number):
    return Release.objects.create(
        financial_year=2000 + number,
        title=f"Child deaths in England, {2000 + number} to {2001 + number}",
        html="<p>Release</p>",
        pdf=b"%PDF",
        tables={"deaths.csv": "a,b\n1,2\n"},
        deaths=3000,
        published_at=timezone.now(),
    )


def test_releases_to_publish(client, sign_in):
    sign_in(person_with_role(Role.NATIONAL_ANALYST))
    same_for_more_rows(client, "/mortality/releases/", rows_of(_release))


def test_published_releases(client):
    same_for_more_rows(client, "/statistics/", rows_of(_release))


def _reviewed_death(number):
    """A death in the national database, reviewed, in one of five years, so that every table and chart has it."""
    return MortalityRecordFactory(
        year_of_death=2020 + number % 5,
        reviewed=True,
        category=Category.INFECTION if number % 2 else Category.SUDDEN_UNEXPLAINED,
        modifiable=Modifiable.YES if number % 2 else Modifiable.NO,
        days_to_review=100 + number,
    )


@pytest.mark.parametrize(
    "url",
    [
        "/mortality/",
        "/mortality/hazards/",
        *[f"/mortality/{page}/" for page in PAGES],
        *[f"/mortality/tables/{table}.csv" for table in BUILDERS],
    ],
)
def test_mortality_dashboard(client, sign_in, url):
    sign_in(person_with_role(Role.NATIONAL_ANALYST))
    same_for_more_rows(client, url, rows_of(_reviewed_death))


def _area_of_its_own_authority(number):
    region = Region.objects.get_or_create(code="E12000099", defaults={"name": "Test region"})[0]
    area = SafeguardingAreaFactory()
    area.local_authorities.add(local_authority(f"E0699{number:04d}", f"Authority {number}", region, children=9_000))
    return area


def test_areas_to_onboard(client, sign_in):
    sign_in(person_with_role(Role.NATIONAL_ADMINISTRATOR))

    def area_in_a_panel(number):
        area = _area_of_its_own_authority(number)
        PanelFactory(areas=[area])
        return area

    same_for_more_rows(client, "/onboarding/areas/", rows_of(area_in_a_panel))


def test_panels_to_onboard(client, sign_in):
    sign_in(person_with_role(Role.NATIONAL_ADMINISTRATOR))
    same_for_more_rows(
        client, "/onboarding/panels/", rows_of(lambda n: PanelFactory(areas=[_area_of_its_own_authority(n)]))
    )


@pytest.mark.parametrize("url", ["/onboarding/organisations/?q=Trust", "/onboarding/organisations/search.json?q=Trust"])
def test_organisation_search(client, sign_in, url):
    sign_in(person_with_role(Role.NATIONAL_ADMINISTRATOR))

    def organisation(number):
        found = OrganisationFactory(name=f"Example Trust {number}")
        found.safeguarding_areas.add(SafeguardingAreaFactory())
        return found

    same_for_more_rows(client, url, rows_of(organisation))


def test_history_of_an_area(client, sign_in, area):
    sign_in(person_with_role(Role.NATIONAL_ADMINISTRATOR))

    def change(number):
        return AreaChange.objects.create(
            area=area,
            kind=AreaChange.Kind.HEALTH_BODY_CHANGED,
            effective_on=datetime.date(2026, 1, 1) + datetime.timedelta(days=number),
            description=f"Health body {number} took over",
            organisation=OrganisationFactory(),
            made_by=person_with_role(Role.NATIONAL_ADMINISTRATOR),
        )

    same_for_more_rows(client, f"/onboarding/areas/{area.slug}/", rows_of(change))
