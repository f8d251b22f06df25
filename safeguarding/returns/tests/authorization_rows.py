"""Who may reach each route of agency returns by secure link (see safeguarding/core/tests/authorization.py).

The `return:` pages are explicitly public: an agency's contact holds no account. Without a link opened in the
session they show the page asking for the link's key, or send there; nothing of any case."""

from safeguarding.core.tests.authorization import EVERYONE, SIGNED_IN, expect

PANEL_MANAGER_OF_A = {"area:panel_manager"}
RI_LEAD_OF_A = {"area:rapid_inquiry_lead"}

PAGE_MATRIX = {
    # Public by design.
    "return:start": ("GET", expect(EVERYONE)),
    "return:code": ("GET", expect(EVERYONE)),
    "return:form": ("GET", expect(EVERYONE)),
    "return:receipt": ("GET", expect(EVERYONE)),
    # The requester's side.
    "returns:list": ("GET", expect(SIGNED_IN)),
    "returns:request-report": ("GET", expect(PANEL_MANAGER_OF_A)),
    "returns:request-summary": ("GET", expect(RI_LEAD_OF_A)),
    "returns:request-information": ("GET", expect(PANEL_MANAGER_OF_A)),
    "returns:resend": ("POST", expect(PANEL_MANAGER_OF_A)),
    "returns:cancel": ("POST", expect(PANEL_MANAGER_OF_A)),
    "returns:file": ("GET", expect(PANEL_MANAGER_OF_A)),
}
POST_ALLOWED = {
    "returns:request-report": PANEL_MANAGER_OF_A,
    "returns:request-summary": RI_LEAD_OF_A,
    "returns:request-information": PANEL_MANAGER_OF_A,
    "returns:resend": PANEL_MANAGER_OF_A,
    "returns:cancel": PANEL_MANAGER_OF_A,
}


def url_kwargs(world):
    import datetime

    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage

    from safeguarding.child_deaths.actions.reports import request_report
    from safeguarding.child_deaths.factories import PanelFactory, notify
    from safeguarding.incidents.factories import make_incident
    from safeguarding.incidents.models import AgencySummaryRequest, RapidInquiry
    from safeguarding.incidents.states import IncidentStatus
    from safeguarding.returns.actions import request_return
    from safeguarding.returns.models import ReturnFile

    PanelFactory(name="Area A Panel", slug="area-a-panel", areas=[world.area])
    manager = world.people["area:panel_manager"]
    manager.is_verified = lambda: True
    agency = world.people["area:practitioner"].memberships.get().organisation
    first_case = notify(world.area).case
    report = request_report(manager, first_case, organisation=agency, contexts=[])
    from_outside = first_case.notifications.get()
    from_outside.received_from_outside = True
    from_outside.save(update_fields=["received_from_outside"])
    to_resend = request_return(manager, report, contact_name="Dr Okafor", contact_email="okafor@gp.example")
    other = request_report(manager, notify(world.area, nhs_number="9990000042").case, organisation=agency, contexts=[])
    to_cancel = request_return(manager, other, contact_name="Dr Lee", contact_email="lee@gp.example")
    path = default_storage.save("returns/files/matrix.txt", ContentFile(b"A chronology\n"))
    stored = ReturnFile.objects.create(
        request=to_resend, path=path, original_name="chronology.txt", content_type="text/plain", size=13
    )
    inquiry = make_incident(world.area, IncidentStatus.RAPID_INQUIRY)
    RapidInquiry.objects.create(
        incident=inquiry, lead=world.people["area:rapid_inquiry_lead"], started_on=inquiry.submitted_at.date()
    )
    summary_request = AgencySummaryRequest.objects.create(
        incident=inquiry,
        organisation=world.area.partners.first(),
        requested_on=inquiry.submitted_at.date(),
        due_on=datetime.date(2026, 12, 10),
    )
    return {
        "returns:request-report": {"pk": report.pk},
        "returns:request-summary": {"pk": summary_request.pk},
        "returns:request-information": {"pk": from_outside.pk},
        "returns:resend": {"pk": to_resend.pk},
        "returns:cancel": {"pk": to_cancel.pk},
        "returns:file": {"pk": to_resend.pk, "file_pk": stored.pk},
    }
