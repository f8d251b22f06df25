"""Who may reach each onboarding route (see safeguarding/core/tests/authorization.py)."""

from safeguarding.core.tests.authorization import ADMINS_OF_A, ALL_ADMINS, ROLES_IN_A_OR_NATIONAL, SIGNED_IN, expect

NATIONAL_ADMIN = {"national:national_administrator"}
PANEL_OF_A_PAGE = NATIONAL_ADMIN | {"area:panel_manager", "area:area_administrator"}
IMPORTERS_OF_A = {"area:panel_manager", "area:area_administrator"}

PAGE_MATRIX = {
    "onboarding:areas": ("GET", expect(ALL_ADMINS)),
    "onboarding:new-area": ("GET", expect(NATIONAL_ADMIN)),
    "onboarding:area": ("GET", expect(ROLES_IN_A_OR_NATIONAL)),
    "onboarding:confirm-area": ("POST", expect({"area:lead_chief_officer"})),
    "onboarding:change-area": ("GET", expect(NATIONAL_ADMIN)),
    "onboarding:panels": ("GET", expect(NATIONAL_ADMIN)),
    "onboarding:new-panel": ("GET", expect(NATIONAL_ADMIN)),
    "onboarding:panel": ("GET", expect(PANEL_OF_A_PAGE)),
    "onboarding:change-panel": ("GET", expect(NATIONAL_ADMIN)),
    "onboarding:organisations": ("GET", expect(SIGNED_IN)),
    "onboarding:organisation-search-json": ("GET", expect(SIGNED_IN)),
    "onboarding:new-organisation": ("GET", expect(ALL_ADMINS)),
    "onboarding:bulk-invite": ("GET", expect(ALL_ADMINS)),
    "onboarding:deactivate": ("GET", expect(ADMINS_OF_A)),
    "onboarding:import-deaths": ("GET", expect(IMPORTERS_OF_A)),
    "onboarding:death-import-example": ("GET", expect(SIGNED_IN)),
    "onboarding:import-reports": ("GET", expect({"area:area_administrator", "national:national_administrator"})),
    "onboarding:report-import-example": ("GET", expect(SIGNED_IN)),
    "onboarding:import-incidents": ("GET", expect({"area:area_administrator"})),
    "onboarding:incident-import-example": ("GET", expect(SIGNED_IN)),
}
POST_ALLOWED = {
    "onboarding:new-area": NATIONAL_ADMIN,
    "onboarding:confirm-area": {"area:lead_chief_officer"},
    "onboarding:change-area": NATIONAL_ADMIN,
    "onboarding:new-panel": NATIONAL_ADMIN,
    "onboarding:change-panel": NATIONAL_ADMIN,
    "onboarding:new-organisation": ALL_ADMINS,
    "onboarding:bulk-invite": ALL_ADMINS,
    "onboarding:deactivate": ADMINS_OF_A,
    "onboarding:import-deaths": IMPORTERS_OF_A,
    "onboarding:import-reports": {"area:area_administrator", "national:national_administrator"},
    "onboarding:import-incidents": {"area:area_administrator"},
}


def url_kwargs(world):
    from safeguarding.child_deaths.factories import PanelFactory
    from safeguarding.onboarding.models import PartnerConfirmation
    from safeguarding.organisations.factories import MembershipFactory
    from safeguarding.organisations.models import Role

    panel = PanelFactory(name="Area A Onboarding Panel", slug="area-a-onboarding", areas=[world.area])
    officer = world.people["area:lead_chief_officer"].memberships.get()
    PartnerConfirmation.objects.create(area=world.area, organisation=officer.organisation)
    slug = {"slug": world.area.slug}
    leaver = MembershipFactory(area=world.area, organisation=officer.organisation, role=Role.PRACTITIONER).user
    return {
        "onboarding:area": slug,
        "onboarding:confirm-area": slug,
        "onboarding:change-area": slug,
        "onboarding:panel": {"slug": panel.slug},
        "onboarding:change-panel": {"slug": panel.slug},
        "onboarding:import-deaths": {"slug": panel.slug},
        "onboarding:import-reports": slug,
        "onboarding:import-incidents": slug,
        "onboarding:deactivate": {"pk": leaver.pk},
    }
