"""One entry of the repository at its stable address. Published entries are open to everyone; a rapid
inquiry's learning summary only to the national roles (anyone else gets 404: its existence is not shown)."""

from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from safeguarding.incidents.choices import Harm, HarmKind
from safeguarding.organisations.models import OrganisationKind

from ..models import RepositoryEntry


def _labels(codes, choices):
    labels = dict(choices)
    return [labels.get(code, code) for code in codes]


@require_safe
def entry(request, reference):
    shown = get_object_or_404(
        RepositoryEntry.objects.visible_to(request.user).select_related("region"), reference=reference
    )
    findings = shown.current_findings().prefetch_related("codes__theme", "recommendations")
    recommendations = shown.current_recommendations().select_related("finding")
    national = request.user.has_perm("repository.search_national")
    return render(
        request,
        "repository/entry.html",
        {
            "entry": shown,
            "findings": findings,
            "recommendations": recommendations,
            "earlier_editions": shown.earlier_editions.order_by("-edition"),
            "harm_label": dict(Harm.choices).get(shown.harm, shown.harm),
            "harm_kinds": _labels(shown.harm_kinds, HarmKind.choices),
            "agencies": _labels(shown.agencies, OrganisationKind.choices),
            "national": national,
            "can_code": request.user.has_perm("repository.code_findings"),
            "back_url_name": "repository:national-search" if national else "repository:search",
        },
    )
