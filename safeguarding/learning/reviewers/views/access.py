"""How the register's pages refuse people: 404 for anything a person may not see or do, as incidents do."""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from ..models import Reviewer

PAGE_SIZE = 25


def require(request, perm, obj=None):
    if not request.user.has_perm(perm, obj):
        raise Http404


def reviewer_or_404(request, pk, perm):
    reviewer = get_object_or_404(Reviewer.objects.select_related("user"), pk=pk)
    require(request, perm, reviewer)
    return reviewer


def refusals_are_404(view):
    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except PermissionDenied:
            raise Http404 from None

    return wrapper
