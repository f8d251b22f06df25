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


def show_refusal(form, error):
    """Puts an action's ValidationError on the form: on its field when it names one, else at the top."""
    if hasattr(error, "error_dict"):
        for field, messages in error.message_dict.items():
            form.add_error(field if field in form.fields else None, messages)
    else:
        form.add_error(None, error.messages)
