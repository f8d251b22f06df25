"""issue_token: who may issue, what it checks, and that only a hash of the token is kept."""

import datetime
import re

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.utils import timezone

from safeguarding.api import actions, tokens
from safeguarding.api.models import ApiToken, Scope
from safeguarding.core.models import AuditEvent
from safeguarding.organisations.factories import OrganisationFactory, person_with_role
from safeguarding.organisations.models import Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def council(area, other_area):
    """A partner of both areas, so only the issuer's rights decide which areas a token may cover."""
    organisation = OrganisationFactory(name="Tees Valley Council")
    area.partners.add(organisation)
    other_area.partners.add(organisation)
    return organisation


@pytest.fixture
def area_administrator(area):
    return person_with_role(Role.AREA_ADMINISTRATOR, area)


def issue(user, organisation, areas, scopes=(Scope.AREAS_READ,), **kwargs):
    return actions.issue_token(user, organisation, kwargs.pop("name", "Council case system"), areas, scopes, **kwargs)


def test_issued_token_has_the_documented_shape_and_only_its_hash_is_stored(area_administrator, area, council):
    token, plaintext = issue(area_administrator, council, [area], [Scope.AREAS_READ, Scope.INCIDENTS_WRITE])

    assert re.fullmatch(r"slp_[0-9a-f]{8}_[A-Za-z0-9_-]{43}", plaintext)
    assert plaintext.startswith(f"slp_{token.prefix}_")
    assert token.secret_hash == tokens.hash_token(plaintext)
    assert list(token.areas.all()) == [area]
    assert token.scopes == ["areas:read", "incidents:write"]
    assert token.created_by == area_administrator
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM api_apitoken")
        rows = cursor.fetchall()
    stored = repr(rows)
    assert token.prefix in stored
    assert plaintext not in stored
    assert plaintext.rsplit("_", 1)[-1] not in stored


def test_each_token_gets_its_own_prefix_and_secret(area_administrator, area, council):
    first = issue(area_administrator, council, [area])
    second = issue(area_administrator, council, [area])

    assert first[0].prefix != second[0].prefix
    assert first[1] != second[1]


def test_issuing_records_one_event_per_area_for_each_area_administrator(area, other_area, council):
    national_administrator = person_with_role(Role.NATIONAL_ADMINISTRATOR)

    token, plaintext = issue(national_administrator, council, [area, other_area], [Scope.AREAS_READ])

    events = AuditEvent.objects.filter(verb="api_token.issued").order_by("sequence")
    assert {event.area for event in events} == {area, other_area}
    for event in events:
        assert event.actor == national_administrator
        assert event.target_type == "api.apitoken"
        assert event.target_id == str(token.pk)
        assert event.data["prefix"] == token.prefix
        assert plaintext not in repr(event.data)


def test_area_administrator_cannot_issue_for_another_area(area_administrator, area, other_area, council):
    with pytest.raises(PermissionDenied, match="You cannot issue API tokens for Area B Safeguarding Partnership"):
        issue(area_administrator, council, [area, other_area])

    assert not ApiToken.objects.exists()
    assert not AuditEvent.objects.filter(verb="api_token.issued").exists()


def test_practitioner_cannot_issue_at_all(area, council):
    practitioner = person_with_role(Role.PRACTITIONER, area)

    with pytest.raises(PermissionDenied, match="You cannot issue API tokens"):
        issue(practitioner, council, [area])

    assert not ApiToken.objects.exists()


def test_national_administrator_can_issue_for_any_area(area, other_area, council):
    national_administrator = person_with_role(Role.NATIONAL_ADMINISTRATOR)

    token, _ = issue(national_administrator, council, [other_area])

    assert list(token.areas.all()) == [other_area]


def test_areas_must_be_served_by_the_organisation(area_administrator, area):
    stranger = OrganisationFactory(name="Far Away Police")

    with pytest.raises(ValidationError) as refused:
        issue(area_administrator, stranger, [area])

    assert refused.value.message_dict == {
        "areas": ["Far Away Police is not a partner of Area A Safeguarding Partnership: choose only areas it serves"]
    }
    assert not ApiToken.objects.exists()


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"name": "  "}, "name", "Enter a name for the token"),
        ({"areas": []}, "areas", "Select at least one area the token may be used for"),
        ({"scopes": []}, "scopes", "Select at least one thing the token may do"),
        ({"scopes": ["incidents:delete"]}, "scopes", "Unknown scope: incidents:delete"),
        ({"expires_at": "past"}, "expires_at", "The expiry date must be in the future"),
        ({"organisation": None}, "organisation", "Select the organisation that will use the token"),
    ],
)
def test_bad_requests_are_refused_naming_the_field_and_store_nothing(
    area_administrator, area, council, changes, field, message
):
    request = {
        "organisation": council,
        "name": "Council case system",
        "areas": [area],
        "scopes": [Scope.AREAS_READ],
        "expires_at": None,
        **changes,
    }
    if request["expires_at"] == "past":
        request["expires_at"] = timezone.now() - datetime.timedelta(minutes=1)

    with pytest.raises(ValidationError) as refused:
        actions.issue_token(area_administrator, **request)

    assert refused.value.message_dict[field] == [message]
    assert not ApiToken.objects.exists()
    assert not AuditEvent.objects.exists()


def test_expiry_in_the_future_is_kept(area_administrator, area, council):
    expires_at = timezone.now() + datetime.timedelta(days=30)

    token, _ = issue(area_administrator, council, [area], expires_at=expires_at)

    token.refresh_from_db()
    assert token.expires_at == expires_at
    assert token.status == ApiToken.Status.ACTIVE
