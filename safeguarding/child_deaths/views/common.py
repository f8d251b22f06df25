"""Reaching a case from a page: through the scoped queryset, 404 outside the person's scope."""

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone

from ..models import ChildDeathCase


def visible_case(request, reference):
    cases = ChildDeathCase.objects.visible_to(request.user).select_related("area", "panel", "child")
    return get_object_or_404(cases, reference=reference)


def managed_case(request, reference):
    """A case the person manages as panel manager; 404 for anyone else, like the service's other pages."""
    case = visible_case(request, reference)
    if not request.user.has_perm("child_deaths.manage_case", case):
        raise Http404
    return case


def today():
    return timezone.localdate()
