"""The vocabulary of the authorization matrix, shared by every app's rows.

Each app that adds routes declares them in `safeguarding/<app>/tests/authorization_rows.py`:

    PAGE_MATRIX = {"incidents:case": ("GET", expect(ROLES_IN_A_OR_NATIONAL))}
    POST_ALLOWED = {"incidents:case": {...}}          # optional: routes that change data on POST
    API_MATRIX = {"api:incident-list": {...}}         # optional: token-authenticated routes

    def url_kwargs(world):                            # optional: objects of area A for the URLs
        return {"incidents:case": {"pk": make_case(world.area).pk}}

`world` has `area` (A), `other_area` (B), `people` (name in PEOPLE -> user) and `tokens`.
The matrix test (core/tests/test_authorization_matrix.py) finds these modules by itself.
"""

import importlib

from django.apps import apps

from safeguarding.organisations.models import Role

AREA_ROLES = [role for role in Role if role not in {Role.NATIONAL_ANALYST, Role.NATIONAL_ADMINISTRATOR}]
PEOPLE = [
    "anonymous",
    *[f"area:{role}" for role in AREA_ROLES],
    "other area:area_administrator",
    "other area:practitioner",
    "national:national_analyst",
    "national:national_administrator",
]
ADMINS_OF_A = {"area:area_administrator", "national:national_administrator"}
ALL_ADMINS = ADMINS_OF_A | {"other area:area_administrator"}
ROLES_IN_A_OR_NATIONAL = {p for p in PEOPLE if p.startswith(("area:", "national:"))}


def expect(ok=(), *, anonymous="sign-in", otherwise="404"):
    """Expected outcome per person: `ok` for those listed, `otherwise` for the rest."""
    return {person: "ok" if person in ok else (anonymous if person == "anonymous" else otherwise) for person in PEOPLE}


EVERYONE = set(PEOPLE)
SIGNED_IN = EVERYONE - {"anonymous"}


def discovered_rows():
    """The rows modules of every project app, in app order."""
    modules = []
    for config in apps.get_app_configs():
        if not config.name.startswith("safeguarding."):
            continue
        try:
            modules.append(importlib.import_module(f"{config.name}.tests.authorization_rows"))
        except ModuleNotFoundError as error:
            if error.name not in {f"{config.name}.tests", f"{config.name}.tests.authorization_rows"}:
                raise
    return modules
