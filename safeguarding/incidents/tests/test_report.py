"""The report: completion, redaction of the child's names before publication, publication, national
submission and accountability reporting."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from safeguarding.core.concurrency import StaleEdit
from safeguarding.core.models import AuditEvent
from safeguarding.incidents import redaction
from safeguarding.incidents.actions import learning
from safeguarding.incidents.actions import report as actions
from safeguarding.incidents.factories import child_of, make_incident
from safeguarding.incidents.models import AccountabilityReport
from safeguarding.incidents.states import IncidentStatus
from safeguarding.organisations.factories import person_with_role
from safeguarding.organisations.models import Role

from .conftest import verified

pytestmark = pytest.mark.django_db
D = datetime.date
TODAY = D(2026, 11, 26)
SECTIONS = {
    "title": "Local learning inquiry: a boy of 9",
    "summary": "Mason was hurt by his mother's partner. Mr Pellow had moved in during January.",
    "background": "The Drummond-Fairley family lived in Stockton. mason attended a local primary school.",
    "methodology_used": "A systems approach with eight practitioners.",
    "what_went_well": "The emergency department acted within the hour.",
    "learning": "Address changes on probation should ask who else lives there.",
}


@pytest.fixture
def case(area, council):
    child = child_of(area, given_names="Mason", family_name="Drummond-Fairley")
    return make_incident(area, IncidentStatus.FINDINGS, child=child)


@pytest.fixture
def reviewer(area):
    return verified(person_with_role(Role.REVIEWER, area))


@pytest.fixture
def chief(area, council):
    return verified(person_with_role(Role.LEAD_CHIEF_OFFICER, area, organisation=council))


def _drafted(case, reviewer, council):
    learning.add_finding(
        reviewer,
        case,
        what_happened="What",
        why="Why it happened",
        journey_stage="planning",
        kind="problem",
        agencies=[council],
    )
    learning.add_recommendation(
        reviewer, case, finding=None, addressee=council, change="Change", outcome="Outcome", due_on=None, today=TODAY
    )
    actions.save_report(reviewer, case, None, **SECTIONS)
    return actions.complete_report(reviewer, case, today=D(2026, 11, 20))


def test_the_pure_check_lists_identity_names_first_then_other_capitalised_names():
    found = redaction.candidates(SECTIONS, names=["Mason", "Drummond-Fairley", "Drummond", "Fairley"])
    terms = [(c.term, c.from_identity) for c in found]
    assert terms[:2] == [("Drummond-Fairley", True), ("Mason", True)]
    assert ("Pellow", False) in terms and ("Stockton", False) in terms
    assert ("January", False) not in terms and ("The", False) not in terms
    mason = next(c for c in found if c.term == "Mason")
    assert len(mason.occurrences) == 2  # "Mason was…" and "mason attended", whatever the case


def test_completing_needs_every_section_a_finding_and_a_recommendation(case, reviewer):
    actions.save_report(reviewer, case, None, title="Only a title")
    with pytest.raises(ValidationError) as refused:
        actions.complete_report(reviewer, case, today=TODAY)
    assert {"summary", "learning", "__all__"} <= set(refused.value.message_dict)
    assert case.status == IncidentStatus.FINDINGS


def test_the_childs_names_must_be_redacted_before_publication(case, reviewer, chief, council):
    _drafted(case, reviewer, council)
    report = case.report
    with pytest.raises(ValidationError, match="Redact the child's name"):
        actions.confirm_redactions(reviewer, report, report.version, redactions=["Mason"])
    with pytest.raises(ValidationError, match="redactions have not been confirmed"):
        actions.publish(chief, case, report.version, decision="Publish", published_on=TODAY, today=TODAY)
    actions.confirm_redactions(
        reviewer, report, report.version, redactions=["Mason", "Drummond-Fairley", "Pellow"], extra_terms="Stockton"
    )
    published = " ".join(report.published_sections.values())
    for name in ("Mason", "mason", "Drummond", "Pellow", "Stockton"):
        assert name not in published
    assert published.count("[redacted]") == 5
    assert AuditEvent.objects.filter(verb="identity.read_for_redaction").exists()


def test_an_edit_after_redaction_clears_it(case, reviewer, council):
    _drafted(case, reviewer, council)
    report = case.report
    actions.confirm_redactions(reviewer, report, report.version, redactions=["Mason", "Drummond-Fairley"])
    actions.save_report(reviewer, case, report.version, **{**SECTIONS, "learning": "Changed after redaction."})
    report.refresh_from_db()
    assert report.published_sections == {} and report.redactions == ""


def test_publication_records_the_decision_and_date_then_the_national_submission(case, reviewer, chief, council):
    _drafted(case, reviewer, council)
    report = case.report
    actions.confirm_redactions(reviewer, report, report.version, redactions=["Mason", "Drummond-Fairley"])
    report.refresh_from_db()
    with pytest.raises(ValidationError) as refused:
        actions.publish(chief, case, report.version, decision="", published_on=D(2026, 11, 19), today=TODAY)
    assert set(refused.value.message_dict) == {"decision", "published_on"}
    with pytest.raises(PermissionDenied):
        actions.publish(reviewer, case, report.version, decision="Publish", published_on=TODAY, today=TODAY)
    with pytest.raises(StaleEdit):
        actions.publish(chief, case, report.version - 1, decision="Publish", published_on=TODAY, today=TODAY)
    actions.publish(chief, case, report.version, decision="Publish in full", published_on=TODAY, today=TODAY)
    assert (case.status, case.published_on) == (IncidentStatus.PUBLISHED, TODAY)
    actions.submit_to_national_body(chief, case, today=TODAY)
    case.report.refresh_from_db()
    assert case.status == IncidentStatus.SUBMITTED_NATIONAL
    assert (case.report.national_submission, case.report.submitted_on) == ("submitted", TODAY)
    # The redacted copy, never the working text, lands in the national repository.
    entry = case.repository_entries.get()
    assert entry.kind == "lli_report" and entry.is_public and entry.edition == 1
    assert "Mason" not in entry.search_text and "[redacted]" in entry.search_text
    assert entry.current_findings().count() == case.findings.count()


def test_accountability_reporting_after_publication(area, chief):
    published = make_incident(area, IncidentStatus.PUBLISHED)
    manager = verified(person_with_role(Role.AREA_ADMINISTRATOR, area))
    with pytest.raises(ValidationError) as refused:
        actions.record_accountability(manager, published, body="", body_name="", reported_on=D(2027, 1, 1), today=TODAY)
    assert set(refused.value.message_dict) == {"body", "body_name", "reported_on"}
    actions.record_accountability(
        manager, published, body="scrutiny", body_name="Children's Scrutiny Committee", reported_on=TODAY, today=TODAY
    )
    assert AccountabilityReport.objects.get().body_name == "Children's Scrutiny Committee"
    with pytest.raises(ValidationError, match="not possible now"):
        actions.record_accountability(
            manager,
            make_incident(area, IncidentStatus.FINDINGS),
            body="pcc",
            body_name="PCC",
            reported_on=TODAY,
            today=TODAY,
        )
