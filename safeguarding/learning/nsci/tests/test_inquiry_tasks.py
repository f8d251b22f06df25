"""National inquiries waiting for the national administrators, each with the clock of its step."""

import datetime

import pytest

from safeguarding.core.work.tasks import tasks_for
from safeguarding.learning.nsci.actions import decision
from safeguarding.learning.nsci.factories import make_inquiry
from safeguarding.learning.nsci.models.inquiry import Decision
from safeguarding.learning.nsci.states import InquiryStatus
from safeguarding.organisations.factories import person_with_role
from safeguarding.organisations.models import Role

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 11, 26)


def kinds(user):
    fresh = type(user).objects.get(pk=user.pk)
    return [(task.kind, task.reference) for task in tasks_for(fresh, today=TODAY) if task.kind.startswith("nsci.")]


def test_a_proposal_waits_for_the_decision_of_a_national_administrator(client, sign_in, area, analyst, administrator):
    inquiry = make_inquiry([area], proposed_by=analyst)  # proposed 2 November

    fresh = type(administrator).objects.get(pk=administrator.pk)
    [task] = [task for task in tasks_for(fresh, today=TODAY) if task.kind == "nsci.decide"]
    assert (task.reference, task.due_on) == (inquiry.reference, datetime.date(2026, 11, 30))  # 20 working days
    assert kinds(analyst) == []  # analysts propose; they do not decide
    assert kinds(person_with_role(Role.AREA_ADMINISTRATOR, area)) == []
    sign_in(administrator)
    assert client.get(task.url).status_code == 200

    decision.decide(
        administrator, inquiry, inquiry.version, decision=Decision.DECLINE, reasons="Local inquiries suffice"
    )
    assert kinds(administrator) == []


@pytest.mark.parametrize(
    ("status", "kind"),
    [
        (InquiryStatus.ACCEPTED, "nsci.set-up"),
        (InquiryStatus.SET_UP, "nsci.start"),
        (InquiryStatus.IN_PROGRESS, "nsci.report"),
        (InquiryStatus.REPORT_DRAFTED, "nsci.publish"),
        (InquiryStatus.PUBLISHED, None),
    ],
)
def test_each_later_step_is_one_task_until_publication(client, sign_in, area, analyst, administrator, status, kind):
    inquiry = make_inquiry([area], status, proposed_by=analyst, actor=administrator)
    assert kinds(administrator) == ([(kind, inquiry.reference)] if kind else [])
    if kind:
        sign_in(administrator)
        [task] = [task for task in tasks_for(type(administrator).objects.get(pk=administrator.pk)) if task.kind == kind]
        assert client.get(task.url).status_code == 200
