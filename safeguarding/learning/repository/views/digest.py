"""The public monthly digest of additions to the repository: published material only, as on the public search."""

import datetime

from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_safe

from safeguarding.core.pagination import paginate, pagination_links

from ..models import RepositoryEntry
from ..search import digest
from .presentation import count_label

PER_PAGE = 50


def _reports(n):
    """ "1 report", "12 reports", or "fewer than 5 reports" for a suppressed count (which stands for several)."""
    label = count_label(n, public=True)
    return f"{label} {'report' if label == '1' else 'reports'}"


@require_safe
def months(request):
    listed = [
        {"month": month, "label": digest.month_label(month), "count_text": _reports(n)}
        for month, n in digest.months_with_additions(RepositoryEntry.objects.public())
    ]
    return render(request, "repository/digest.html", {"months": listed})


@require_safe
def month(request, year, month):
    try:
        first_day = datetime.date(int(year), int(month), 1)
    except ValueError:
        raise Http404 from None
    page = paginate(request, digest.additions_in(RepositoryEntry.objects.public(), first_day), PER_PAGE)
    return render(
        request,
        "repository/digest_month.html",
        {
            "month": first_day,
            "label": digest.month_label(first_day),
            "page": page,
            "pagination": pagination_links(page, request.GET),
        },
    )
