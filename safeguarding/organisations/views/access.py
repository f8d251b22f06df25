"""Who reaches the administration pages, and how refusals from the actions reach the page."""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404

PAGE_SIZE = 25


def administrator_required(view):
    """Signed-in administrators only. Anyone else is told the page does not exist (404), not that it
    is forbidden, so the pages do not reveal who or what is there."""

    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.has_perm("organisations.manage_people"):
            raise Http404
        try:
            return view(request, *args, **kwargs)
        except PermissionDenied:
            # An action refused something the page's scoped queries should already have hidden.
            raise Http404 from None

    return wrapper
