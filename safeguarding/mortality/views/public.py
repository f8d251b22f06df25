"""Published statistical releases: open to everyone, no sign-in. Only stored releases are served;
they were disclosure-controlled when built and carry no free text."""

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.safestring import mark_safe
from django.views.decorators.cache import cache_control

from ..models import Release, parse_financial_year


def _release(year):
    try:
        start = parse_financial_year(year)
    except ValueError:
        raise Http404 from None
    return get_object_or_404(Release, financial_year=start)


def releases(request):
    return render(request, "mortality/public/list.html", {"releases": Release.objects.order_by("-financial_year")})


def release(request, year):
    published = _release(year)
    files = sorted(published.tables)
    return render(
        request,
        "mortality/public/release.html",
        # Built from the project's own templates with autoescaping when the release was made.
        {"release": published, "body": mark_safe(published.html), "files": files},  # noqa: S308
    )


@cache_control(public=True, max_age=300)
def release_csv(request, year, name):
    published = _release(year)
    text = published.tables.get(f"{name}.csv")
    if text is None:
        raise Http404
    response = HttpResponse(text, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
    return response


@cache_control(public=True, max_age=300)
def release_pdf(request, year):
    published = _release(year)
    response = HttpResponse(bytes(published.pdf), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="child-deaths-{published.label}.pdf"'
    return response
