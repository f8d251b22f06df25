import datetime

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from safeguarding.core.tests.authorization import ROLES_IN_A_OR_NATIONAL, SIGNED_IN, expect
from safeguarding.incidents.factories import make_incident
from safeguarding.incidents.models import (
    Action,
    AgencySummaryRequest,
    ClockPause,
    Finding,
    LearningReport,
    LocalLearningInquiry,
    RapidInquiry,
    Recommendation,
)
from safeguarding.incidents.states import IncidentStatus

# In the matrix's world every area person works for a local authority (a statutory partner).
STARTERS = {"area:practitioner", "area:area_administrator", "area:lead_chief_officer", "area:rapid_inquiry_lead"}
PAUSE_REQUESTERS = {
    "area:area_administrator",
    "area:lead_chief_officer",
    "area:rapid_inquiry_lead",
    "area:reviewer",
}
NATIONAL_ADMIN = {"national:national_administrator"}
RI_LEAD = {"area:rapid_inquiry_lead"}
LCO = {"area:lead_chief_officer"}
INQUIRY_WORKERS = {"area:rapid_inquiry_lead", "area:reviewer"}
NATIONAL_ROLES = {"national:national_analyst", "national:national_administrator"}
REPORT_TEXT = {
    "summary": "Summary",
    "background": "Background",
    "methodology_used": "Method",
    "what_went_well": "Went well",
    "learning": "Learning",
}
# Case managers and inquiry workers follow actions up.
ACTION_MANAGERS = PAUSE_REQUESTERS
MATRIX_EVIDENCE = "incidents/evidence/authorization-matrix-evidence.txt"
API_SCOPED = {"no token": "401", "person's session": "401", "token of area A": "403", "token of area B": "403"}

PAGE_MATRIX = {
    "incidents:list": ("GET", expect(SIGNED_IN)),
    "incidents:dashboard": ("GET", expect(SIGNED_IN)),
    "incidents:start": ("GET", expect(STARTERS)),
    "incidents:case": ("GET", expect(ROLES_IN_A_OR_NATIONAL)),
    "incidents:history": ("GET", expect(ROLES_IN_A_OR_NATIONAL)),
    "incidents:notification": ("GET", expect(STARTERS)),
    "incidents:start-rapid-inquiry": ("GET", expect(RI_LEAD)),
    "incidents:rapid-inquiry": ("GET", expect(RI_LEAD)),
    "incidents:sign-off": ("GET", expect(LCO)),
    "incidents:remind-summary": ("POST", expect(RI_LEAD)),
    "incidents:lli": ("GET", expect(INQUIRY_WORKERS)),
    "incidents:request-pause": ("GET", expect(PAUSE_REQUESTERS)),
    "incidents:decide-pause": ("GET", expect(NATIONAL_ADMIN)),
    "incidents:end-pause": ("GET", expect(PAUSE_REQUESTERS)),
    "incidents:overdue-actions": ("GET", expect(SIGNED_IN)),
    "incidents:actions": ("GET", expect(ACTION_MANAGERS)),
    "incidents:add-action": ("GET", expect(ACTION_MANAGERS)),
    "incidents:edit-action": ("GET", expect(ACTION_MANAGERS)),
    "incidents:evidence-file": ("GET", expect(ACTION_MANAGERS)),
    "incidents:report": ("GET", expect(ROLES_IN_A_OR_NATIONAL)),
    "incidents:report-pdf": ("GET", expect(ROLES_IN_A_OR_NATIONAL)),
    # The redacted copy before publication: the area's people, as the draft; national roles once published.
    "incidents:report-preview": ("GET", expect(ROLES_IN_A_OR_NATIONAL - NATIONAL_ROLES)),
    "incidents:report-edit": ("GET", expect(INQUIRY_WORKERS)),
    "incidents:redaction": ("GET", expect(INQUIRY_WORKERS)),
    "incidents:publish": ("GET", expect(LCO)),
    "incidents:submit-national": ("GET", expect(LCO)),
    "incidents:accountability": ("GET", expect(ACTION_MANAGERS)),
    "incidents:findings": ("GET", expect(INQUIRY_WORKERS)),
    "incidents:add-finding": ("GET", expect(INQUIRY_WORKERS)),
    "incidents:edit-finding": ("GET", expect(INQUIRY_WORKERS)),
    "incidents:add-recommendation": ("GET", expect(INQUIRY_WORKERS)),
    "incidents:edit-recommendation": ("GET", expect(INQUIRY_WORKERS)),
}
POST_ALLOWED = {
    "incidents:start": STARTERS,
    "incidents:notification": STARTERS,
    "incidents:start-rapid-inquiry": RI_LEAD,
    "incidents:rapid-inquiry": RI_LEAD,
    "incidents:sign-off": LCO,
    "incidents:lli": INQUIRY_WORKERS,
    "incidents:request-pause": PAUSE_REQUESTERS,
    "incidents:decide-pause": NATIONAL_ADMIN,
    "incidents:end-pause": PAUSE_REQUESTERS,
    "incidents:report-edit": INQUIRY_WORKERS,
    "incidents:redaction": INQUIRY_WORKERS,
    "incidents:publish": LCO,
    "incidents:submit-national": LCO,
    "incidents:accountability": ACTION_MANAGERS,
    "incidents:add-action": ACTION_MANAGERS,
    "incidents:edit-action": ACTION_MANAGERS,
    "incidents:add-finding": INQUIRY_WORKERS,
    "incidents:edit-finding": INQUIRY_WORKERS,
    "incidents:add-recommendation": INQUIRY_WORKERS,
    "incidents:edit-recommendation": INQUIRY_WORKERS,
}
API_MATRIX = {
    "incidents_api:list": API_SCOPED,
    "incidents_api:notify": API_SCOPED,
    "incidents_api:detail": API_SCOPED,
}


def _matrix_evidence_file():
    """One small file under MEDIA_ROOT, written once and reused by every run (not one per test)."""
    if not default_storage.exists(MATRIX_EVIDENCE):
        return default_storage.save(MATRIX_EVIDENCE, ContentFile(b"Referrals audited: 40 of 40 linked.\n"))
    return MATRIX_EVIDENCE


def url_kwargs(world):
    submitted = make_incident(world.area)
    draft = make_incident(world.area, IncidentStatus.DRAFT)
    pause = ClockPause.objects.create(
        incident=submitted,
        proceeding="criminal_trial",
        reason="Trial listed",
        starts_on=submitted.submitted_at.date(),
        requested_by=world.people["area:rapid_inquiry_lead"],
    )
    inquiry = make_incident(world.area, IncidentStatus.RAPID_INQUIRY)
    RapidInquiry.objects.create(
        incident=inquiry,
        lead=world.people["area:rapid_inquiry_lead"],
        started_on=inquiry.submitted_at.date(),
        decision="lli",
        decision_reasons="Systemic learning about the handover between health visiting and the GP",
    )
    summary_request = AgencySummaryRequest.objects.create(
        incident=inquiry,
        organisation=world.area.partners.first(),
        requested_on=inquiry.submitted_at.date(),
        due_on=datetime.date(2026, 12, 10),
        contact_email="summaries@agency.example",
    )
    learning = make_incident(world.area, IncidentStatus.LLI)
    LocalLearningInquiry.objects.create(incident=learning)
    findings = make_incident(world.area, IncidentStatus.FINDINGS)
    finding = Finding.objects.create(
        incident=findings,
        what_happened="The plan did not reach the health visitor",
        why="No link between the two systems",
        journey_stage="planning",
        kind="problem",
    )
    recommendation = Recommendation.objects.create(incident=findings, change="Link the two systems")
    action = Action.objects.create(
        recommendation=recommendation,
        description="Build the link",
        owner="Head of digital",
        due_on=datetime.date(2027, 3, 31),
        updated_by=world.people["area:area_administrator"],
        evidence_file_name="Audit of referrals.txt",
        evidence_file_type="text/plain",
        evidence_file_path=_matrix_evidence_file(),
    )
    drafted = make_incident(world.area, IncidentStatus.REPORT_DRAFTED)
    LearningReport.objects.create(
        incident=drafted, title="Draft", updated_by=world.people["area:reviewer"], **REPORT_TEXT
    )
    redacted = make_incident(world.area, IncidentStatus.REPORT_DRAFTED)
    LearningReport.objects.create(
        incident=redacted,
        title="Redacted",
        updated_by=world.people["area:reviewer"],
        published_sections={"title": "Redacted", **REPORT_TEXT},
        **REPORT_TEXT,
    )
    published = make_incident(world.area, IncidentStatus.PUBLISHED)
    LearningReport.objects.create(
        incident=published,
        title="Published",
        updated_by=world.people["area:reviewer"],
        published_sections={"title": "Published", **REPORT_TEXT},
        **REPORT_TEXT,
    )
    return {
        "incidents:report": {"pk": published.pk},
        "incidents:report-pdf": {"pk": published.pk},
        "incidents:report-preview": {"pk": redacted.pk},
        "incidents:report-edit": {"pk": drafted.pk},
        "incidents:redaction": {"pk": drafted.pk},
        "incidents:publish": {"pk": drafted.pk},
        "incidents:submit-national": {"pk": published.pk},
        "incidents:accountability": {"pk": published.pk},
        "incidents:actions": {"pk": findings.pk},
        "incidents:add-action": {"pk": findings.pk, "recommendation_pk": recommendation.pk},
        "incidents:edit-action": {"pk": findings.pk, "action_pk": action.pk},
        "incidents:evidence-file": {"pk": findings.pk, "action_pk": action.pk},
        "incidents:findings": {"pk": findings.pk},
        "incidents:add-finding": {"pk": findings.pk},
        "incidents:edit-finding": {"pk": findings.pk, "finding_pk": finding.pk},
        "incidents:add-recommendation": {"pk": findings.pk},
        "incidents:edit-recommendation": {"pk": findings.pk, "recommendation_pk": recommendation.pk},
        "incidents:lli": {"pk": learning.pk},
        "incidents:start-rapid-inquiry": {"pk": submitted.pk},
        "incidents:rapid-inquiry": {"pk": inquiry.pk},
        "incidents:sign-off": {"pk": inquiry.pk},
        "incidents:remind-summary": {"pk": inquiry.pk, "request_pk": summary_request.pk},
        "incidents:start": {"area_slug": world.area.slug},
        "incidents:case": {"pk": submitted.pk},
        "incidents:history": {"pk": submitted.pk},
        "incidents:notification": {"pk": draft.pk},
        "incidents:request-pause": {"pk": submitted.pk},
        "incidents:decide-pause": {"pk": submitted.pk, "pause_pk": pause.pk},
        "incidents:end-pause": {"pk": submitted.pk, "pause_pk": pause.pk},
        "incidents_api:detail": {"reference": submitted.reference},
    }
