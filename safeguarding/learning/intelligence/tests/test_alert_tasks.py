"""An open recurrence alert is a task for national analysts until it is dismissed or an inquiry is proposed from it."""

import datetime

import pytest

from safeguarding.core.clocks.models import PolicySetting
from safeguarding.core.work.tasks import tasks_for
from safeguarding.learning.intelligence.models import RecurrenceAlert
from safeguarding.learning.intelligence.recurrence import detect, dismiss
from safeguarding.learning.nsci.actions.proposal import propose
from safeguarding.learning.nsci.models import InquirySource
from safeguarding.organisations.factories import person_with_role
from safeguarding.organisations.models import Role

from .builders import reports_across_areas

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 11, 26)


def tasks(user):
    fresh = type(user).objects.get(pk=user.pk)
    return [task for task in tasks_for(fresh, today=TODAY) if task.kind == "intelligence.open-alert"]


@pytest.fixture
def alert():
    PolicySetting.objects.filter(key="recurrence-minimum-reports").update(value=2)
    PolicySetting.objects.filter(key="recurrence-minimum-areas").update(value=2)
    reports_across_areas("neglect", 2, 2)
    detect(TODAY)
    return RecurrenceAlert.objects.get()


@pytest.fixture
def analyst(db):
    return person_with_role(Role.NATIONAL_ANALYST)


def test_an_open_alert_waits_for_the_analysts_until_dismissed(client, sign_in, alert, analyst):
    [task] = tasks(analyst)
    assert task.reference == "Alert: Neglect" and task.waiting_since == TODAY
    assert tasks(person_with_role(Role.NATIONAL_ADMINISTRATOR)) == []
    sign_in(analyst)
    assert client.get(task.url).status_code == 200

    dismiss(analyst, alert, reason="Already the subject of national guidance", expected_version=alert.version)
    assert tasks(analyst) == []


def test_proposing_a_national_inquiry_from_the_alert_hands_it_on(area, alert, analyst):
    propose(
        analyst,
        source=InquirySource.RECURRENCE_ALERT,
        title="Neglect across areas",
        summary_of_concern="The same neglect finding in many areas.",
        areas=[area],
        recurrence_alert=alert,
        today=TODAY,
    )
    assert tasks(analyst) == []
