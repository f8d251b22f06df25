"""Invitations not yet accepted, as tasks for the administrators of their area, until accepted, revoked or expired."""

import datetime

import pytest
import time_machine
from django.utils import timezone

from safeguarding.core.work.tasks import tasks_for
from safeguarding.organisations import actions
from safeguarding.organisations.factories import OrganisationFactory, person_with_role
from safeguarding.organisations.models import OrganisationKind, Role

pytestmark = pytest.mark.django_db


def tasks(user):
    fresh = type(user).objects.get(pk=user.pk)
    return [task for task in tasks_for(fresh) if task.kind == "organisations.invitation-pending"]


@pytest.fixture
def council(area):
    organisation = OrganisationFactory(kind=OrganisationKind.LOCAL_AUTHORITY, name="Area A Council")
    area.partners.add(organisation)
    return organisation


@pytest.fixture
def admins(area, other_area, council):
    return {
        "area": person_with_role(Role.AREA_ADMINISTRATOR, area, organisation=council),
        "other area": person_with_role(Role.AREA_ADMINISTRATOR, other_area),
        "national": person_with_role(Role.NATIONAL_ADMINISTRATOR),
        "practitioner": person_with_role(Role.PRACTITIONER, area, organisation=council),
    }


def invite(admin, organisation, area, role=Role.PRACTITIONER):
    return actions.invite_person(
        admin,
        email="nia.person@example.org",
        full_name="Nia Person",
        organisation=organisation,
        area=area,
        role=role,
        accept_url_builder=lambda token: f"https://safeguarding.example/invitations/{token}/",
    )


def test_an_open_invitation_is_a_task_for_its_areas_administrators_until_revoked(
    client, sign_in, area, council, admins
):
    invitation = invite(admins["area"], council, area)

    [task] = tasks(admins["area"])
    assert (task.reference, task.due_on) == ("nia.person@example.org", timezone.localdate(invitation.expires_at))
    assert task.status == "7 days left"
    # Another area's administrator, a practitioner, and a national administrator (areas follow up their own).
    assert tasks(admins["other area"]) == [] and tasks(admins["practitioner"]) == [] and tasks(admins["national"]) == []
    sign_in(admins["area"])
    assert client.get(task.url).status_code == 200

    actions.revoke_invitation(admins["area"], invitation)
    assert tasks(admins["area"]) == []


def test_an_invitation_to_a_national_role_is_the_national_administrators(admins):
    national_body = OrganisationFactory(kind=OrganisationKind.NATIONAL_BODY, name="National body")
    invite(admins["national"], national_body, None, role=Role.NATIONAL_ANALYST)
    assert len(tasks(admins["national"])) == 1
    assert tasks(admins["area"]) == []


def test_an_expired_invitation_leaves_the_list(area, council, admins):
    invite(admins["area"], council, area)
    with time_machine.travel(timezone.now() + datetime.timedelta(days=8), tick=False):
        assert tasks(admins["area"]) == []
