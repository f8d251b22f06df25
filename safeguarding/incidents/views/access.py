"""How incident pages find a case and refuse people: 404 for anything a person may not see or do,
so that pages never reveal which cases exist."""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from ..models import Incident

PAGE_SIZE = 25


def case_or_404(request, pk, perm="incidents.view_case"):
    incident = get_object_or_404(Incident.objects.visible_to(request.user).select_related("area", "child"), pk=pk)
    if not request.user.has_perm(perm, incident):
        raise Http404
    return incident


def refusals_are_404(view):
    """Signed-in people only; an action's PermissionDenied (the page's checks should already have
    hidden the case) answers 404 like everything else a person may not reach."""

    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except PermissionDenied:
            raise Http404 from None

    return wrapper
