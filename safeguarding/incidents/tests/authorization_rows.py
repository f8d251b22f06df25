from safeguarding.core.tests.authorization import ROLES_IN_A_OR_NATIONAL, SIGNED_IN, expect
from safeguarding.incidents.factories import make_incident
from safeguarding.incidents.models import ClockPause, LocalLearningInquiry, RapidInquiry
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
    "incidents:lli": ("GET", expect(INQUIRY_WORKERS)),
    "incidents:request-pause": ("GET", expect(PAUSE_REQUESTERS)),
    "incidents:decide-pause": ("GET", expect(NATIONAL_ADMIN)),
    "incidents:end-pause": ("GET", expect(PAUSE_REQUESTERS)),
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
}
API_MATRIX = {
    "incidents_api:list": API_SCOPED,
    "incidents_api:notify": API_SCOPED,
    "incidents_api:detail": API_SCOPED,
}


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
    learning = make_incident(world.area, IncidentStatus.LLI)
    LocalLearningInquiry.objects.create(incident=learning)
    return {
        "incidents:lli": {"pk": learning.pk},
        "incidents:start-rapid-inquiry": {"pk": submitted.pk},
        "incidents:rapid-inquiry": {"pk": inquiry.pk},
        "incidents:sign-off": {"pk": inquiry.pk},
        "incidents:start": {"area_slug": world.area.slug},
        "incidents:case": {"pk": submitted.pk},
        "incidents:history": {"pk": submitted.pk},
        "incidents:notification": {"pk": draft.pk},
        "incidents:request-pause": {"pk": submitted.pk},
        "incidents:decide-pause": {"pk": submitted.pk, "pause_pk": pause.pk},
        "incidents:end-pause": {"pk": submitted.pk, "pause_pk": pause.pk},
        "incidents_api:detail": {"pk": submitted.pk},
    }
