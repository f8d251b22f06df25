from django.conf import settings
from django.contrib.auth.backends import ModelBackend


class EmailBackend(ModelBackend):
    """Signs people in by email address (case-insensitive). Demo accounts only where demo is enabled."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        email = (username or kwargs.get("email") or "").strip().lower()
        return super().authenticate(request, username=email, password=password, **kwargs)

    def user_can_authenticate(self, user):
        if getattr(user, "is_demo", False) and not settings.DEMO_ACCOUNTS_ENABLED:
            return False
        return super().user_can_authenticate(user)
