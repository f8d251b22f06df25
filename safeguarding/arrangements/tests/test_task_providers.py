"""Arrangements tasks: a draft to finish, sign-offs, publication and the national deadline: who sees each,
that its link opens the page where it is done, and that it goes when the step is done."""

import datetime

import pytest

from safeguarding.arrangements.actions import drafts, publication, tracking
from safeguarding.arrangements.factories import complete_draft, partnership
from safeguarding.core.work.tasks import tasks_for
from safeguarding.organisations.factories import SafeguardingAreaFactory, person_with_role
from safeguarding.organisations.models import Role

pytestmark = pytest.mark.django_db
D = datetime.date
TODAY = D(2026, 11, 26)


def tasks(user, kind, today=TODAY):
    fresh = type(user).objects.get(pk=user.pk)
    return [task for task in tasks_for(fresh, today=today) if task.kind == f"arrangements.{kind}"]


def opens(client, sign_in, user, task):
    sign_in(user)
    return client.get(task.url).status_code == 200


@pytest.fixture
def national_admin(db):
    return person_with_role(Role.NATIONAL_ADMINISTRATOR)


def test_an_area_without_arrangements_is_asked_to_start_only_once_a_deadline_is_set(
    client, sign_in, partners, national_admin
):
    assert tasks(partners.administrator, "start") == []
    tracking.set_deadline(national_admin, deadline=D(2027, 3, 31), today=TODAY)

    [task] = tasks(partners.administrator, "start")
    assert (task.due_on, task.status) == (D(2027, 3, 31), "125 days left")
    assert tasks(partners.council_lco, "start") == []
    assert opens(client, sign_in, partners.administrator, task)

    drafts.start_draft(partners.administrator, partners.area)
    assert tasks(partners.administrator, "start") == []
    [finish] = tasks(partners.administrator, "finish-draft")
    assert finish.due_on == D(2027, 3, 31)
    assert opens(client, sign_in, partners.administrator, finish)


def test_a_complete_draft_goes_to_each_lead_chief_officer_until_they_sign_it_off(
    client, sign_in, partners, other_partners
):
    draft = complete_draft(partners.administrator, partners.area)
    assert tasks(partners.administrator, "finish-draft") == []
    for chief in partners.chief_officers:
        assert len(tasks(chief, "sign-off")) == 1
    for stranger in [other_partners.administrator, *other_partners.chief_officers]:
        assert tasks(stranger, "sign-off") == [] and tasks(stranger, "awaiting-sign-off") == []
    [waiting] = tasks(partners.administrator, "awaiting-sign-off")
    assert waiting.action.endswith("local authority, health, police")
    assert opens(client, sign_in, partners.health_lco, tasks(partners.health_lco, "sign-off")[0])

    publication.sign_off(partners.health_lco, draft)
    assert tasks(partners.health_lco, "sign-off") == []
    assert len(tasks(partners.police_lco, "sign-off")) == 1
    assert tasks(partners.administrator, "awaiting-sign-off")[0].action.endswith("local authority, police")

    publication.sign_off(partners.police_lco, draft)
    publication.sign_off(partners.council_lco, draft)
    assert tasks(partners.administrator, "awaiting-sign-off") == []
    [publish] = tasks(partners.council_lco, "publish")
    assert len(tasks(partners.administrator, "publish")) == 1
    assert opens(client, sign_in, partners.administrator, publish)

    publication.publish(partners.administrator, draft)
    for person in [partners.administrator, *partners.chief_officers]:
        assert tasks(person, "publish") == [] and tasks(person, "sign-off") == []


def test_an_edit_after_sign_off_asks_for_the_sign_off_again(partners):
    draft = complete_draft(partners.administrator, partners.area)
    publication.sign_off(partners.police_lco, draft)
    assert tasks(partners.police_lco, "sign-off") == []

    section = draft.sections.order_by("position").first()
    drafts.edit_section(
        partners.administrator, section, body="Changed after sign-off", expected_version=section.version
    )
    assert len(tasks(partners.police_lco, "sign-off")) == 1


def test_national_administrators_follow_up_areas_without_arrangements_as_the_deadline_nears(
    client, sign_in, partners, national_admin
):
    published = SafeguardingAreaFactory(name="Published Partnership")
    done = partnership(published)
    draft = complete_draft(done.administrator, published)
    for chief in done.chief_officers:
        publication.sign_off(chief, draft)
    publication.publish(done.administrator, draft)
    tracking.set_deadline(national_admin, deadline=D(2027, 6, 30), today=TODAY)
    assert tasks(national_admin, "national-deadline") == []  # more than three months away

    near = D(2027, 4, 15)
    shown = tasks(national_admin, "national-deadline", today=near)
    assert [task.reference for task in shown] == [partners.area.name]
    assert shown[0].status == "76 days left"
    assert tasks(partners.administrator, "national-deadline", today=near) == []
    assert opens(client, sign_in, national_admin, shown[0])
