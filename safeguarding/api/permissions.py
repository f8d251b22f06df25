"""DRF permission classes for the API: an API client must hold the scopes a view declares."""

from django.core.exceptions import ImproperlyConfigured
from rest_framework import permissions

from .authentication import ApiClient


def required_scopes(view, method):
    """A view's `required_scopes`: a list for every method, or a dict from HTTP method to list."""
    declared = getattr(view, "required_scopes", None)
    if declared is None:
        # Failing loudly beats an endpoint that any token can call because a line was forgotten.
        raise ImproperlyConfigured(f"{type(view).__name__} uses HasScope but declares no required_scopes")
    if isinstance(declared, dict):
        if method not in declared and method not in ("HEAD", "OPTIONS"):
            raise ImproperlyConfigured(f"{type(view).__name__}.required_scopes names no scope for {method}")
        return tuple(declared.get(method, declared.get("GET", ())))
    return tuple(declared)


class HasScope(permissions.BasePermission):
    """Allows an API client whose token holds every scope the view requires for this method (else 403)."""

    message = "This API token does not have the scope this request needs"

    def has_permission(self, request, view):
        client = request.user
        if not isinstance(client, ApiClient):
            return False
        missing = [scope for scope in required_scopes(view, request.method) if not client.has_scope(scope)]
        if missing:
            self.message = f"This API token does not have the scope this request needs: {', '.join(missing)}"
            return False
        return True
