"""Bearer-token authentication for the REST API, and the principal an authenticated request carries."""

import datetime
from dataclasses import dataclass

from django.utils import timezone
from rest_framework import authentication, exceptions

from . import tokens
from .models import ApiToken

# A busy client makes many requests a minute; recording each one would turn every read into a write.
LAST_USED_RESOLUTION = datetime.timedelta(minutes=1)

# One message for every kind of bad token, so a caller learns nothing about which tokens exist.
INVALID_TOKEN_MESSAGE = "Invalid or revoked API token"  # noqa: S105 (a message, not a secret)
MALFORMED_HEADER_MESSAGE = "Malformed Authorization header: expected 'Bearer <API token>'"


# The role an API client holds in each of its token's areas; no access rule names it.
API_CLIENT_ROLE = "api_client"


@dataclass(frozen=True)
class AreaGrant:
    """Shaped like the Membership fields core.permissions reads: area_id, role and organisation."""

    area_id: int
    role: str
    organisation: object
    area: object = None


class ApiClient:
    """Who is calling: an organisation's system through one token. Deliberately not a User.

    Person permissions never apply to it: what it may do is its token's scopes, and where is its
    token's areas (`scoping.api_visible_area_ids`, or `Model.objects.visible_to(request.user)`).
    """

    is_authenticated = True
    is_anonymous = False
    is_active = True
    # DRF also sets it as the Django request's user; code asking a user's id (the request log) gets None.
    pk = None
    id = None

    def __init__(self, token):
        self.token = token
        self.organisation = token.organisation
        self.area_ids = frozenset(token.areas.values_list("pk", flat=True))
        self.scopes = frozenset(token.scopes)
        # One grant per area of the token: core.permissions.memberships() returns these for an API
        # client, so `Model.objects.visible_to(request.user)` in an API view returns exactly the
        # token's areas' rows. API_CLIENT_ROLE is in no role set and has_perm is always False,
        # so no person's permission follows from it: the token's scopes decide what it may do.
        self.area_grants = tuple(
            AreaGrant(area_id=area_id, role=API_CLIENT_ROLE, organisation=self.organisation)
            for area_id in sorted(self.area_ids)
        )

    def __str__(self):
        return f"API client {self.token.name} ({self.token.prefix})"

    def has_scope(self, scope):
        return scope in self.scopes

    def has_perm(self, perm, obj=None):
        return False

    @property
    def memberships(self):
        # Reached only if core.permissions stops reading `area_grants`: fail loudly, never widen.
        raise TypeError("An API client has no memberships: scope API queries with api_visible_area_ids(request)")


class ApiTokenAuthentication(authentication.BaseAuthentication):
    """`Authorization: Bearer slp_<prefix>_<secret>`. No header: not authenticated (401 from permissions)."""

    keyword = "Bearer"

    def authenticate(self, request):
        header = authentication.get_authorization_header(request).split()
        if not header or header[0].lower() != self.keyword.lower().encode():
            return None
        if len(header) != 2:
            raise exceptions.AuthenticationFailed(MALFORMED_HEADER_MESSAGE)
        try:
            plaintext = header[1].decode("ascii")
        except UnicodeDecodeError:
            raise exceptions.AuthenticationFailed(MALFORMED_HEADER_MESSAGE) from None
        token = self._usable_token(plaintext)
        self._note_use(token)
        return ApiClient(token), token

    def authenticate_header(self, request):
        # Makes DRF answer 401 (not 403) to a request without a usable token.
        return f'{self.keyword} realm="api"'

    @staticmethod
    def _usable_token(plaintext):
        parsed = tokens.parse(plaintext)
        if parsed is None:
            raise exceptions.AuthenticationFailed(INVALID_TOKEN_MESSAGE)
        token = ApiToken.objects.select_related("organisation").filter(prefix=parsed.prefix).first()
        if token is None:
            # Hash anyway, so an unknown prefix takes as long as a wrong secret.
            tokens.matches(parsed.plaintext, "0" * 64)
            raise exceptions.AuthenticationFailed(INVALID_TOKEN_MESSAGE)
        if not tokens.matches(parsed.plaintext, token.secret_hash):
            raise exceptions.AuthenticationFailed(INVALID_TOKEN_MESSAGE)
        # An organisation that no longer takes part loses its systems' access with its people's.
        if not token.is_usable or not token.organisation.is_active:
            raise exceptions.AuthenticationFailed(INVALID_TOKEN_MESSAGE)
        return token

    @staticmethod
    def _note_use(token):
        """Sets last_used_at at most once a minute; the conditional update keeps concurrent requests to one write."""
        now = timezone.now()
        if token.last_used_at is not None and now - token.last_used_at < LAST_USED_RESOLUTION:
            return
        stale_before = now - LAST_USED_RESOLUTION
        # exclude() on a nullable column keeps the NULL rows: a never-used token is updated too.
        updated = ApiToken.objects.filter(pk=token.pk).exclude(last_used_at__gte=stale_before).update(last_used_at=now)
        if updated:
            token.last_used_at = now
