"""The people administration pages: who reaches them, what each administrator sees, and the forms."""

import re

import pytest
from django.core import mail
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from safeguarding.core.models import AuditEvent
from safeguarding.organisations.factories import MembershipFactory, OrganisationFactory, UserFactory, person_with_role
from safeguarding.organisations.models import Invitation, Membership, OrganisationKind, Role
from safeguarding.organisations.models.invitations import hash_token, new_token

pytestmark = pytest.mark.django_db


def partner(area, kind, name):
    organisation = OrganisationFactory(kind=kind, name=name)
    area.partners.add(organisation)
    return organisation


@pytest.fixture
def council(area):
    return partner(area, OrganisationKind.LOCAL_AUTHORITY, "Area A Council")


@pytest.fixture
def other_council(other_area):
    return partner(other_area, OrganisationKind.LOCAL_AUTHORITY, "Area B Council")


@pytest.fixture
def area_admin(area, council):
    admin = person_with_role(Role.AREA_ADMINISTRATOR, area, organisation=council, email="admin.a@example.org")
    admin.full_name = "Grace Adeyemi"
    admin.save()
    return admin


@pytest.fixture
def national_admin():
    return person_with_role(Role.NATIONAL_ADMINISTRATOR, email="national@example.org")


@pytest.fixture
def amara(area, council):
    """A practitioner in area A."""
    user = UserFactory(email="amara.okafor@example.org", full_name="Amara Okafor")
    MembershipFactory(user=user, organisation=council, area=area, role=Role.PRACTITIONER)
    return user


@pytest.fixture
def bilal(other_area, other_council):
    """A reviewer in area B only."""
    user = UserFactory(email="bilal.hussain@example.org", full_name="Bilal Hussain")
    MembershipFactory(user=user, organisation=other_council, area=other_area, role=Role.REVIEWER)
    return user


def invitation_in(area, organisation, invited_by, email="waiting@example.org"):
    return Invitation.objects.create(
        email=email,
        full_name="Wai Ting",
        organisation=organisation,
        area=area,
        role=Role.PRACTITIONER,
        token_hash=hash_token(new_token()),
        invited_by=invited_by,
    )


def admin_pages(person, membership, invitation):
    return [
        "/people/",
        f"/people/{person.pk}/",
        f"/people/{person.pk}/roles/new/",
        f"/people/{person.pk}/roles/{membership.pk}/end/",
        f"/people/{person.pk}/two-factor/reset/",
        "/people/invite/",
        "/people/invitations/",
        f"/people/invitations/{invitation.pk}/revoke/",
    ]


# Who reaches the pages


def test_anonymous_visitors_are_sent_to_sign_in(client, area, council, area_admin, amara):
    pages = admin_pages(amara, amara.memberships.get(), invitation_in(area, council, area_admin))
    for path in pages:
        response = client.get(path)
        assert response.status_code == 302, path
        assert response["Location"] == f"/sign-in/?next={path}", path


def test_people_who_are_not_administrators_are_told_the_pages_do_not_exist(
    client, sign_in, area, council, area_admin, amara
):
    pages = admin_pages(amara, amara.memberships.get(), invitation_in(area, council, area_admin))
    sign_in(amara)
    for path in pages:
        assert client.get(path).status_code == 404, path
        assert client.post(path, {}).status_code == 404, path
    assert amara.memberships.count() == 1


def test_an_area_admin_cannot_open_anyone_or_anything_of_another_area(
    client, sign_in, other_area, other_council, area_admin, bilal
):
    other_admin = person_with_role(Role.AREA_ADMINISTRATOR, other_area, organisation=other_council)
    pages = admin_pages(bilal, bilal.memberships.get(), invitation_in(other_area, other_council, other_admin))
    sign_in(area_admin)
    for path in pages[1:5] + pages[7:]:
        assert client.get(path).status_code == 404, path
        assert client.post(path, {}).status_code == 404, path
    assert bilal.memberships.count() == 1
    assert Invitation.objects.get().revoked_at is None


def test_a_membership_must_belong_to_the_person_in_the_address(client, sign_in, area, council, area_admin, amara):
    colleague = person_with_role(Role.REVIEWER, area, organisation=council)
    sign_in(area_admin)
    path = f"/people/{amara.pk}/roles/{colleague.memberships.get().pk}/end/"
    assert client.post(path).status_code == 404
    assert colleague.memberships.exists()


# The people list


def test_area_admin_sees_the_people_of_their_areas_only(client, sign_in, area_admin, amara, bilal):
    sign_in(area_admin)
    html = client.get("/people/").content.decode()
    assert "Amara Okafor" in html and "Grace Adeyemi" in html
    assert "Bilal Hussain" not in html
    assert "2 people" in html


def test_national_admin_sees_everyone(client, sign_in, national_admin, amara, bilal):
    sign_in(national_admin)
    html = client.get("/people/").content.decode()
    assert "Amara Okafor" in html and "Bilal Hussain" in html


def test_an_area_admin_sees_only_their_areas_roles_of_a_person(
    client, sign_in, other_area, other_council, area_admin, amara
):
    MembershipFactory(user=amara, organisation=other_council, area=other_area, role=Role.PANEL_MANAGER)
    sign_in(area_admin)
    for path in ("/people/", f"/people/{amara.pk}/"):
        html = client.get(path).content.decode()
        rows = html[html.index("<table") :]
        assert "Practitioner," in rows or "Practitioner</td>" in rows, path
        assert "Panel manager" not in rows and other_area.name not in rows, path


def test_search_by_name_or_email_and_filter_by_role_and_area(
    client, sign_in, area, other_area, council, other_council, national_admin, amara, bilal
):
    sign_in(national_admin)

    def names(query):
        html = client.get("/people/", query).content.decode()
        return {name for name in ("Amara Okafor", "Bilal Hussain") if name in html}

    assert names({"q": "okafor"}) == {"Amara Okafor"}
    assert names({"q": "BILAL.HUSSAIN@"}) == {"Bilal Hussain"}
    assert names({"role": Role.REVIEWER}) == {"Bilal Hussain"}
    assert names({"area": area.pk}) == {"Amara Okafor"}
    assert names({"role": Role.REVIEWER, "area": area.pk}) == set()
    assert names({"role": "no-such-role"}) == {"Amara Okafor", "Bilal Hussain"}  # ignored, not an error


def test_no_results_say_so(client, sign_in, area_admin):
    sign_in(area_admin)
    html = client.get("/people/", {"q": "nobody-is-called-this"}).content.decode()
    assert "No people found" in html
    assert "Nobody matches your search and filters" in html
    assert "<table" not in html


def test_the_list_is_paginated_by_25(client, sign_in, area, council, area_admin):
    for number in range(25):
        MembershipFactory(user=UserFactory(full_name=f"Person {number:02d}"), organisation=council, area=area)
    area_admin.full_name = "Aaron Admin"  # sorts first: the list is in name order
    area_admin.save()
    sign_in(area_admin)

    first = client.get("/people/").content.decode()
    second = client.get("/people/", {"page": 2}).content.decode()

    assert "26 people" in first
    assert len(re.findall(r'href="/people/\d+/"', first)) == 25
    assert 'aria-label="Page 2"' in first and 'rel="next"' in first
    assert len(re.findall(r'href="/people/\d+/"', second)) == 1
    assert "Person 24" in second and "Person 23" not in second and "Person 24" not in first


def test_moving_between_pages_keeps_the_search(client, sign_in, area, council, area_admin):
    for number in range(26):
        MembershipFactory(user=UserFactory(full_name=f"Person {number:02d}"), organisation=council, area=area)
    sign_in(area_admin)

    first = client.get("/people/", {"q": "Person"}).content.decode()
    second = client.get("/people/", {"q": "Person", "page": 2}).content.decode()

    assert '<nav class="govuk-pagination" aria-label="Pages of people">' in first
    assert 'href="?q=Person&amp;page=2" rel="next"' in first
    assert 'href="?q=Person&amp;page=1" rel="prev"' in second
    assert "Person 25" in second and "Grace Adeyemi" not in second


def test_invitations_come_25_to_a_page(client, sign_in, area, council, area_admin):
    for number in range(26):
        invitation_in(area, council, area_admin, email=f"waiting{number:02d}@example.org")
    sign_in(area_admin)

    first = client.get("/people/invitations/").content.decode()
    second = client.get("/people/invitations/", {"page": 2}).content.decode()
    beyond = client.get("/people/invitations/", {"page": 9}).content.decode()

    assert first.count("/revoke/") == 25 and second.count("/revoke/") == 1
    assert '<nav class="govuk-pagination" aria-label="Pages of invitations">' in first
    assert 'href="?page=2" rel="next"' in first and 'rel="prev"' not in first
    # A page past the end shows the last.
    assert re.findall(r"waiting\d+@example.org", beyond) == re.findall(r"waiting\d+@example.org", second)


# A person's page


def test_the_person_page_shows_roles_invitations_and_two_factor(client, sign_in, area, council, area_admin, amara):
    invitation = invitation_in(area, council, area_admin, email="amara.okafor@example.org")
    Invitation.objects.filter(pk=invitation.pk).update(role=Role.REVIEWER)
    sign_in(area_admin)

    html = client.get(f"/people/{amara.pk}/").content.decode()

    assert "amara.okafor@example.org" in html
    assert "Practitioner" in html and "Area A Council" in html
    assert "Not set up" in html
    assert "Reviewer for Area A Council" in html  # the invitation waiting
    TOTPDevice.objects.create(user=amara, name="Authenticator app", confirmed=True)
    html = client.get(f"/people/{amara.pk}/").content.decode()
    assert "Set up" in html and "Reset two-factor authentication" in html


def test_giving_a_role_on_its_page(client, sign_in, area, council, area_admin, amara):
    sign_in(area_admin)
    form = client.get(f"/people/{amara.pk}/roles/new/").content.decode()
    assert "National analyst" not in form  # an area administrator cannot give national roles

    response = client.post(
        f"/people/{amara.pk}/roles/new/", {"role": Role.REVIEWER, "organisation": council.pk, "area": area.pk}
    )

    assert response.status_code == 302 and response["Location"] == f"/people/{amara.pk}/"
    assert amara.memberships.filter(role=Role.REVIEWER, area=area).exists()


def test_the_role_form_shows_the_rules_refusals(client, sign_in, area, council, area_admin, amara):
    MembershipFactory(
        organisation=council, area=area, role=Role.LEAD_CHIEF_OFFICER, user=UserFactory(full_name="Lee Holder")
    )
    sign_in(area_admin)

    empty = client.post(f"/people/{amara.pk}/roles/new/", {}).content.decode()
    taken = client.post(
        f"/people/{amara.pk}/roles/new/",
        {"role": Role.LEAD_CHIEF_OFFICER, "organisation": council.pk, "area": area.pk},
    ).content.decode()

    assert '<a href="#id_role_0">Choose a role</a>' in empty
    assert '<a href="#id_organisation">Choose the organisation the person works for</a>' in empty
    assert "already has a lead chief officer from a local authority (Lee Holder)" in taken
    assert not amara.memberships.filter(role=Role.LEAD_CHIEF_OFFICER).exists()


def test_ending_a_role_asks_first_then_ends_it(client, sign_in, area, council, area_admin, amara):
    membership = amara.memberships.get()
    sign_in(area_admin)
    path = f"/people/{amara.pk}/roles/{membership.pk}/end/"

    assert "End this role?" in client.get(path).content.decode()
    assert Membership.objects.filter(pk=membership.pk).exists()
    response = client.post(path)

    assert not Membership.objects.filter(pk=membership.pk).exists()
    # Amara no longer holds a role in the admin's area, so her page is gone for them: back to the list.
    assert response["Location"] == "/people/"
    assert client.get(f"/people/{amara.pk}/").status_code == 404
    assert AuditEvent.objects.filter(verb="membership.ended", area=area).count() == 1


def test_ending_your_own_last_administrator_role_is_refused_on_the_page(client, sign_in, area_admin):
    own = area_admin.memberships.get()
    sign_in(area_admin)

    response = client.post(f"/people/{area_admin.pk}/roles/{own.pk}/end/")

    assert response.status_code == 200
    assert "You cannot end your own last administrator role" in response.content.decode()
    assert Membership.objects.filter(pk=own.pk).exists()


def test_resetting_two_factor_asks_first_then_resets(client, sign_in, area_admin, amara):
    TOTPDevice.objects.create(user=amara, name="Authenticator app", confirmed=True)
    sign_in(area_admin)
    path = f"/people/{amara.pk}/two-factor/reset/"

    assert "Reset two-factor authentication?" in client.get(path).content.decode()
    assert TOTPDevice.objects.filter(user=amara).exists()
    response = client.post(path)

    assert response["Location"] == f"/people/{amara.pk}/"
    assert not TOTPDevice.objects.filter(user=amara).exists()


# Inviting


def test_the_invite_form_offers_only_what_the_admin_may_give(
    client, sign_in, area, other_area, council, other_council, area_admin
):
    sign_in(area_admin)
    html = client.get("/people/invite/").content.decode()
    assert "Area A Council" in html and "Area B Council" not in html
    assert area.name in html and other_area.name not in html
    assert "National administrator" not in html


def test_the_invite_form_keeps_the_capitals_of_organisation_kinds(client, sign_in, area, area_admin):
    health = OrganisationFactory(name="Area A ICB", kind=OrganisationKind.HEALTH)
    area.partners.add(health)
    sign_in(area_admin)
    html = client.get("/people/invite/").content.decode()
    assert "Area A ICB, health body (ICB or NHS trust)" in html
    assert "Area A Council, local authority" in html
    assert "icb or nhs trust" not in html


def test_the_invite_form_names_each_problem(client, sign_in, area_admin):
    sign_in(area_admin)
    html = client.post("/people/invite/", {"email": "not-an-email"}).content.decode()
    assert "There is a problem" in html
    assert '<a href="#id_full_name">Enter the person&#x27;s full name</a>' in html
    assert '<a href="#id_email">Enter an email address in the correct format, like name@example.org</a>' in html
    assert '<a href="#id_role_0">Choose a role</a>' in html
    assert not Invitation.objects.exists()


def test_inviting_sends_the_email_and_lists_the_invitation(
    client, sign_in, area, council, area_admin, django_capture_on_commit_callbacks
):
    sign_in(area_admin)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/people/invite/",
            {
                "full_name": "Nia Person",
                "email": "nia.person@example.org",
                "role": Role.PRACTITIONER,
                "organisation": council.pk,
                "area": area.pk,
            },
        )

    assert response.status_code == 302 and response["Location"] == "/people/invitations/"
    assert len(mail.outbox) == 1
    assert "http://testserver/invitations/#" in mail.outbox[0].body
    listing = client.get("/people/invitations/").content.decode()
    assert "nia.person@example.org" in listing and "Pending" in listing


def test_the_invitations_list_shows_each_status_and_revokes(client, sign_in, area, council, area_admin):
    pending = invitation_in(area, council, area_admin, email="pending@example.org")
    revoked = invitation_in(area, council, area_admin, email="revoked@example.org")
    expired = invitation_in(area, council, area_admin, email="expired@example.org")
    Invitation.objects.filter(pk=revoked.pk).update(revoked_at=timezone.now())
    Invitation.objects.filter(pk=expired.pk).update(expires_at=timezone.now())
    sign_in(area_admin)

    html = client.get("/people/invitations/").content.decode()
    assert "Pending" in html and "Revoked" in html and "Expired" in html
    assert html.count("/revoke/") == 1

    response = client.post(f"/people/invitations/{pending.pk}/revoke/")
    assert response["Location"] == "/people/invitations/"
    pending.refresh_from_db()
    assert pending.revoked_at is not None
    again = client.post(f"/people/invitations/{pending.pk}/revoke/")
    assert "This invitation has already been revoked" in again.content.decode()


def test_an_area_admin_does_not_see_other_areas_or_national_invitations(
    client, sign_in, area, other_area, council, other_council, area_admin, national_admin
):
    invitation_in(other_area, other_council, national_admin, email="elsewhere@example.org")
    national_body = national_admin.memberships.get().organisation
    Invitation.objects.create(
        email="analyst@example.org",
        full_name="An Analyst",
        organisation=national_body,
        area=None,
        role=Role.NATIONAL_ANALYST,
        token_hash=hash_token(new_token()),
        invited_by=national_admin,
    )
    sign_in(area_admin)
    html = client.get("/people/invitations/").content.decode()
    assert "elsewhere@example.org" not in html and "analyst@example.org" not in html
    assert "You have not sent any invitations yet" in html
