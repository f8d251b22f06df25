"""Pages for a child's pseudonymised record and the audited reveal of who the child is.

Identifying details are shown only in the response to a POST that gives a reason: never in a URL,
never cached, never to national roles. Rows outside the person's areas answer 404.
"""

import datetime

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils.cache import add_never_cache_headers
from django.utils.formats import date_format
from django.views.decorators.http import require_http_methods

from safeguarding.core.pagination import paginate, pagination_links

from . import nhs
from .actions import IDENTITY_FIELDS, IdentityViewReason, find_linked, reveal_identity
from .forms import RevealIdentityForm
from .models import ChildIdentity

CHILDREN_PER_PAGE = 50

_FIELD_LABELS = {
    "given_names": "Given names",
    "family_name": "Family name",
    "nhs_number": "NHS number",
    "nhs_number_unavailable_reason": "Why there is no NHS number",
    "date_of_birth": "Date of birth",
    "address": "Address",
    "postcode": "Postcode",
}


@login_required
def child_list(request):
    children = ChildIdentity.objects.visible_to(request.user).select_related("area")
    page = paginate(request, children, CHILDREN_PER_PAGE)
    return render(
        request, "identity/child_list.html", {"page": page, "pagination": pagination_links(page, request.GET)}
    )


def _details_for_display(details):
    """(label, value) rows of the filled-in fields, the NHS number grouped as the NHS writes it."""
    rows = []
    for name in IDENTITY_FIELDS:
        value = details.get(name) or ""
        if not value:
            continue
        if name == "nhs_number":
            value = nhs.formatted(value)
        elif name == "date_of_birth":
            value = date_format(datetime.date.fromisoformat(value), "j F Y")
        rows.append((_FIELD_LABELS[name], value))
    return rows


@login_required
@require_http_methods(["GET", "POST"])
def child_detail(request, pseudonym):
    visible = ChildIdentity.objects.visible_to(request.user).select_related("area")
    identity = get_object_or_404(visible, pseudonym=pseudonym)
    if not request.user.has_perm("core.view_pseudonymised", identity):
        raise Http404
    may_reveal = request.user.has_perm("core.view_identity", identity)
    if request.method == "POST" and not may_reveal:
        raise Http404
    form = RevealIdentityForm(request.POST if request.method == "POST" else None)
    details = reason_label = None
    if request.method == "POST" and form.is_valid():
        try:
            details = _details_for_display(reveal_identity(request.user, identity, form.cleaned_data["reason"]))
        except PermissionDenied:
            raise Http404 from None
        reason_label = IdentityViewReason(form.cleaned_data["reason"]).label
    context = {
        "identity": identity,
        "linked_count": find_linked(identity).visible_to(request.user).count(),
        "may_reveal": may_reveal,
        "form": form,
        "details": details,
        "reason_label": reason_label,
    }
    response = render(request, "identity/child_detail.html", context)
    if request.method == "POST":
        # The details must not be kept by the browser or any proxy: Back or history must not show them.
        add_never_cache_headers(response)
    return response
