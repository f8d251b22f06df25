"""Child death tasks: who sees each, that its link opens the page where it is done, and that it goes
when the step is done."""

import datetime

import pytest

from safeguarding.core.work.tasks import tasks_for
from safeguarding.organisations.factories import MembershipFactory, OrganisationFactory, person_with_role
from safeguarding.organisations.models import OrganisationKind, Role

from ..actions.database import record_database_informed
from ..actions.linkage import reject_link
from ..actions.reports import request_report, submit_report
from ..actions.response import save_response
from ..factories import TODAY, PanelFactory, make_case, notify
from ..models import LinkCandidate
from .conftest import verified

pytestmark = pytest.mark.django_db
D = datetime.date
JAR = {"police_lead": "DS Kerr", "health_lead": "Dr Anand (paediatrician)", "home_visit_on": D(2026, 11, 21)}
NO_NHS = {"nhs_number": "", "nhs_number_unavailable_reason": "Not known to the police at the scene"}


def tasks(user, kind, today=TODAY):
    fresh = verified(type(user).objects.get(pk=user.pk))
    return [task for task in tasks_for(fresh, today=today) if task.kind == f"child_deaths.{kind}"]


def opens(client, sign_in, user, task):
    sign_in(user)
    return client.get(task.url).status_code == 200


@pytest.fixture
def agency(area):
    school = OrganisationFactory(kind=OrganisationKind.SCHOOL, name="Riverside Primary")
    area.partners.add(school)
    return school


@pytest.fixture
def teacher(area, agency):
    return verified(MembershipFactory(area=area, organisation=agency, role=Role.PRACTITIONER).user)


def test_a_new_death_asks_the_panel_manager_to_inform_the_database_and_gather_reports(
    client, sign_in, area, panel, panel_manager, practitioner, other_area_panel_manager, agency
):
    case = make_case(area)  # notified today, 26 November

    [inform] = tasks(panel_manager, "inform-database")
    assert (inform.reference, inform.due_on, inform.status) == (case.reference, D(2026, 11, 30), "2 working days left")
    [gather] = tasks(panel_manager, "request-reports")
    assert opens(client, sign_in, panel_manager, inform) and opens(client, sign_in, panel_manager, gather)
    for person in (practitioner, other_area_panel_manager):
        assert tasks(person, "inform-database") == [] and tasks(person, "request-reports") == []

    record_database_informed(panel_manager, case, today=TODAY)
    assert tasks(panel_manager, "inform-database") == []
    request_report(panel_manager, case, organisation=agency, contexts=[], today=TODAY)
    assert tasks(panel_manager, "request-reports") == []


def test_the_panel_manager_of_a_panel_covering_the_area_manages_its_deaths(area, other_area):
    panel = PanelFactory(areas=[area, other_area])
    regional_manager = verified(person_with_role(Role.PANEL_MANAGER, other_area))
    case = make_case(area)
    assert case.panel == panel
    assert [task.reference for task in tasks(regional_manager, "inform-database")] == [case.reference]


def test_an_unexpected_death_asks_the_areas_practitioners_for_the_joint_agency_response(
    client, sign_in, area, panel, panel_manager, practitioner, other_area
):
    case = make_case(area)
    elsewhere = verified(person_with_role(Role.PRACTITIONER, other_area))

    [task] = tasks(practitioner, "start-response")
    assert task.reference == case.reference and task.due_on is None and task.waiting_since == TODAY
    assert tasks(elsewhere, "start-response") == []
    assert opens(client, sign_in, practitioner, task)

    save_response(practitioner, case, JAR, today=TODAY)
    assert tasks(practitioner, "start-response") == []


def test_an_expected_death_needs_no_joint_agency_response(area, panel, practitioner):
    make_case(area, expectation="expected", jar_criteria=[])
    assert tasks(practitioner, "start-response") == []


def test_an_agency_report_is_its_practitioners_to_complete_and_the_managers_to_chase_once_overdue(
    client, sign_in, area, panel, panel_manager, practitioner, teacher, agency
):
    case = make_case(area)
    report = request_report(panel_manager, case, organisation=agency, contexts=[], today=TODAY)

    [complete] = tasks(teacher, "complete-report")
    assert complete.due_on == D(2026, 12, 17)  # 15 working days
    assert tasks(practitioner, "complete-report") == []  # a practitioner of another agency
    assert opens(client, sign_in, teacher, complete)
    assert tasks(panel_manager, "chase-report") == []  # not overdue yet

    later = D(2026, 12, 21)
    [chase] = tasks(panel_manager, "chase-report", today=later)
    assert agency.name in chase.action and chase.status == "2 working days overdue"
    assert opens(client, sign_in, panel_manager, chase)

    submit_report(teacher, report, {key: "Answer" for key, _ in report.questions()}, version=report.version)
    assert tasks(teacher, "complete-report") == []
    assert tasks(panel_manager, "chase-report", today=later) == []


def test_a_panel_review_shows_in_its_last_month_and_stays_once_overdue(area, panel, panel_manager):
    far = make_case(area)  # died 20 November 2026: review due May 2027
    near = make_case(area, nhs_number="9434765870", date_of_death=D(2026, 6, 10), family_name="Ashby")
    late = make_case(area, nhs_number="9434765862", date_of_death=D(2026, 3, 1), family_name="Carver")

    shown = {task.reference: task for task in tasks(panel_manager, "panel-review")}
    assert set(shown) == {near.reference, late.reference}
    assert far.reference not in shown
    assert shown[near.reference].status == "14 days left"
    assert shown[late.reference].status == "86 days overdue"  # due 1 September


def test_a_proposed_link_waits_for_the_panel_manager(client, sign_in, area, panel, panel_manager, practitioner):
    notify(area)
    notify(area, family_name="Hartigen", agency="police", **NO_NHS)
    candidate = LinkCandidate.objects.get()

    [task] = tasks(panel_manager, "decide-link")
    assert task.reference == candidate.case.reference
    assert tasks(practitioner, "decide-link") == []
    assert opens(client, sign_in, panel_manager, task)

    reject_link(panel_manager, candidate, "Different dates of birth on the hospital record")
    assert tasks(panel_manager, "decide-link") == []
