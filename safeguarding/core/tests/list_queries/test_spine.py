"""List pages of the spine: people, invitations, tokens, children, notifications, jobs, audit, returns, the API's
areas. The table of every list page and its test is in this package's __init__.py."""

import pytest
from django.utils import timezone

from safeguarding.api.models import Scope
from safeguarding.core import audit
from safeguarding.core.clocks.models import ClockPolicy, ClockUnit, PolicySetting
from safeguarding.incidents.factories import child_of, make_incident
from safeguarding.jobs.models import JobRun, RunStatus, Trigger
from safeguarding.notifications.models import EmailStatus, Kind, Notification, OutgoingEmail
from safeguarding.organisations.factories import MembershipFactory, SafeguardingAreaFactory, person_with_role
from safeguarding.organisations.models import Invitation, Role
from safeguarding.organisations.models.invitations import hash_token

from .helpers import nhs_number, rows_of, same_for_more_rows, with_token

pytestmark = pytest.mark.django_db


def test_home_page_tasks(client, sign_in, area):
    sign_in(person_with_role(Role.RAPID_INQUIRY_LEAD, area))
    same_for_more_rows(client, "/home/", rows_of(lambda n: make_incident(area)))


def test_children(client, sign_in, area):
    sign_in(person_with_role(Role.PRACTITIONER, area))
    same_for_more_rows(client, "/children/", rows_of(lambda n: child_of(area, nhs_number=nhs_number(n))))


@pytest.mark.parametrize("filters", ["", "?role=practitioner"])
def test_people(client, sign_in, area, filters):
    admin = person_with_role(Role.AREA_ADMINISTRATOR, area)
    organisation = admin.memberships.get().organisation
    sign_in(admin)

    def person(number):
        return MembershipFactory(area=area, organisation=organisation, role=Role.PRACTITIONER).user

    same_for_more_rows(client, f"/people/{filters}", rows_of(person))


def test_invitations(client, sign_in, area):
    admin = person_with_role(Role.AREA_ADMINISTRATOR, area)
    organisation = admin.memberships.get().organisation
    sign_in(admin)

    def invitation(number):
        return Invitation.objects.create(
            email=f"invitee{number}@example.org",
            full_name=f"Invitee {number}",
            organisation=organisation,
            area=area,
            role=Role.PRACTITIONER,
            token_hash=hash_token(f"token-{number}"),
            invited_by=admin,
        )

    same_for_more_rows(client, "/people/invitations/", rows_of(invitation))


def test_api_tokens(client, sign_in, area):
    from safeguarding.api.factories import make_token

    sign_in(person_with_role(Role.NATIONAL_ADMINISTRATOR))
    same_for_more_rows(client, "/api-tokens/", rows_of(lambda n: make_token(areas=[area], name=f"System {n}")))


def _audit_events(number):
    audit.record(audit.Actor.system("tests"), "test.happened", ("test.thing", number, f"Thing {number}"))


@pytest.mark.parametrize("url", ["/audit/", "/audit/export.csv"])
def test_audit(client, sign_in, url):
    sign_in(person_with_role(Role.NATIONAL_ADMINISTRATOR))
    same_for_more_rows(client, url, rows_of(_audit_events))


def test_notifications(client, sign_in, area):
    person = person_with_role(Role.PRACTITIONER, area)
    sign_in(person)

    def notification(number):
        return Notification.objects.create(
            recipient=person,
            kind=Kind.INCIDENT_NOTIFIED,
            reference=f"SI-{number:05d}",
            text=f"Serious incident SI-{number:05d} was notified",
            link="/home/",
            area=area,
            event_key=f"list-{number}",
        )

    same_for_more_rows(client, "/notifications/", rows_of(notification))


def test_failed_emails(client, sign_in, area):
    sign_in(person_with_role(Role.AREA_ADMINISTRATOR, area))

    def email(number):
        return OutgoingEmail.objects.create(
            address=f"contact{number}@agency.example.org",
            kind=Kind.SUMMARY_REMINDER,
            reference=f"SI-{number:05d}",
            area=area,
            event={"kind": Kind.SUMMARY_REMINDER, "reference": f"SI-{number:05d}"},
            event_key=f"list-{number}",
            status=EmailStatus.FAILED,
            attempts=5,
        )

    same_for_more_rows(client, "/notifications/emails/failed/", rows_of(email))


def test_jobs(client, sign_in):
    admin = person_with_role(Role.NATIONAL_ADMINISTRATOR)
    sign_in(admin)

    def run(number):
        return JobRun.objects.create(
            job="clock-sweep",
            period=f"2026-10-{number + 1:02d}",
            trigger=Trigger.MANUAL if number % 2 else Trigger.SCHEDULE,
            requested_by=admin if number % 2 else None,
            status=RunStatus.SUCCEEDED,
            finished_at=timezone.now(),
        )

    same_for_more_rows(client, "/jobs/", rows_of(run))


def test_api_areas(client, area):
    from safeguarding.api.models import ApiToken

    with_token(client, area, Scope.AREAS_READ)
    token = ApiToken.objects.get()

    def covered_area(number):
        covered = SafeguardingAreaFactory()
        token.areas.add(covered)
        covered.partners.add(token.organisation)
        return covered

    same_for_more_rows(client, "/api/v1/areas", rows_of(covered_area))


def test_returns(client, sign_in, area):
    from safeguarding.child_deaths.actions.reports import request_report
    from safeguarding.child_deaths.factories import PanelFactory, notify
    from safeguarding.returns.actions import request_return

    PanelFactory(areas=[area])
    manager = person_with_role(Role.PANEL_MANAGER, area)
    manager.is_verified = lambda: True
    agency = person_with_role(Role.PRACTITIONER, area).memberships.get().organisation
    sign_in(manager)

    def link(number):
        case = notify(area, nhs_number=nhs_number(number)).case
        report = request_report(manager, case, organisation=agency, contexts=[])
        return request_return(manager, report, contact_name=f"Dr {number}", contact_email=f"dr{number}@gp.example")

    same_for_more_rows(client, "/returns/", rows_of(link))


def test_roles_of_a_person(client, sign_in):
    sign_in(person_with_role(Role.NATIONAL_ADMINISTRATOR))
    person = person_with_role(Role.PRACTITIONER, SafeguardingAreaFactory())

    def role_in_another_area(number):
        return MembershipFactory(user=person, area=SafeguardingAreaFactory(), role=Role.PRACTITIONER)

    same_for_more_rows(client, f"/people/{person.pk}/", rows_of(role_in_another_area))


def test_policy_table(client, sign_in):
    admin = person_with_role(Role.NATIONAL_ADMINISTRATOR)
    sign_in(admin)

    def clock_and_setting(number):
        PolicySetting.objects.create(key=f"test-setting-{number}", name=f"Setting {number}", value=5, updated_by=admin)
        return ClockPolicy.objects.create(
            key=f"test-clock-{number}",
            name=f"Clock {number}",
            starts_from="When the test starts",
            amount=5,
            unit=ClockUnit.WORKING_DAYS,
            updated_by=admin,
        )

    same_for_more_rows(client, "/policy/", rows_of(clock_and_setting))
