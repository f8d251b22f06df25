"""National roles read a case's pseudonymised and derived data, not the free text written before
redaction (it may name people); the learning reaches them as the published redacted report."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from safeguarding.api.factories import make_token
from safeguarding.api.models import Scope
from safeguarding.incidents.factories import make_incident
from safeguarding.incidents.models import (
    Action,
    ClockPause,
    Finding,
    IncidentStatusChange,
    Involvement,
    LearningReport,
    LocalLearningInquiry,
    RapidInquiry,
    Recommendation,
)
from safeguarding.incidents.states import IncidentStatus
from safeguarding.organisations.factories import person_with_role
from safeguarding.organisations.models import Role

pytestmark = pytest.mark.django_db

# One distinctive phrase per free-text field, as an author might write it before redaction.
PHRASES = {
    "summary": "Zebulon fell from the landing",
    "other_children": "Quillon aged four was also at home",
    "decision_reasons": "Mrs Marchbanks the health visitor was not told",
    "terms_of_reference": "Scope: the Ravenscourt nursery placement",
    "who": "Aunt Philippa Grey",
    "finding_what": "Dr Okonkwo-Vance saw the bruising",
    "finding_why": "The Thistlewood rota left one duty worker",
    "change": "Harrowgate front door shares referrals",
    "outcome": "Ninety per cent of Harrowgate referrals",
    "pause_reason": "Trial of Mr Featherstonehaugh listed",
    "publication_decision": "Published after the Featherstonehaugh verdict",
    "history_reason": "Decided after hearing from Nurse Abernethy",
    "action": "Brief the Wolverhollow team on bruising in infants",
}


@pytest.fixture
def written_case(area, council):
    """A case at the actions stage with every free-text field filled."""
    incident = make_incident(
        area,
        IncidentStatus.REPORT_DRAFTED,
        summary=PHRASES["summary"],
        other_children=PHRASES["other_children"],
    )
    author = person_with_role(Role.REVIEWER, area)
    RapidInquiry.objects.create(
        incident=incident,
        lead=author,
        started_on=datetime.date(2026, 11, 19),
        decision="lli",
        decision_reasons=PHRASES["decision_reasons"],
    )
    LocalLearningInquiry.objects.create(incident=incident, terms_of_reference=PHRASES["terms_of_reference"])
    Involvement.objects.create(
        incident=incident,
        kind=Involvement.Kind.FAMILY,
        who=PHRASES["who"],
        response="accepted",
        offered_on=datetime.date(2026, 11, 20),
        recorded_by=author,
    )
    finding = Finding.objects.create(
        incident=incident,
        what_happened=PHRASES["finding_what"],
        why=PHRASES["finding_why"],
        journey_stage="referral",
        kind="problem",
    )
    recommendation = Recommendation.objects.create(
        incident=incident,
        finding=finding,
        addressee=council,
        change=PHRASES["change"],
        outcome=PHRASES["outcome"],
        due_on=datetime.date(2027, 6, 1),
    )
    Action.objects.create(
        recommendation=recommendation,
        description=PHRASES["action"],
        owner="Head of Service",
        due_on=timezone.localdate() - datetime.timedelta(days=3),
        updated_by=author,
    )
    ClockPause.objects.create(
        incident=incident,
        proceeding="criminal_trial",
        reason=PHRASES["pause_reason"],
        starts_on=datetime.date(2026, 11, 20),
        requested_by=author,
    )
    LearningReport.objects.create(
        incident=incident,
        title="Learning from the Ravenscourt case",
        summary="s",
        background="b",
        methodology_used="m",
        what_went_well="w",
        learning="l",
        publication_decision=PHRASES["publication_decision"],
        updated_by=author,
    )
    IncidentStatusChange.objects.create(
        case=incident,
        from_state=IncidentStatus.RAPID_INQUIRY,
        to_state=IncidentStatus.LLI,
        changed_by=author,
        reason=PHRASES["history_reason"],
    )
    return incident


def _pages(client, incident):
    urls = [
        reverse("incidents:case", args=[incident.pk]),
        reverse("incidents:history", args=[incident.pk]),
        reverse("incidents:overdue-actions"),
    ]
    responses = [client.get(url) for url in urls]
    assert [r.status_code for r in responses] == [200, 200, 200]
    return "".join(r.content.decode() for r in responses)


@pytest.mark.parametrize("role", [Role.NATIONAL_ANALYST, Role.NATIONAL_ADMINISTRATOR])
def test_national_roles_read_none_of_the_free_text(client, sign_in, written_case, role):
    sign_in(person_with_role(role))
    pages = _pages(client, written_case)
    shown = [name for name, phrase in PHRASES.items() if phrase in pages]
    assert shown == []
    assert "The learning is available once the redacted report is published" in pages
    # The derived data is still there: the pseudonym, the harm, the decision.
    assert written_case.child.pseudonym in pages and "The child was seriously harmed" in pages
    assert "Learning from the Ravenscourt case" not in pages


def test_an_area_practitioner_reads_it_all(client, sign_in, area, written_case):
    sign_in(person_with_role(Role.PRACTITIONER, area))
    pages = _pages(client, written_case)
    assert [name for name, phrase in PHRASES.items() if phrase not in pages] == []
    assert "The learning is available once the redacted report is published" not in pages


def test_after_publication_national_roles_are_sent_to_the_redacted_copy(client, sign_in, written_case):
    report = written_case.report
    report.published_sections = {
        "title": "Learning from the [redacted] case",
        "finding_1_what_happened": "Dr [redacted] saw the bruising",
        "finding_1_why": "The rota left one duty worker",
    }
    report.save()
    written_case.status = IncidentStatus.PUBLISHED
    written_case.published_on = datetime.date(2026, 11, 25)
    written_case.save()
    sign_in(person_with_role(Role.NATIONAL_ANALYST))
    case_page = client.get(reverse("incidents:case", args=[written_case.pk])).content.decode()
    report_url = reverse("incidents:report", args=[written_case.pk])
    assert f'href="{report_url}"' in case_page and "published redacted report" in case_page
    assert PHRASES["finding_what"] not in case_page
    published = client.get(report_url).content.decode()
    assert "Dr [redacted] saw the bruising" in published
    assert PHRASES["finding_what"] not in published and "Ravenscourt" not in published


def test_the_api_returns_no_free_text(client, area, council, written_case):
    written_case.status = IncidentStatus.SUBMITTED
    written_case.save()
    _, token = make_token(areas=[area], organisation=council, scopes=[Scope.INCIDENTS_READ])
    headers = {"Authorization": f"Bearer {token}"}
    body = client.get(f"/api/v1/incidents/{written_case.pk}", headers=headers).content.decode()
    body += client.get("/api/v1/incidents", headers=headers).content.decode()
    assert written_case.reference in body
    assert [name for name, phrase in PHRASES.items() if phrase in body] == []
