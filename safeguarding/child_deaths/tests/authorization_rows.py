"""Who may reach each child death route (see safeguarding/core/tests/authorization.py)."""

from safeguarding.core.tests.authorization import AREA_ROLES, EVERYONE, ROLES_IN_A_OR_NATIONAL, SIGNED_IN, expect

PANEL_MANAGER_OF_A = {"area:panel_manager"}
# The practitioner of A also works for the agency asked for the report in url_kwargs.
RESPONDERS_OF_A = {"area:panel_manager", "area:practitioner"}
PANEL_OF_A = {"area:panel_manager", "area:panel_member"}
NATIONAL = {"national:national_analyst", "national:national_administrator"}
# A submitted report: the agency that wrote it, the panel and the area's identity roles; no national role.
REPORT_READERS_OF_A = PANEL_OF_A | {"area:practitioner", "area:rapid_inquiry_lead", "area:reviewer"}
AGENCY_PEOPLE = {f"area:{role}" for role in AREA_ROLES} | {"other area:area_administrator", "other area:practitioner"}
TOKENS_WITHOUT_SCOPE = {
    "no token": "401",
    "person's session": "401",
    "token of area A": "403",
    "token of area B": "403",
}

PAGE_MATRIX = {
    "child_deaths:cases": ("GET", expect(SIGNED_IN)),
    "child_deaths:notify": ("GET", expect(AGENCY_PEOPLE)),
    "child_deaths:notified": ("GET", expect(SIGNED_IN)),
    "child_deaths:case": ("GET", expect(ROLES_IN_A_OR_NATIONAL)),
    "child_deaths:database-informed": ("POST", expect(PANEL_MANAGER_OF_A)),
    "child_deaths:decide-link": ("GET", expect(PANEL_MANAGER_OF_A)),
    "child_deaths:undo-link": ("GET", expect(PANEL_MANAGER_OF_A)),
    "child_deaths:response": ("GET", expect(RESPONDERS_OF_A)),
    "child_deaths:family-contact": ("GET", expect(RESPONDERS_OF_A)),
    "child_deaths:request-report": ("GET", expect(PANEL_MANAGER_OF_A)),
    "child_deaths:meeting": ("GET", expect(PANEL_MANAGER_OF_A)),
    "child_deaths:panel-review": ("GET", expect(PANEL_MANAGER_OF_A)),
    "child_deaths:serious-incident": ("GET", expect(PANEL_MANAGER_OF_A)),
    "child_deaths:request-serious-incident": ("POST", expect(PANEL_MANAGER_OF_A)),
    "child_deaths:agency-reports": ("GET", expect(SIGNED_IN)),
    "child_deaths:report": ("GET", expect(RESPONDERS_OF_A)),
    "child_deaths:read-report": ("GET", expect(REPORT_READERS_OF_A)),
    "child_deaths:remind": ("POST", expect(PANEL_MANAGER_OF_A)),
    "child_deaths:themed-meetings": ("GET", expect(SIGNED_IN)),
    "child_deaths:new-themed-meeting": ("GET", expect(PANEL_MANAGER_OF_A)),
    "child_deaths:themed-meeting": ("GET", expect(PANEL_OF_A | NATIONAL)),
    "child_deaths:panel-populations": ("GET", expect({"national:national_administrator"})),
    "child_deaths:batch-linkage": ("GET", expect({"national:national_administrator"})),
    "child_deaths:not-genuine": ("GET", expect(PANEL_MANAGER_OF_A)),
    # Explicitly public: any professional notifies a death without an account (confirmed by a code).
    "notify_death:notify": ("GET", expect(EVERYONE)),
    "notify_death:confirm": ("GET", expect(EVERYONE)),
    "notify_death:received": ("GET", expect(EVERYONE)),
}
POST_ALLOWED = {
    "child_deaths:notify": AGENCY_PEOPLE,
    "child_deaths:database-informed": PANEL_MANAGER_OF_A,
    "child_deaths:decide-link": PANEL_MANAGER_OF_A,
    "child_deaths:undo-link": PANEL_MANAGER_OF_A,
    "child_deaths:response": RESPONDERS_OF_A,
    "child_deaths:family-contact": RESPONDERS_OF_A,
    "child_deaths:request-report": PANEL_MANAGER_OF_A,
    "child_deaths:meeting": PANEL_MANAGER_OF_A,
    "child_deaths:panel-review": PANEL_MANAGER_OF_A,
    "child_deaths:serious-incident": PANEL_MANAGER_OF_A,
    "child_deaths:request-serious-incident": PANEL_MANAGER_OF_A,
    "child_deaths:report": RESPONDERS_OF_A,
    "child_deaths:remind": PANEL_MANAGER_OF_A,
    "child_deaths:new-themed-meeting": PANEL_MANAGER_OF_A,
    "child_deaths:batch-linkage": {"national:national_administrator"},
    "child_deaths:not-genuine": PANEL_MANAGER_OF_A,
}
API_MATRIX = {
    "child_deaths_api:list": TOKENS_WITHOUT_SCOPE,
    "child_deaths_api:detail": TOKENS_WITHOUT_SCOPE,
    "child_deaths_api:notify": TOKENS_WITHOUT_SCOPE,
}


def url_kwargs(world):
    import datetime

    from safeguarding.child_deaths.actions.linkage import confirm_link
    from safeguarding.child_deaths.actions.reports import request_report, submit_report
    from safeguarding.child_deaths.actions.review import save_review
    from safeguarding.child_deaths.actions.themes import create_themed_meeting
    from safeguarding.child_deaths.factories import PanelFactory, notify
    from safeguarding.child_deaths.models import LinkCandidate, Notification

    panel = PanelFactory(name="Area A Panel", slug="area-a-panel", areas=[world.area])
    no_nhs = {"nhs_number": "", "nhs_number_unavailable_reason": "Not known at the scene"}
    case = notify(world.area).case
    notify(world.area, family_name="Hartigen", **no_nhs)
    notify(world.area, family_name="Hartigann", given_names="Rowan", **no_nhs)
    proposed, to_confirm = LinkCandidate.objects.filter(case=case).order_by("pk")[:2]
    manager = world.people["area:panel_manager"]
    manager.is_verified = lambda: True
    confirm_link(manager, to_confirm)
    practitioner_agency = world.people["area:practitioner"].memberships.get().organisation
    report = request_report(manager, case, organisation=practitioner_agency, contexts=["sudi"])
    # A second case whose panel review recorded category 1, so the serious incident prompt is showing.
    prompted = notify(world.area, nhs_number="9990000042", date_of_birth=datetime.date(2014, 1, 9)).case
    submitted = request_report(manager, prompted, organisation=practitioner_agency, contexts=[])
    practitioner = world.people["area:practitioner"]
    practitioner.is_verified = lambda: True
    submit_report(
        practitioner,
        submitted,
        {"involvement": "School nurse", "last_contact": "October", "concerns": "None", "learning": "None"},
        version=submitted.version,
    )
    save_review(manager, prompted, {"category": "1", "modifiable": "insufficient"})
    themed = create_themed_meeting(
        manager, panel, theme="Sudden unexpected deaths", meets_on=datetime.date(2027, 1, 12), category="10"
    )
    from_outside = Notification.objects.filter(case=case).order_by("pk").first()
    Notification.objects.filter(pk=from_outside.pk).update(received_from_outside=True)
    return {
        "child_deaths:not-genuine": {"pk": from_outside.pk},
        "child_deaths:themed-meeting": {"pk": themed.pk},
        "child_deaths:response": {"reference": case.reference},
        "child_deaths:family-contact": {"reference": case.reference},
        "child_deaths:request-report": {"reference": case.reference},
        "child_deaths:meeting": {"reference": case.reference},
        "child_deaths:panel-review": {"reference": case.reference},
        "child_deaths:serious-incident": {"reference": prompted.reference},
        "child_deaths:request-serious-incident": {"reference": prompted.reference},
        "child_deaths:report": {"pk": report.pk},
        "child_deaths:remind": {"pk": report.pk},
        "child_deaths:read-report": {"pk": submitted.pk},
        "child_deaths:case": {"reference": case.reference},
        "child_deaths:database-informed": {"reference": case.reference},
        "child_deaths:decide-link": {"pk": proposed.pk},
        "child_deaths:undo-link": {"pk": to_confirm.pk},
        "child_deaths_api:detail": {"reference": case.reference},
    }
