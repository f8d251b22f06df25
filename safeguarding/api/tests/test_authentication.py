"""Bearer-token authentication: what gets in, what answers 401, and how often last_used_at is written."""

import datetime

import pytest
from django.utils import timezone

from safeguarding.api import tokens
from safeguarding.api.authentication import LAST_USED_RESOLUTION, ApiClient
from safeguarding.api.factories import make_token
from safeguarding.api.models import ApiToken
from safeguarding.core import permissions
from safeguarding.core.scoping import AreaScopedQuerySet
from safeguarding.organisations.factories import person_with_role
from safeguarding.organisations.models import Role, SafeguardingArea

pytestmark = pytest.mark.django_db

WHOAMI = "/api/v1/whoami"
INVALID = {"detail": "Invalid or revoked API token"}


def call(client, authorization=None, path=WHOAMI):
    headers = {"HTTP_AUTHORIZATION": authorization} if authorization is not None else {}
    return client.get(path, **headers)


def test_valid_token_authenticates_as_an_api_client_not_a_person(client, area):
    token, plaintext = make_token(areas=[area], name="Council case system")

    response = call(client, f"Bearer {plaintext}")

    assert response.status_code == 200
    assert response.json()["token_prefix"] == token.prefix
    assert response.json()["organisation"]["id"] == token.organisation_id
    assert isinstance(response.wsgi_request.user, ApiClient)


def test_api_client_principal_carries_the_token_and_is_not_a_user(area):
    token, _ = make_token(areas=[area], scopes=["areas:read", "incidents:read"])

    client = ApiClient(token)

    assert client.is_authenticated and not client.is_anonymous
    assert client.token == token and client.organisation == token.organisation
    assert client.area_ids == {area.pk}
    assert client.scopes == {"areas:read", "incidents:read"}
    assert not client.has_perm("organisations.manage_api_tokens", area)
    assert not client.has_perm("core.view_identity", area)


class _AreasAsCases(AreaScopedQuerySet):
    area_lookup = "pk"


def test_scoped_querysets_show_an_api_client_its_tokens_areas_only(area, other_area):
    token, _ = make_token(areas=[area])
    client = ApiClient(token)

    assert list(_AreasAsCases(model=SafeguardingArea).visible_to(client)) == [area]
    assert list(_AreasAsCases(model=SafeguardingArea).administered_by(client)) == []
    assert permissions.national_roles(client) == set()
    assert not permissions.is_area_administrator(client, area)
    assert not permissions.has_identity_role_in_area(client, area)


def test_no_token_answers_401_with_the_scheme_to_use(client):
    response = call(client)

    assert response.status_code == 401
    assert response["WWW-Authenticate"] == 'Bearer realm="api"'
    assert response.json()["detail"] == "Authentication credentials were not provided."
    assert response["Content-Type"] == "application/problem+json"


def test_unknown_token_answers_401_naming_the_problem_generically(client, area):
    make_token(areas=[area])
    unknown = tokens.new_plaintext(tokens.new_prefix())

    response = call(client, f"Bearer {unknown}")

    assert response.status_code == 401
    assert response.json()["detail"] == INVALID["detail"]


def test_right_prefix_with_wrong_secret_answers_401(client, area):
    token, _ = make_token(areas=[area])

    response = call(client, f"Bearer {tokens.new_plaintext(token.prefix)}")

    assert response.status_code == 401
    assert response.json()["detail"] == INVALID["detail"]


def test_revoked_token_answers_401(client, area):
    _, plaintext = make_token(areas=[area], revoked_at=timezone.now())

    assert call(client, f"Bearer {plaintext}").json()["detail"] == INVALID["detail"]
    assert call(client, f"Bearer {plaintext}").status_code == 401


def test_expired_token_answers_401(client, area):
    _, plaintext = make_token(areas=[area], expires_at=timezone.now() - datetime.timedelta(seconds=1))

    response = call(client, f"Bearer {plaintext}")

    assert response.status_code == 401
    assert response.json()["detail"] == INVALID["detail"]


def test_token_of_a_deactivated_organisation_answers_401(client, area):
    token, plaintext = make_token(areas=[area])
    token.organisation.is_active = False
    token.organisation.save()

    assert call(client, f"Bearer {plaintext}").status_code == 401


@pytest.mark.parametrize(
    "authorization",
    ["Bearer", "Bearer one two", "Bearer not-a-token", "Bearer slp_XYZ", "bearer slp_0000000_short"],
)
def test_malformed_authorization_answers_401(client, area, authorization):
    make_token(areas=[area])

    response = call(client, authorization)

    assert response.status_code == 401
    assert response.json()["detail"] in {
        "Invalid or revoked API token",
        "Malformed Authorization header: expected 'Bearer <API token>'",
    }


def test_signed_in_person_without_a_token_cannot_use_the_api(client, area, sign_in):
    sign_in(person_with_role(Role.NATIONAL_ADMINISTRATOR))

    assert call(client).status_code == 401


def test_first_use_sets_last_used_then_no_write_within_a_minute(client, area):
    token, plaintext = make_token(areas=[area])
    assert token.last_used_at is None

    call(client, f"Bearer {plaintext}")
    token.refresh_from_db()
    first_use = token.last_used_at
    assert first_use is not None

    call(client, f"Bearer {plaintext}")
    token.refresh_from_db()
    assert token.last_used_at == first_use


def test_last_used_moves_on_after_a_minute(client, area):
    token, plaintext = make_token(areas=[area])
    long_ago = timezone.now() - LAST_USED_RESOLUTION - datetime.timedelta(seconds=1)
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=long_ago)

    call(client, f"Bearer {plaintext}")

    token.refresh_from_db()
    assert token.last_used_at > long_ago


def test_a_request_within_the_minute_does_not_write(client, area, django_assert_num_queries):
    token, plaintext = make_token(areas=[area])
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now())

    # Token with its organisation, the token's areas, and the areas whoami lists: no UPDATE.
    with django_assert_num_queries(3) as captured:
        call(client, f"Bearer {plaintext}")

    assert not [query for query in captured.captured_queries if query["sql"].startswith("UPDATE")]
