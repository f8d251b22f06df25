"""Error pages in the service's own style. They never say more than the visitor needs."""

from django.shortcuts import render

from safeguarding.api import problems

TITLES = {
    "400": "Sorry, there is a problem with your request",
    "403": "You do not have permission to do this",
    "403_csrf": "Sorry, your form could not be sent",
    "404": "Page not found",
    "500": "Sorry, there is a problem with the service",
}


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
    if problems.is_api_request(request):
        return problems.api_server_error(request)
    return _error_page(request, "500", 500)


def csrf_failure(request, reason=""):
    return _error_page(request, "403_csrf", 403)
