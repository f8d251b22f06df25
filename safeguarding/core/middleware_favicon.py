"""/favicon.ico, answered before sessions, sign-in and the database are reached."""

from django.http import HttpResponseRedirect
from django.templatetags.static import static
from django.utils.cache import patch_cache_control


class FaviconMiddleware:
    """Browsers ask for /favicon.ico whatever a page's <link rel="icon"> says (beside a PDF, say). The answer
    is a redirect to GOV.UK Frontend's icon among the static files (under its hashed name in production),
    which WhiteNoise serves.

    It comes before the session middleware: fetching an icon is not the person doing anything, so it must
    neither keep their session alive nor write to it (a write racing the page's own request could fail).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path != "/favicon.ico" or request.method not in {"GET", "HEAD"}:
            return self.get_response(request)
        response = HttpResponseRedirect(static("images/favicon.ico"))
        patch_cache_control(response, public=True, max_age=86400)
        return response
