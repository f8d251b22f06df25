from django.conf import settings


def service(request):
    """Values every page's layout needs."""
    return {
        "service_name": settings.SERVICE_NAME,
        "session_timeout_minutes": settings.SESSION_INACTIVITY_MINUTES,
    }
