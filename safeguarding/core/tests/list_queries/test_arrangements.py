"""List pages of multi-agency arrangements, local and national, and the public list of published arrangements.
The table of every list page and its test is in this package's __init__.py."""

import datetime

import pytest
from django.utils import timezone

from safeguarding.arrangements.actions import drafts
from safeguarding.arrangements.actions.meetings import record_meeting
from safeguarding.arrangements.factories import local_authority, partnership
from safeguarding.arrangements.models import (
    ArrangementsVersion,
    Engagement,
    FundingContribution,
    OutcomeMeasure,
    OutcomeValue,
    RelevantAgency,
    ScrutinyActivity,
    VersionStatus,
    YearlyReport,
)
from safeguarding.organisations.factories import OrganisationFactory, SafeguardingAreaFactory, person_with_role
from safeguarding.organisations.models import OrganisationKind, Region, Role

from .helpers import rows_of, same_for_more_rows

pytestmark = pytest.mark.django_db


def _published_area(number):
    """An area of its own local authority (with its children) whose first arrangements are published."""
    region = Region.objects.get_or_create(code="E12000099", defaults={"name": "Test region"})[0]
    area = SafeguardingAreaFactory()
    area.local_authorities.add(local_authority(f"E0699{number:04d}", f"Authority {number}", region, children=9_000))
    admin = person_with_role(Role.AREA_ADMINISTRATOR, area)
    version = drafts.start_draft(admin, area)
    ArrangementsVersion.objects.filter(pk=version.pk).update(
        status=VersionStatus.PUBLISHED, published_at=timezone.now(), published_by=admin
    )
    return area


@pytest.mark.parametrize("url", ["/arrangements/", "/arrangements/national/transition/"])
def test_areas_nationally(client, sign_in, url):
    sign_in(person_with_role(Role.NATIONAL_ANALYST))
    same_for_more_rows(client, url, rows_of(_published_area))


def test_transition_csv(client, sign_in):
    sign_in(person_with_role(Role.NATIONAL_ANALYST))
    same_for_more_rows(client, "/arrangements/national/transition.csv", rows_of(_published_area))


def test_published_list(client):
    same_for_more_rows(client, "/published/", rows_of(_published_area))


def test_national_funding(client, sign_in):
    analyst = person_with_role(Role.NATIONAL_ANALYST)
    sign_in(analyst)

    def funded_area(number):
        area = _published_area(number)
        return FundingContribution.objects.create(
            area=area, organisation=OrganisationFactory(), year=2026, money=1000 + number, recorded_by=analyst
        )

    same_for_more_rows(client, "/arrangements/national/funding/", rows_of(funded_area))


def test_funding_of_an_area(client, sign_in, area):
    partners = partnership(area)
    sign_in(partners.administrator)

    def contribution(number):
        organisation = OrganisationFactory()
        area.partners.add(organisation)
        return FundingContribution.objects.create(
            area=area, organisation=organisation, year=2020 + number % 4, money=1000, recorded_by=partners.administrator
        )

    same_for_more_rows(client, f"/arrangements/{area.slug}/funding/", rows_of(contribution))


def test_yearly_reports_of_an_area(client, sign_in, area):
    partners = partnership(area)
    sign_in(partners.administrator)

    def report(number):
        return YearlyReport.objects.create(area=area, year=2000 + number, created_by=partners.administrator)

    same_for_more_rows(client, f"/arrangements/{area.slug}/reports/", rows_of(report))


def _meetings(partners):
    def meeting(number):
        attendance = {partners.agency: 2, partners.council_lco.memberships.get().organisation: 1}
        return record_meeting(
            partners.administrator,
            partners.area,
            title=f"Partnership board {number}",
            kind="board",
            held_on=datetime.date(2026, 1, 1) + datetime.timedelta(days=7 * number),
            hours=2,
            attendance=attendance,
        )

    return rows_of(meeting)


def test_meetings_of_an_area(client, sign_in, area):
    partners = partnership(area)
    sign_in(partners.administrator)
    same_for_more_rows(client, f"/arrangements/{area.slug}/meetings/", _meetings(partners))


def test_agency_burden(client, sign_in, area):
    """The burden page lists the areas where the agency's people meet: each row a meeting in another area."""
    partners = partnership(area)
    council = partners.council_lco.memberships.get().organisation
    sign_in(partners.council_lco)

    def meeting_in_another_area(number):
        other = SafeguardingAreaFactory()
        other.partners.add(council)
        return record_meeting(
            person_with_role(Role.AREA_ADMINISTRATOR, other, organisation=council),
            other,
            title=f"Partnership board {number}",
            kind="board",
            held_on=datetime.date(2026, 6, 1),
            hours=2,
            attendance={council: 2},
        )

    same_for_more_rows(client, "/arrangements/agency-burden/", rows_of(meeting_in_another_area))


def test_effectiveness_of_an_area(client, sign_in, area):
    partners = partnership(area)
    editor = partners.administrator
    sign_in(editor)

    def scrutiny_measure_and_engagement(number):
        ScrutinyActivity.objects.create(
            area=area,
            kind="inspection",
            title=f"Inspection {number}",
            carried_out_on=datetime.date(2026, 5, 1),
            carried_out_by="Inspectorates",
            findings="Findings",
            recorded_by=editor,
        )
        Engagement.objects.create(
            area=area,
            held_on=datetime.date(2026, 4, 1),
            activity=f"Young people's forum {number}",
            participants="Twelve young people",
            recorded_by=editor,
        )
        measure = OutcomeMeasure.objects.create(area=area, name=f"Measure {number}", unit="%", recorded_by=editor)
        for month in (3, 6):
            OutcomeValue.objects.create(
                measure=measure, period_ending=datetime.date(2026, month, 30), value=10 + month, recorded_by=editor
            )
        return measure

    same_for_more_rows(client, f"/arrangements/{area.slug}/effectiveness/", rows_of(scrutiny_measure_and_engagement))


def _versions(partners):
    """add_rows of arrangements versions of the area: each published, superseding the one before."""

    def version(number):
        draft = drafts.start_draft(partners.administrator, partners.area)
        ArrangementsVersion.objects.filter(area=partners.area, status=VersionStatus.PUBLISHED).update(
            status=VersionStatus.SUPERSEDED
        )
        ArrangementsVersion.objects.filter(pk=draft.pk).update(
            status=VersionStatus.PUBLISHED, published_at=timezone.now(), published_by=partners.administrator
        )
        return draft

    return rows_of(version)


def test_versions_of_an_area(client, sign_in, area):
    partners = partnership(area)
    sign_in(partners.administrator)
    same_for_more_rows(client, f"/arrangements/{area.slug}/", _versions(partners))


def test_published_versions_of_an_area(client, area):
    same_for_more_rows(client, f"/published/{area.slug}/", _versions(partnership(area)))


def test_relevant_agencies_of_a_draft(client, sign_in, area):
    partners = partnership(area)
    sign_in(partners.administrator)
    draft = drafts.start_draft(partners.administrator, area)

    def agency(number):
        organisation = OrganisationFactory(kind=OrganisationKind.SCHOOL, name=f"Academy Trust {number}")
        area.partners.add(organisation)
        return RelevantAgency.objects.create(document=draft, organisation=organisation, role="Designated leads")

    same_for_more_rows(client, f"/arrangements/{area.slug}/versions/{draft.number}/", rows_of(agency))
