"""Findings to code, one task per report, for national analysts; a report's task goes with its last finding coded."""

import pytest

from safeguarding.core.work.tasks import tasks_for
from safeguarding.learning.repository.coding.actions import code_finding
from safeguarding.learning.repository.factories import make_entry
from safeguarding.organisations.factories import person_with_role
from safeguarding.organisations.models import Role

pytestmark = pytest.mark.django_db


def tasks(user):
    fresh = type(user).objects.get(pk=user.pk)
    return [task for task in tasks_for(fresh) if task.kind == "repository.code-findings"]


def test_a_report_with_uncoded_findings_waits_for_the_analysts(client, sign_in, area):
    analyst = person_with_role(Role.NATIONAL_ANALYST)
    entry = make_entry(findings=(("No one asked who lived there.", "No prompt."), ("Missed visits.", "Caseloads.")))
    first, second = entry.current_findings().order_by("position")

    [task] = tasks(analyst)
    assert (task.reference, task.action) == (entry.reference, "Code 2 findings against the category scheme")
    assert task.due_on is None and task.waiting_since == entry.added_on
    for person in (person_with_role(Role.NATIONAL_ADMINISTRATOR), person_with_role(Role.AREA_ADMINISTRATOR, area)):
        assert tasks(person) == []
    sign_in(analyst)
    assert client.get(task.url).status_code == 200

    code_finding(analyst, first, ["neglect"], first.version)
    [task] = tasks(analyst)
    assert task.action == "Code 1 finding against the category scheme"
    code_finding(analyst, second, ["neglect"], second.version)
    assert tasks(analyst) == []
