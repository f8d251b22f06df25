"""The arrangements of the areas a person works in, and one area's overview."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone

from safeguarding.core import permissions
from safeguarding.core.pagination import paginate, pagination_links
from safeguarding.organisations.models import SafeguardingArea

from ..completeness import gaps
from ..models import ArrangementsVersion, SignOff, TransitionDeadline, VersionStatus
from ..transition import standings
from .common import area_for

AREAS_PER_PAGE = 25


@login_required
def area_list(request):
    user = request.user
    if permissions.national_roles(user):
        areas = SafeguardingArea.objects.all()
    else:
        areas = SafeguardingArea.objects.filter(pk__in=permissions.area_ids_with_role(user))
    page = paginate(request, areas, AREAS_PER_PAGE)
    deadline = TransitionDeadline.current()
    states = standings(list(page.object_list), deadline.deadline if deadline else None, timezone.localdate())
    rows = [(area, states[area.pk]) for area in page.object_list]
    return render(
        request,
        "arrangements/area_list.html",
        {
            "rows": rows,
            "page": page,
            "pagination": pagination_links(page, request.GET),
            "deadline": deadline,
            "may_see_national": user.has_perm("arrangements.view_national"),
        },
    )


@login_required
def area_overview(request, slug):
    area = area_for(request, slug)
    versions = list(ArrangementsVersion.objects.visible_to(request.user).filter(area=area).order_by("-number"))
    draft = next((v for v in versions if v.status == VersionStatus.DRAFT), None)
    published = next((v for v in versions if v.status == VersionStatus.PUBLISHED), None)
    deadline = TransitionDeadline.current()
    state = standings([area], deadline.deadline if deadline else None, timezone.localdate())[area.pk]
    context = {
        "area": area,
        "versions": versions,
        "draft": draft,
        "published": published,
        "state": state,
        "deadline": deadline,
        "draft_gaps": gaps(draft) if draft else [],
        "draft_sign_offs": SignOff.objects.visible_to(request.user).standing().filter(document=draft) if draft else [],
        "may_edit": request.user.has_perm("arrangements.edit", area),
    }
    return render(request, "arrangements/area_overview.html", context)
