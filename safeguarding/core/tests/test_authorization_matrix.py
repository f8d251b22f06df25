"""The authorization matrix: for every route and every kind of person, the expected outcome.

Every URL pattern must have a row here; a new route without one fails `test_every_route_has_a_row`.
Outcomes: "ok" (served, or a redirect within the service), "404" (hidden: existence not leaked),
"sign-in" (redirect to sign in), "405" (method not allowed), "401" (API: no valid token).
Objects in the URLs belong to area A; "other area" people hold roles only in area B.
"""

import datetime
from types import SimpleNamespace

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from safeguarding.api.factories import make_token
from safeguarding.api.models import Scope
from safeguarding.core import audit
from safeguarding.core.identity.actions import record_identity
from safeguarding.organisations.factories import MembershipFactory, UserFactory, person_with_role
from safeguarding.organisations.models import Invitation, Role
from safeguarding.organisations.models.invitations import hash_token

from .authorization import (
    ADMINS_OF_A,
    ALL_ADMINS,
    AREA_ROLES,
    EVERYONE,
    PEOPLE,
    ROLES_IN_A_OR_NATIONAL,
    SIGNED_IN,
    discovered_rows,
    expect,
)

# route name: (method, expected outcome per person)
PAGE_MATRIX = {
    "core:start": ("GET", expect(EVERYONE)),
    "core:accessibility": ("GET", expect(EVERYONE)),
    "core:privacy": ("GET", expect(EVERYONE)),
    "core:sign-in": ("GET", expect(EVERYONE)),
    "core:signed-out": ("GET", expect(EVERYONE)),
    "core:healthz": ("GET", expect(EVERYONE)),
    # No worker runs here, so the service is not ready (test_health covers the 200): the same for everyone.
    "core:readyz": ("GET", expect(anonymous="503", otherwise="503")),
    "core:sign-out": ("POST", expect(EVERYONE)),
    "core:home": ("GET", expect(SIGNED_IN)),
    "core:go-to": ("GET", expect(SIGNED_IN)),
    "core:keep-alive": ("POST", expect(SIGNED_IN)),
    "core:two-factor-set-up": ("GET", expect(SIGNED_IN)),
    "core:two-factor-verify": ("GET", expect(SIGNED_IN)),
    "identity:child-list": ("GET", expect(SIGNED_IN)),
    "identity:child-detail": ("GET", expect(ROLES_IN_A_OR_NATIONAL)),
    "organisations:people": ("GET", expect(ALL_ADMINS)),
    "organisations:invite": ("GET", expect(ALL_ADMINS)),
    "organisations:invitations": ("GET", expect(ALL_ADMINS)),
    "organisations:person": ("GET", expect(ADMINS_OF_A)),
    "organisations:grant-role": ("GET", expect(ADMINS_OF_A)),
    "organisations:end-membership": ("GET", expect(ADMINS_OF_A)),
    "organisations:reset-two-factor": ("GET", expect(ADMINS_OF_A)),
    "organisations:revoke-invitation": ("GET", expect(ADMINS_OF_A)),
    "invitations:start": ("GET", expect(EVERYONE)),
    "invitations:accept": ("GET", expect(EVERYONE)),
    "api_tokens:list": ("GET", expect(ALL_ADMINS)),
    "api_tokens:issue": ("GET", expect(ALL_ADMINS)),
    "api_tokens:revoke": ("GET", expect(ADMINS_OF_A)),
    "audit:search": ("GET", expect(ALL_ADMINS)),
    "audit:export": ("GET", expect(ALL_ADMINS)),
    "api:schema": ("GET", expect(EVERYONE)),
    "api:docs": ("GET", expect(EVERYONE)),
}

# API routes answer to tokens, not to people's sessions.
API_CALLERS = ["no token", "person's session", "token of area A", "token of area B"]
API_MATRIX = {
    "api:area-list": {"no token": "401", "person's session": "401", "token of area A": "ok", "token of area B": "ok"},
    "api:area-detail": {
        "no token": "401",
        "person's session": "401",
        "token of area A": "ok",
        "token of area B": "404",
    },
    "api:whoami": {"no token": "401", "person's session": "401", "token of area A": "ok", "token of area B": "ok"},
}


# Routes that change something on POST, and who may. Everyone else's POST must be refused the same
# way as their GET (404, or sign-in when anonymous) and must change nothing: no audit event appears.
POST_ALLOWED = {
    "identity:child-detail": {f"area:{role}" for role in AREA_ROLES}
    - {
        "area:area_administrator",
        "area:lead_chief_officer",
    },
    "organisations:invite": ALL_ADMINS,
    "organisations:grant-role": ADMINS_OF_A,
    "organisations:end-membership": ADMINS_OF_A,
    "organisations:reset-two-factor": ADMINS_OF_A,
    "organisations:revoke-invitation": ADMINS_OF_A,
    "api_tokens:issue": ALL_ADMINS,
    "api_tokens:revoke": ADMINS_OF_A,
}

# The rows module that owns each route: its url_kwargs(world) makes the objects that route's URL needs.
ROWS_OF_ROUTE = {}
for _rows in discovered_rows():
    PAGE_MATRIX.update(getattr(_rows, "PAGE_MATRIX", {}))
    API_MATRIX.update(getattr(_rows, "API_MATRIX", {}))
    POST_ALLOWED.update(getattr(_rows, "POST_ALLOWED", {}))
    for _route in (*getattr(_rows, "PAGE_MATRIX", {}), *getattr(_rows, "API_MATRIX", {})):
        ROWS_OF_ROUTE[_route] = _rows


def _route_names(patterns=None, namespace=""):
    for pattern in patterns if patterns is not None else get_resolver().url_patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from _route_names(pattern.url_patterns, inner)
        elif isinstance(pattern, URLPattern):
            yield f"{namespace}{pattern.name}" if pattern.name else f"{namespace}<unnamed {pattern.pattern}>"


def test_every_route_has_a_row():
    routes = set(_route_names())
    missing = routes - set(PAGE_MATRIX) - set(API_MATRIX)
    stale = (set(PAGE_MATRIX) | set(API_MATRIX)) - routes
    assert not missing, f"Routes without a row in the authorization matrix: {sorted(missing)}"
    assert not stale, f"Rows for routes that no longer exist: {sorted(stale)}"


@pytest.fixture
def world(area, other_area):
    """Objects of area A for the URLs, and one person per row of the matrix."""
    people = {f"area:{role}": person_with_role(role, area, email=f"{role}.a@example.org") for role in AREA_ROLES}
    people["other area:area_administrator"] = person_with_role(Role.AREA_ADMINISTRATOR, other_area)
    people["other area:practitioner"] = person_with_role(Role.PRACTITIONER, other_area)
    people["national:national_analyst"] = person_with_role(Role.NATIONAL_ANALYST)
    people["national:national_administrator"] = person_with_role(Role.NATIONAL_ADMINISTRATOR)
    admin = people["area:area_administrator"]
    organisation = admin.memberships.get().organisation
    area.partners.add(organisation)
    subject = UserFactory(email="subject.a@example.org")
    subject_membership = MembershipFactory(user=subject, area=area, organisation=organisation, role=Role.PRACTITIONER)
    child = record_identity(
        audit.Actor.system("tests"),
        area,
        given_names="Matrix",
        family_name="Child",
        nhs_number="9434765919",
        date_of_birth=datetime.date(2016, 5, 1),
        postcode="TS1 1AA",
    )
    invitation_token = "matrix-invitation-token"
    invitation = Invitation.objects.create(
        email="invitee.a@example.org",
        full_name="Invitee",
        organisation=organisation,
        area=area,
        role=Role.PRACTITIONER,
        token_hash=hash_token(invitation_token),
        invited_by=admin,
        expires_at=timezone.now() + datetime.timedelta(days=7),
    )
    token_a, plaintext_a = make_token(areas=[area], organisation=organisation, scopes=[Scope.AREAS_READ])
    other_organisation = people["other area:area_administrator"].memberships.get().organisation
    other_area.partners.add(other_organisation)
    _, plaintext_b = make_token(areas=[other_area], organisation=other_organisation, scopes=[Scope.AREAS_READ])
    kwargs = {
        "identity:child-detail": {"pseudonym": child.pseudonym},
        "organisations:person": {"pk": subject.pk},
        "organisations:grant-role": {"pk": subject.pk},
        "organisations:end-membership": {"pk": subject.pk, "membership_pk": subject_membership.pk},
        "organisations:reset-two-factor": {"pk": subject.pk},
        "organisations:revoke-invitation": {"pk": invitation.pk},
        "api_tokens:revoke": {"pk": token_a.pk},
        "api:area-detail": {"slug": area.slug},
    }
    tokens = {"token of area A": plaintext_a, "token of area B": plaintext_b}
    return SimpleNamespace(area=area, other_area=other_area, people=people, tokens=tokens, kwargs=kwargs)


def _url(route, world):
    """The route's URL. Only the owning app's objects are made: building every app's for every route made
    the matrix the slowest part of the suite."""
    rows = ROWS_OF_ROUTE.get(route)
    if route not in world.kwargs and hasattr(rows, "url_kwargs"):
        world.kwargs.update(rows.url_kwargs(world))
    return reverse(route, kwargs=world.kwargs.get(route))


def _outcome(response):
    status = response.status_code
    if status in {401, 403, 404, 405}:
        return str(status)
    if status in {301, 302} and response["Location"].startswith("/sign-in/"):
        return "sign-in"
    if status < 400:
        return "ok"
    return str(status)


@pytest.mark.django_db
@pytest.mark.parametrize("route", sorted(PAGE_MATRIX))
def test_page_route_outcomes(route, world, client, sign_in):
    method, expected = PAGE_MATRIX[route]
    url = _url(route, world)
    actual = {}
    for person in PEOPLE:
        client.logout()
        if person != "anonymous":
            sign_in(world.people[person])
        response = client.post(url) if method == "POST" else client.get(url)
        actual[person] = _outcome(response)
    mismatches = {person: (expected[person], actual[person]) for person in PEOPLE if expected[person] != actual[person]}
    assert not mismatches, f"{method} {url}: (expected, actual) = {mismatches}"


@pytest.mark.django_db
@pytest.mark.parametrize("route", sorted(API_MATRIX))
def test_api_route_outcomes(route, world, client, sign_in):
    url = _url(route, world)
    actual = {}
    for caller in API_CALLERS:
        client.logout()
        headers = {}
        if caller == "person's session":
            sign_in(world.people["area:practitioner"])
        elif caller.startswith("token"):
            headers = {"Authorization": f"Bearer {world.tokens[caller]}"}
        actual[caller] = _outcome(client.get(url, headers=headers))
    expected = API_MATRIX[route]
    mismatches = {
        caller: (expected[caller], actual[caller]) for caller in API_CALLERS if expected[caller] != actual[caller]
    }
    assert not mismatches, f"GET {url}: (expected, actual) = {mismatches}"


@pytest.mark.django_db
@pytest.mark.parametrize("route", sorted(POST_ALLOWED))
def test_refused_posts_change_nothing(route, world, client, sign_in):
    from safeguarding.core.models import AuditEvent

    url = _url(route, world)
    refused = [person for person in PEOPLE if person not in POST_ALLOWED[route]]
    wrong = {}
    for person in refused:
        client.logout()
        if person != "anonymous":
            sign_in(world.people[person])
        events_before = AuditEvent.objects.count()
        outcome = _outcome(client.post(url, {"reason": "preparing_for_review", "role": Role.PRACTITIONER}))
        expected = "sign-in" if person == "anonymous" else "404"
        if outcome != expected or AuditEvent.objects.count() != events_before:
            wrong[person] = (expected, outcome, AuditEvent.objects.count() - events_before)
    assert not wrong, f"POST {url}: (expected, actual, new audit events) = {wrong}"


# Who may accept an invitation sent to an existing account, with its code entered in the browser:
# only the account holder, signed in with password and two-factor code. The code alone grants nothing.
ACCEPTANCE_CALLERS = {
    "anonymous, with the code": "not granted",
    "the account holder, password only": "not granted",
    "the account holder, with two-factor": "granted",
    "another person, with two-factor": "not granted",
}


@pytest.mark.django_db
def test_invitation_acceptance_outcomes(world, client, sign_in):
    from safeguarding.organisations.models import Membership

    holder = world.people["other area:practitioner"]
    organisation = world.people["area:area_administrator"].memberships.get().organisation
    actual = {}
    for caller in ACCEPTANCE_CALLERS:
        Membership.objects.filter(user=holder, area=world.area).delete()
        token = f"acceptance-{len(actual)}"
        Invitation.objects.create(
            email=holder.email,
            full_name="Holder",
            organisation=organisation,
            area=world.area,
            role=Role.REVIEWER,
            token_hash=hash_token(token),
            invited_by=world.people["area:area_administrator"],
            expires_at=timezone.now() + datetime.timedelta(days=7),
        )
        client.logout()
        client.post(reverse("invitations:start"), {"code": token})
        if caller == "the account holder, password only":
            client.force_login(holder)
        elif caller == "the account holder, with two-factor":
            sign_in(holder)
        elif caller == "another person, with two-factor":
            sign_in(world.people["area:practitioner"])
        client.post(reverse("invitations:accept"), {})
        granted = Membership.objects.filter(user=holder, area=world.area, role=Role.REVIEWER).exists()
        actual[caller] = "granted" if granted else "not granted"
    assert actual == ACCEPTANCE_CALLERS


@pytest.mark.django_db
def test_a_match_across_areas_is_decided_only_by_the_other_areas_panel_manager(world, client, sign_in):
    """A death notified for area A whose NHS number matches an open case of area B: the proposed link is
    B's panel manager's to decide; nobody in A sees it, and A's panel manager cannot decide it."""
    from safeguarding.child_deaths.factories import PanelFactory, notify
    from safeguarding.child_deaths.models import LinkCandidate

    PanelFactory(name="Area A Panel", slug="area-a-panel", areas=[world.area])
    PanelFactory(name="Area B Panel", slug="area-b-panel", areas=[world.other_area])
    notify(world.other_area, nhs_number="9990000050")
    notify(world.area, nhs_number="9990000050")
    candidate = LinkCandidate.objects.get(method=LinkCandidate.Method.NHS_NUMBER)
    callers = {**world.people, "other area:panel_manager": person_with_role(Role.PANEL_MANAGER, world.other_area)}
    expected = {person: "404" for person in callers} | {"other area:panel_manager": "ok"}
    url = reverse("child_deaths:decide-link", args=[candidate.pk])
    actual = {}
    for person, user in callers.items():
        client.logout()
        sign_in(user)
        actual[person] = _outcome(client.get(url))
    assert actual == expected


IDENTITY_READERS = {
    "area:practitioner": "shown",
    "national:national_administrator": "not shown",
    "national administrator also holding practitioner in A": "not shown",
}


@pytest.mark.django_db
def test_who_reads_a_childs_identity(world, client, sign_in):
    """Whoever holds a national role never reads identity, even with an area identity role (older data)."""
    both = person_with_role(Role.NATIONAL_ADMINISTRATOR)
    MembershipFactory(user=both, area=world.area, role=Role.PRACTITIONER)
    readers = {
        "area:practitioner": world.people["area:practitioner"],
        "national:national_administrator": world.people["national:national_administrator"],
        "national administrator also holding practitioner in A": both,
    }
    url = reverse("identity:child-detail", kwargs=world.kwargs["identity:child-detail"])
    actual = {}
    for name, user in readers.items():
        client.logout()
        sign_in(user)
        page = client.post(url, {"reason": "review_meeting"}).content.decode()
        actual[name] = "shown" if "9434765919" in page.replace(" ", "") else "not shown"
    assert actual == IDENTITY_READERS
