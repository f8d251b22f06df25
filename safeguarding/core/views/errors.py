"""Error pages in the service's own style. They never say more than the visitor needs."""

from django.shortcuts import render

TITLES = {
    "400": "Sorry, there is a problem with your request",
    "403": "You do not have permission to do this",
    "403_csrf": "Sorry, your form could not be sent",
    "404": "Page not found",
    "500": "Sorry, there is a problem with the service",
}


def _error_page(request, name, status):
    return render(request, f"errors/{name}.html", {"title": TITLES[name]}, status=status)


def bad_request(request, exception=None):
    return _error_page(request, "400", 400)


def permission_denied(request, exception=None):
    return _error_page(request, "403", 403)


def page_not_found(request, exception=None):
    return _error_page(request, "404", 404)


def server_error(request):
    return _error_page(request, "500", 500)


def csrf_failure(request, reason=""):
    return _error_page(request, "403_csrf", 403)
