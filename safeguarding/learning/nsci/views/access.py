"""How the national inquiry pages find an inquiry and refuse people: 404 for anyone who may not see or do
it, so that pages never reveal which inquiries exist."""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from ..models import NationalInquiry

PAGE_SIZE = 20


def inquiry_or_404(request, pk, perm="nsci.view"):
    inquiry = get_object_or_404(NationalInquiry.objects.visible_to(request.user), pk=pk)
    if not request.user.has_perm(perm, inquiry):
        raise Http404
    return inquiry


def national_page(perm):
    """Signed-in people with `perm` only; an action's PermissionDenied answers 404 like everything else."""

    def decorate(view):
        @login_required
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if not request.user.has_perm(perm):
                raise Http404
            try:
                return view(request, *args, **kwargs)
            except PermissionDenied:
                raise Http404 from None

        return wrapper

    return decorate
