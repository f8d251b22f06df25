"""Published arrangements: readable by anyone, without signing in (Wood recommendation 2: held to account).

Only published and superseded versions are reachable here; drafts answer 404. These views read
versions only through `published.py`, never through a person's scope, because the public has none.
"""

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.views.decorators.cache import cache_control

from safeguarding.organisations.models import SafeguardingArea

from ..models import SignOff, VersionStatus
from ..published import current_publications, public_reports, public_versions
from .comparing import compare_context


def _public_versions(area):
    return public_versions(area).order_by("-number")


def _area(slug):
    area = get_object_or_404(SafeguardingArea, slug=slug)
    if not _public_versions(area).exists():
        raise Http404
    return area


def published_list(request):
    current = current_publications().order_by("area__name")
    return render(request, "arrangements/public/list.html", {"versions": current})


def _version_context(area, version):
    return {
        "area": area,
        "version": version,
        "sections": version.sections.prefetch_related("evidence").order_by("position"),
        "agencies": version.relevant_agencies.select_related("organisation"),
        "sign_offs": version.sign_offs.filter(cleared_at__isnull=True).select_related("organisation", "signed_by"),
        "all_versions": _public_versions(area),
        "partner_kinds": SignOff.PARTNER_KINDS,
        "reports": public_reports(area),
    }


def published_area(request, slug):
    area = _area(slug)
    version = _public_versions(area).filter(status=VersionStatus.PUBLISHED).first() or _public_versions(area).first()
    return render(request, "arrangements/public/version.html", _version_context(area, version))


def published_version(request, slug, number):
    area = _area(slug)
    version = get_object_or_404(_public_versions(area), number=number)
    return render(request, "arrangements/public/version.html", _version_context(area, version))


@cache_control(public=True, max_age=300)
def published_pdf(request, slug, number):
    from weasyprint import HTML  # imported here: it loads Pango, which most requests never need

    area = _area(slug)
    version = get_object_or_404(_public_versions(area), number=number)
    html = render_to_string("arrangements/public/version_pdf.html", _version_context(area, version), request=request)
    pdf = HTML(string=html, base_url=request.build_absolute_uri("/")).write_pdf()
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{area.slug}-arrangements-version-{version.number}.pdf"'
    return response


def published_compare(request, slug):
    area = _area(slug)
    context = compare_context(request, area, list(_public_versions(area)))
    return render(request, "arrangements/compare.html", {**context, "public": True})


def _public_report(slug, year):
    area = get_object_or_404(SafeguardingArea, slug=slug)
    return area, get_object_or_404(public_reports(area), year=year)


def published_report(request, slug, year):
    area, report = _public_report(slug, year)
    return render(request, "arrangements/public/report.html", {"area": area, "report": report})


@cache_control(public=True, max_age=300)
def published_report_pdf(request, slug, year):
    from weasyprint import HTML

    area, report = _public_report(slug, year)
    html = render_to_string("arrangements/public/report_pdf.html", {"area": area, "report": report}, request=request)
    pdf = HTML(string=html, base_url=request.build_absolute_uri("/")).write_pdf()
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{area.slug}-yearly-report-{report.year}.pdf"'
    return response
