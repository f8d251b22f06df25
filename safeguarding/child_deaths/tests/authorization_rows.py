"""Who may reach each child death route (see safeguarding/core/tests/authorization.py)."""

from safeguarding.core.tests.authorization import AREA_ROLES, ROLES_IN_A_OR_NATIONAL, SIGNED_IN, expect

PANEL_MANAGER_OF_A = {"area:panel_manager"}
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
}
POST_ALLOWED = {
    "child_deaths:notify": AGENCY_PEOPLE,
    "child_deaths:database-informed": PANEL_MANAGER_OF_A,
    "child_deaths:decide-link": PANEL_MANAGER_OF_A,
    "child_deaths:undo-link": PANEL_MANAGER_OF_A,
}
API_MATRIX = {
    "child_deaths_api:list": TOKENS_WITHOUT_SCOPE,
    "child_deaths_api:detail": TOKENS_WITHOUT_SCOPE,
    "child_deaths_api:notify": TOKENS_WITHOUT_SCOPE,
}


def url_kwargs(world):
    from safeguarding.child_deaths.actions.linkage import confirm_link
    from safeguarding.child_deaths.factories import notify
    from safeguarding.child_deaths.models import LinkCandidate

    no_nhs = {"nhs_number": "", "nhs_number_unavailable_reason": "Not known at the scene"}
    case = notify(world.area).case
    notify(world.area, family_name="Hartigen", **no_nhs)
    notify(world.area, family_name="Hartigann", given_names="Rowan", **no_nhs)
    proposed, to_confirm = LinkCandidate.objects.filter(case=case).order_by("pk")[:2]
    manager = world.people["area:panel_manager"]
    manager.is_verified = lambda: True
    confirm_link(manager, to_confirm)
    return {
        "child_deaths:case": {"reference": case.reference},
        "child_deaths:database-informed": {"reference": case.reference},
        "child_deaths:decide-link": {"pk": proposed.pk},
        "child_deaths:undo-link": {"pk": to_confirm.pk},
        "child_deaths_api:detail": {"reference": case.reference},
    }
