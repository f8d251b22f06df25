"""Session rules for signed-in people: inactivity time-out and two-factor authentication."""

from django.conf import settings
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django_otp import user_has_device

_LAST_SEEN = "last_seen"

# Pages a signed-in person may reach before completing two-factor authentication.
_OPEN_BEFORE_SECOND_FACTOR = {
    "core:start",
    "core:accessibility",
    "core:privacy",
    "core:sign-in",
    "core:sign-out",
    "core:signed-out",
    "core:healthz",
    "core:readyz",
    "core:two-factor-set-up",
    "core:two-factor-verify",
}


class SessionInactivityMiddleware:
    """Ends a session that has been idle for SESSION_INACTIVITY_MINUTES and says why."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            now = timezone.now().timestamp()
            last_seen = request.session.get(_LAST_SEEN, now)
            if now - last_seen > settings.SESSION_INACTIVITY_MINUTES * 60:
                logout(request)
                return redirect(f"{reverse('core:signed-out')}?reason=inactivity")
            request.session[_LAST_SEEN] = now
        return self.get_response(request)


class RequireTwoFactorMiddleware:
    """A signed-in person must set up, then enter, a TOTP code before using the service.

    API requests authenticate with tokens, not sessions, and are not affected.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if user.is_authenticated and not user.is_verified() and not self._is_open(request):
            target = "core:two-factor-verify" if user_has_device(user) else "core:two-factor-set-up"
            return redirect(f"{reverse(target)}?next={request.get_full_path()}")
        return self.get_response(request)

    @staticmethod
    def _is_open(request):
        if request.path.startswith((settings.STATIC_URL, "/api/", "/invitations/", "/return/", "/notify-a-death/")):
            return True
        match = getattr(request, "resolver_match", None)
        if match is None:
            from django.urls import Resolver404, resolve

            try:
                match = resolve(request.path_info)
            except Resolver404:
                return True  # the 404 page says nothing
        return match.view_name in _OPEN_BEFORE_SECOND_FACTOR
