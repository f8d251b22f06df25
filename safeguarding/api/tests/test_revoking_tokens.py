"""revoke_token: administrators of a token's areas may revoke it, once, and it is audited."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from safeguarding.api import actions
from safeguarding.api.factories import make_token
from safeguarding.api.models import ApiToken
from safeguarding.core.models import AuditEvent
from safeguarding.organisations.factories import person_with_role
from safeguarding.organisations.models import Role

pytestmark = pytest.mark.django_db


def test_area_administrator_revokes_a_token_of_their_area(area):
    administrator = person_with_role(Role.AREA_ADMINISTRATOR, area)
    token, _ = make_token(areas=[area])

    actions.revoke_token(administrator, token)

    token.refresh_from_db()
    assert token.status == ApiToken.Status.REVOKED
    assert token.revoked_by == administrator
    event = AuditEvent.objects.get(verb="api_token.revoked")
    assert (event.actor, event.area, event.target_id) == (administrator, area, str(token.pk))
    assert event.data == {"prefix": token.prefix, "organisation_id": token.organisation_id}


def test_revoking_a_token_of_two_areas_tells_both(area, other_area):
    token, _ = make_token(areas=[area, other_area])

    actions.revoke_token(person_with_role(Role.AREA_ADMINISTRATOR, other_area), token)

    assert {event.area for event in AuditEvent.objects.filter(verb="api_token.revoked")} == {area, other_area}


def test_area_administrator_cannot_revoke_another_areas_token(area, other_area):
    token, _ = make_token(areas=[other_area])

    with pytest.raises(PermissionDenied):
        actions.revoke_token(person_with_role(Role.AREA_ADMINISTRATOR, area), token)

    token.refresh_from_db()
    assert token.revoked_at is None
    assert not AuditEvent.objects.exists()


def test_practitioner_cannot_revoke(area):
    token, _ = make_token(areas=[area])

    with pytest.raises(PermissionDenied):
        actions.revoke_token(person_with_role(Role.PRACTITIONER, area), token)


def test_national_administrator_can_revoke_any_token(other_area):
    token, _ = make_token(areas=[other_area])

    actions.revoke_token(person_with_role(Role.NATIONAL_ADMINISTRATOR), token)

    token.refresh_from_db()
    assert token.status == ApiToken.Status.REVOKED


def test_a_token_is_revoked_once(area):
    administrator = person_with_role(Role.AREA_ADMINISTRATOR, area)
    token, _ = make_token(areas=[area])
    actions.revoke_token(administrator, token)
    first_revoked_at = token.revoked_at

    with pytest.raises(ValidationError, match="This API token has already been revoked"):
        actions.revoke_token(administrator, ApiToken.objects.get(pk=token.pk))

    token.refresh_from_db()
    assert token.revoked_at == first_revoked_at
    assert AuditEvent.objects.filter(verb="api_token.revoked").count() == 1
