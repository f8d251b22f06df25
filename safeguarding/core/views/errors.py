"""Error pages in the service's own style. They never say more than the visitor needs."""

import sys

from django.db import DatabaseError, InterfaceError, OperationalError
from django.http import HttpResponse
from django.shortcuts import render

from safeguarding.api import problems

TITLES = {
    "400": "Sorry, there is a problem with your request",
    "403": "You do not have permission to do this",
    "403_csrf": "Sorry, your form could not be sent",
    "404": "Page not found",
    "500": "Sorry, there is a problem with the service",
    "503": "Sorry, the service is unavailable",
}
# Seconds a client is asked to wait before trying again when the database could not be reached.
RETRY_AFTER_SECONDS = 5
PLAIN_503 = (
    '<!DOCTYPE html><html lang="en"><head><title>Sorry, the service is unavailable</title></head><body>'
    "<h1>Sorry, the service is unavailable</h1><p>Try again in a few minutes. If you were submitting a form, "
    "check whether it was saved before you submit it again.</p></body></html>"
)


def _error_page(request, name, status):
    return render(request, f"errors/{name}.html", {"title": TITLES[name]}, status=status)


# Under /api/ every error answers problem+json (safeguarding.api.problems), never an HTML page.


def bad_request(request, exception=None):
    if problems.is_api_request(request):
        return problems.problem(request, 400, "The request could not be read")
    return _error_page(request, "400", 400)


def permission_denied(request, exception=None):
    if problems.is_api_request(request):
        return problems.problem(request, 403, "This API token may not do this")
    return _error_page(request, "403", 403)


def page_not_found(request, exception=None):
    if problems.is_api_request(request):
        return problems.api_not_found(request)
    return _error_page(request, "404", 404)


def server_error(request):
    # Django calls this while handling the crash, so the exception is at hand. A lost or refused database
    # connection (a restart, a failover) is not a fault of the request: 503 with Retry-After says "try again";
    # the next request finds a new connection (CONN_HEALTH_CHECKS, docs/faults.md).
    if isinstance(sys.exc_info()[1], OperationalError | InterfaceError):
        if problems.is_api_request(request):
            return problems.api_unavailable(request, RETRY_AFTER_SECONDS)
        try:
            response = _error_page(request, "503", 503)
        except DatabaseError:  # the page's layout reads the signed-in person, and the database is still away
            response = HttpResponse(PLAIN_503, status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    if problems.is_api_request(request):
        return problems.api_server_error(request)
    return _error_page(request, "500", 500)


def csrf_failure(request, reason=""):
    return _error_page(request, "403_csrf", 403)
