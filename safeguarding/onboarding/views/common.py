"""How the onboarding pages refuse: anyone without the permission is told the page does not exist."""

from django.http import Http404


def require_perm(request, perm, obj=None):
    if not request.user.has_perm(perm, obj):
        raise Http404


def accept_url_builder(request):
    """The invitation page's address for a token, carried after `#` (see organisations.actions.invitations)."""
    from django.urls import reverse

    start = request.build_absolute_uri(reverse("invitations:start"))
    return lambda token: f"{start}#{token}"
