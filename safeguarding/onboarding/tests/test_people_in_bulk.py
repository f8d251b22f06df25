"""Invitations from a CSV file: the dry run row by row, bad rows named, sending, and a re-run inviting nobody
twice; deactivating a person ends all their roles at once."""

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from safeguarding.core.models import AuditEvent
from safeguarding.onboarding.actions.people import Outcome, check_rows, deactivate_person, send_invitations
from safeguarding.organisations.factories import MembershipFactory, OrganisationFactory, UserFactory, person_with_role
from safeguarding.organisations.models import Invitation, Membership, OrganisationKind, Role

pytestmark = pytest.mark.django_db

URL = lambda token: f"https://example.org/invitations/#{token}"  # noqa: E731


@pytest.fixture
def admin(area):
    council = OrganisationFactory(kind=OrganisationKind.LOCAL_AUTHORITY, name="Tees Council", code="E06000001")
    school = OrganisationFactory(kind=OrganisationKind.SCHOOL, name="Hill Primary", code="123456")
    area.partners.add(council, school)
    return person_with_role(Role.AREA_ADMINISTRATOR, area, organisation=council)


GOOD = "email,name,organisation,role\n" + "\n".join(
    f"person{n}@example.org,Person {n},{'E06000001' if n % 2 else 'Hill Primary'},Practitioner" for n in range(20)
)
BAD = """Email,Name,Organisation,Role
ok@example.org,Olive Ok,Hill Primary,practitioner
not-an-email,No Email,Hill Primary,Practitioner
noname@example.org,,Hill Primary,Practitioner
far@example.org,Far Away,Elsewhere School,Practitioner
boss@example.org,Big Boss,Hill Primary,Chief
nat@example.org,Nat,Hill Primary,National analyst
ok@example.org,Olive Again,Hill Primary,Practitioner
"""


def test_the_dry_run_names_each_bad_rows_problem_and_sends_nothing(admin, area):
    rows = check_rows(admin, area, BAD)
    outcomes = {row.line: (row.outcome, row.problem) for row in rows}
    assert outcomes[2] == (Outcome.INVITE, "")
    assert outcomes[3] == (Outcome.REFUSED, "email: not-an-email is not an email address in the correct format")
    assert outcomes[4] == (Outcome.REFUSED, "name: enter the person's full name")
    assert outcomes[5][1] == f"organisation: Elsewhere School is not a partner of {area.name}"
    assert outcomes[6][1] == "role: Chief is not a role (for example Practitioner)"
    assert "national role" in outcomes[7][1]
    assert outcomes[8][1] == "email: the same person and role appear on an earlier row"
    assert not Invitation.objects.exists()
    assert not mail.outbox


def test_a_file_without_the_columns_is_refused_by_name(admin, area):
    with pytest.raises(ValidationError) as refusal:
        check_rows(admin, area, "email,name\nx@example.org,X\n")
    assert refusal.value.message_dict["file"] == [
        "The file's first row must name the columns email, name, organisation, role: organisation, role missing"
    ]


def test_sending_invites_each_row_once_and_a_rerun_invites_nobody_twice(
    admin, area, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        rows = send_invitations(admin, area, GOOD, accept_url_builder=URL)
    assert sum(row.will_invite for row in rows) == 20
    assert Invitation.objects.filter(area=area).count() == 20
    assert len(mail.outbox) == 20
    # One person accepts meanwhile: on the re-run they hold the role; the others are still invited.
    invitation = Invitation.objects.get(email="person3@example.org")
    MembershipFactory(
        user=UserFactory(email=invitation.email), organisation=invitation.organisation, area=area, role=invitation.role
    )
    invitation.delete()
    with django_capture_on_commit_callbacks(execute=True):
        again = send_invitations(admin, area, GOOD, accept_url_builder=URL)
    assert {row.outcome for row in again} == {Outcome.INVITED, Outcome.HOLDS}
    assert len(mail.outbox) == 20
    assert AuditEvent.objects.filter(verb="invitations.bulk_sent").count() == 2


def test_another_areas_administrator_cannot_use_the_file_for_this_area(area, other_area):
    with pytest.raises(PermissionDenied):
        check_rows(person_with_role(Role.AREA_ADMINISTRATOR, other_area), area, GOOD)


def test_the_page_checks_then_sends(admin, area, client, sign_in):
    from django.core.files.uploadedfile import SimpleUploadedFile

    sign_in(admin)
    upload = SimpleUploadedFile("people.csv", BAD.encode(), content_type="text/csv")
    page = client.post(reverse("onboarding:bulk-invite"), {"area": area.pk, "file": upload}).content.decode()
    assert "not a partner of" in page and "Send 1 invitation" in page
    assert not Invitation.objects.exists()
    response = client.post(
        reverse("onboarding:bulk-invite"), {"area": area.pk, "content": BAD, "file_name": "people.csv", "confirm": "on"}
    )
    assert response.status_code == 302
    assert list(Invitation.objects.values_list("email", flat=True)) == ["ok@example.org"]


def test_deactivating_ends_every_role_at_once_and_keeps_the_name(admin, area, client, sign_in):
    person = person_with_role(Role.PRACTITIONER, area, email="leaver@example.org")
    MembershipFactory(user=person, area=area, role=Role.REVIEWER, organisation=person.memberships.get().organisation)
    sign_in(admin)
    response = client.post(reverse("onboarding:deactivate", args=[person.pk]))
    assert response.status_code == 302
    person.refresh_from_db()
    assert not person.is_active and person.full_name
    assert not Membership.objects.filter(user=person).exists()
    assert AuditEvent.objects.filter(verb="membership.ended").count() == 2
    event = AuditEvent.objects.get(verb="person.deactivated")
    assert event.data["roles_ended"] == 2 and event.actor == admin


def test_deactivating_someone_with_a_role_elsewhere_is_left_to_a_national_administrator(admin, area, other_area):
    person = person_with_role(Role.PRACTITIONER, area)
    MembershipFactory(user=person, area=other_area, role=Role.PRACTITIONER)
    with pytest.raises(ValidationError, match="which you do not administer"):
        deactivate_person(admin, person)
    assert Membership.objects.filter(user=person).count() == 2
    national = person_with_role(Role.NATIONAL_ADMINISTRATOR)
    assert deactivate_person(national, person) == 2
