"""Lookups shared by the arrangements pages: the area from its slug, a version in scope, errors."""

from django.http import Http404
from django.shortcuts import get_object_or_404

from safeguarding.organisations.models import SafeguardingArea

from ..models import ArrangementsVersion


def area_for(request, slug, perm="arrangements.view"):
    """The area, if the person may `perm` in it; otherwise 404, so existence is not leaked."""
    area = get_object_or_404(SafeguardingArea, slug=slug)
    if not request.user.has_perm("arrangements.view", area) or not request.user.has_perm(perm, area):
        raise Http404
    return area


def version_for(request, area, number):
    visible = ArrangementsVersion.objects.visible_to(request.user)
    return get_object_or_404(visible, area=area, number=number)


def cleared_message(cleared):
    if not cleared:
        return ""
    names = " and ".join(", ".join(cleared).rsplit(", ", 1)) if len(cleared) > 1 else cleared[0]
    plural = "sign-offs" if len(cleared) > 1 else "sign-off"
    return (
        f" Because the draft changed, the {names.lower()} {plural} {'were' if len(cleared) > 1 else 'was'} cleared: "
        "the lead chief officers need to sign off this version again."
    )
