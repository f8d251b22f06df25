"""Each transition of a case, through the actions that make it: response, reports, meeting, panel review, closure."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from safeguarding.core.concurrency import StaleEdit
from safeguarding.core.models import AuditEvent
from safeguarding.incidents.factories import make_incident
from safeguarding.jobs.testing import run_jobs
from safeguarding.organisations.factories import MembershipFactory, OrganisationFactory
from safeguarding.organisations.models import OrganisationKind, Role

from ..actions.database import record_database_informed
from ..actions.reports import remind, request_report, submit_report
from ..actions.response import add_family_contact, save_response
from ..actions.review import link_serious_incident, record_meeting, save_review
from ..factories import TODAY, make_case
from ..models import CaseStatus, NationalRecord
from ..transitions import CASE_TRANSITIONS
from .conftest import verified

pytestmark = pytest.mark.django_db

JAR = {
    "police_lead": "DS Kerr",
    "health_lead": "Dr Anand (paediatrician)",
    "home_visit_on": datetime.date(2026, 11, 21),
}
MEETING = {
    "held_on": datetime.date(2026, 11, 25),
    "attendance": "Dr Anand, paediatrician, North Tees\nDS Kerr, police",
    "chronology": "20 Nov: found unresponsive.",
    "discussion": "Sleeping arrangements discussed.",
    "draft_analysis": "Likely sudden unexplained death in childhood.",
}
REVIEW = {
    "reviewed_on": datetime.date(2026, 11, 26),
    "category": "10",
    "factors_child": "",
    "factors_social": "Parental smoking",
    "factors_physical": "",
    "factors_services": "",
    "modifiable": "yes",
    "modifiable_domains": ["social"],
    "abuse_or_neglect_suspected": False,
    "learning_points": "Safer sleep messages to reach fathers too.",
    "actions": "Public health to refresh the safer sleep campaign by March.",
    "late_reason": "",
}


def statuses(case):
    return [change.to_state for change in case.status_changes.all()]


@pytest.fixture
def agency(area):
    school = OrganisationFactory(kind=OrganisationKind.SCHOOL, name="Riverside Primary")
    area.partners.add(school)
    return school


@pytest.fixture
def teacher(area, agency):
    return verified(MembershipFactory(area=area, organisation=agency, role=Role.PRACTITIONER).user)


def test_the_whole_journey_of_an_unexpected_death(area, panel, panel_manager, practitioner, agency, teacher):
    case = make_case(area)
    record_database_informed(panel_manager, case, today=TODAY)
    save_response(practitioner, case, JAR, today=TODAY)
    add_family_contact(
        practitioner,
        case,
        contacted_on=TODAY,
        kind="visit",
        made_by="Key worker",
        summary="Visited parents",
        today=TODAY,
    )
    report = request_report(panel_manager, case, organisation=agency, contexts=["sudi"], today=TODAY)
    assert [key for key, _ in report.questions()][-3:] == ["sleep_environment", "safer_sleep_advice", "smoking"]
    answers = {key: "Answer" for key, _ in report.questions()}
    submit_report(teacher, report, answers, version=report.version, today=TODAY)
    record_meeting(panel_manager, case, MEETING, today=TODAY)
    save_review(panel_manager, case, REVIEW, today=TODAY)
    save_review(panel_manager, case, REVIEW, version=case.panel_review.version, final=True, today=TODAY)
    case.refresh_from_db()
    assert case.status == CaseStatus.CLOSED
    assert statuses(case) == [
        "notified",
        "joint_agency_response",
        "gathering_information",
        "review_meeting",
        "panel_review",
        "closed",
    ]
    record = NationalRecord.objects.get(case=case)
    assert (record.pseudonym, record.category, record.age_band, record.review_months) == (
        case.child.pseudonym,
        "10",
        "5-9",
        0,
    )
    assert "Hartigan" not in str(NationalRecord.objects.values().get())
    assert list(NationalRecord.objects.visible_to(verified_analyst())) == [record]


def verified_analyst():
    from safeguarding.organisations.factories import person_with_role

    return verified(person_with_role(Role.NATIONAL_ANALYST))


def test_an_expected_death_goes_to_the_panel_without_a_response_or_meeting(area, panel, panel_manager, agency):
    case = make_case(area, expectation="expected", jar_criteria=[])
    with pytest.raises(ValidationError):
        save_response(panel_manager, case, JAR, today=TODAY)
    request_report(panel_manager, case, organisation=agency, contexts=[], today=TODAY)
    save_review(panel_manager, case, REVIEW, final=True, today=TODAY)
    case.refresh_from_db()
    assert statuses(case) == ["notified", "gathering_information", "panel_review", "closed"]


def test_a_finalised_review_reaches_the_national_mortality_table_once(area, panel, panel_manager, agency):
    from safeguarding.mortality.models import MortalityRecord

    case = make_case(area, expectation="expected", jar_criteria=[])
    request_report(panel_manager, case, organisation=agency, contexts=[], today=TODAY)
    save_review(panel_manager, case, REVIEW, today=TODAY)
    run_jobs()
    assert not MortalityRecord.objects.filter(pseudonym=case.child.pseudonym, reviewed=True).exists()
    save_review(panel_manager, case, REVIEW, version=case.panel_review.version, final=True, today=TODAY)
    run_jobs()  # the copy was queued with the finalisation; no command needed
    record = MortalityRecord.objects.get(pseudonym=case.child.pseudonym)
    assert record.reviewed and record.category == REVIEW["category"]
    from safeguarding.core import audit
    from safeguarding.mortality.actions.ingest import sync_from_child_deaths

    assert sync_from_child_deaths(audit.Actor.system("tests"), case_ids=[case.pk]) == (0, 0, 1)  # idempotent


def test_the_transitions_table_refuses_skipping_steps(area, panel, panel_manager):
    case = make_case(area)
    with pytest.raises(ValidationError, match="gather"):
        save_review(panel_manager, case, REVIEW, today=TODAY)
    with pytest.raises(ValidationError, match="Request the agencies"):
        record_meeting(panel_manager, case, MEETING, today=TODAY)
    with pytest.raises(ValidationError, match="cannot become closed"):
        CASE_TRANSITIONS.check(CaseStatus.NOTIFIED, CaseStatus.CLOSED)
    assert statuses(case) == ["notified"]


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"category": "11"}, "category", "10 standard categories"),
        ({"modifiable_domains": []}, "modifiable_domains", "at least one domain"),
        ({"modifiable": "no"}, "modifiable_domains", "only when modifiable factors"),
        ({"reviewed_on": datetime.date(2026, 12, 1)}, "reviewed_on", "today or in the past"),
    ],
)
def test_bad_panel_reviews_are_refused(area, panel, panel_manager, agency, overrides, field, message):
    case = make_case(area)
    request_report(panel_manager, case, organisation=agency, contexts=[], today=TODAY)
    with pytest.raises(ValidationError) as raised:
        save_review(panel_manager, case, {**REVIEW, **overrides}, today=TODAY)
    assert message in " ".join(raised.value.message_dict[field])
    case.refresh_from_db()
    assert case.status == CaseStatus.GATHERING_INFORMATION


def test_a_late_review_needs_a_reason(area, panel, panel_manager, agency):
    case = make_case(area, date_of_death=datetime.date(2026, 3, 2))
    request_report(panel_manager, case, organisation=agency, contexts=[], today=TODAY)
    with pytest.raises(ValidationError) as raised:
        save_review(panel_manager, case, REVIEW, final=True, today=TODAY)
    assert "say why it took longer" in raised.value.message_dict["late_reason"][0]
    save_review(
        panel_manager, case, {**REVIEW, "late_reason": "Inquest adjourned until October"}, final=True, today=TODAY
    )
    case.refresh_from_db()
    assert case.panel_review.late_reason.startswith("Inquest")


@pytest.mark.parametrize(("overrides"), [{"category": "1"}, {"category": "3", "abuse_or_neglect_suspected": True}])
def test_category_1_or_suspected_abuse_prompts_a_serious_incident(area, panel, panel_manager, agency, overrides):
    case = make_case(area)
    request_report(panel_manager, case, organisation=agency, contexts=[], today=TODAY)
    review = save_review(panel_manager, case, {**REVIEW, **overrides}, today=TODAY)
    assert review.serious_incident_prompted_at is not None
    assert AuditEvent.objects.get(verb="child_death.review.saved").data["serious_incident_prompted"] is True
    incident = make_incident(area, child=case.child)
    link_serious_incident(panel_manager, case, incident)
    review.refresh_from_db()
    assert review.serious_incident == incident


def test_other_categories_do_not_prompt(area, panel, panel_manager, agency):
    case = make_case(area)
    request_report(panel_manager, case, organisation=agency, contexts=[], today=TODAY)
    assert save_review(panel_manager, case, REVIEW, today=TODAY).serious_incident_prompted_at is None


def test_a_stale_review_form_is_refused_and_nothing_is_overwritten(area, panel, panel_manager, agency):
    case = make_case(area)
    request_report(panel_manager, case, organisation=agency, contexts=[], today=TODAY)
    review = save_review(panel_manager, case, REVIEW, today=TODAY)
    loaded = review.version
    save_review(panel_manager, case, {**REVIEW, "learning_points": "First save"}, version=loaded, today=TODAY)
    with pytest.raises(StaleEdit):
        save_review(panel_manager, case, {**REVIEW, "learning_points": "Second save"}, version=loaded, today=TODAY)
    review.refresh_from_db()
    assert review.learning_points == "First save"


def test_only_the_agency_asked_completes_its_report(area, panel, panel_manager, agency, practitioner):
    case = make_case(area)
    report = request_report(panel_manager, case, organisation=agency, contexts=["drowning"], today=TODAY)
    with pytest.raises(PermissionDenied):
        submit_report(practitioner, report, {}, version=report.version, today=TODAY)


def test_a_report_needs_every_answer(area, panel, panel_manager, agency, teacher):
    case = make_case(area)
    report = request_report(panel_manager, case, organisation=agency, contexts=["drowning"], today=TODAY)
    with pytest.raises(ValidationError) as raised:
        submit_report(teacher, report, {"involvement": "Class teacher"}, version=report.version, today=TODAY)
    assert "supervision" in raised.value.message_dict


def test_a_reminder_emails_the_agency(area, panel, panel_manager, agency, teacher, django_capture_on_commit_callbacks):
    report = request_report(panel_manager, make_case(area), organisation=agency, contexts=[], today=TODAY)
    run_jobs()
    requested = [message.to for message in mail.outbox if "report requested" in message.subject]
    assert requested == [[teacher.email]]  # the request itself
    mail.outbox.clear()
    remind(panel_manager, report, today=TODAY)
    run_jobs()
    assert mail.outbox[0].to == [teacher.email]
    assert "due 17 December 2026" in mail.outbox[0].subject


def test_the_response_and_contacts_are_validated(area, panel, practitioner):
    case = make_case(area)
    with pytest.raises(ValidationError) as raised:
        save_response(practitioner, case, {"home_visit_on": datetime.date(2026, 11, 1)}, today=TODAY)
    assert {"police_lead", "health_lead", "home_visit_on"} <= set(raised.value.message_dict)
    with pytest.raises(ValidationError) as raised:
        add_family_contact(practitioner, case, contacted_on=None, kind="x", made_by="", summary="", today=TODAY)
    assert set(raised.value.message_dict) == {"contacted_on", "kind", "made_by", "summary"}


def test_a_stale_response_form_is_refused(area, panel, practitioner, panel_manager):
    case = make_case(area)
    response = save_response(practitioner, case, JAR, today=TODAY)
    loaded = response.version
    save_response(panel_manager, case, {**JAR, "key_worker_name": "Jo Harrington"}, version=loaded, today=TODAY)
    with pytest.raises(StaleEdit):
        save_response(practitioner, case, {**JAR, "key_worker_name": "Someone else"}, version=loaded, today=TODAY)
    response.refresh_from_db()
    assert response.key_worker_name == "Jo Harrington"
