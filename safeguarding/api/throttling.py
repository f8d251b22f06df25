"""Rate limits per API token: API_RATE_LIMIT requests (default 600 a minute) per token, counted in Django's
cache (so every worker shares the count once the cache is shared). Above it: 429 with Retry-After."""

from django.core.exceptions import ImproperlyConfigured
from rest_framework.throttling import SimpleRateThrottle

from .authentication import ApiClient


class TokenRateThrottle(SimpleRateThrottle):
    scope = "api_token"

    def parse_rate(self, rate):
        try:
            return super().parse_rate(rate)
        except (ValueError, KeyError, IndexError):
            raise ImproperlyConfigured(
                f"API_RATE_LIMIT must be a number of requests per second, minute, hour or day, like 600/minute; "
                f"got {rate!r}"
            ) from None

    def get_cache_key(self, request, view):
        client = request.user
        if not isinstance(client, ApiClient):
            return None  # refused as unauthenticated before any throttle
        return self.cache_format % {"scope": self.scope, "ident": client.token.prefix}
