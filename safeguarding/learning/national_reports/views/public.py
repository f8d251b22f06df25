"""Public pages: the published annual reports (HTML and PDF) and the topic briefings. No sign-in."""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.views.decorators.cache import cache_control

from safeguarding.core.pagination import paginate, pagination_links
from safeguarding.learning.repository.models import Theme

from .. import briefings, disclosure
from ..charts import column_chart
from ..models import AnnualReport, ReportStatus
from ..presentation import report_context

EXTRACTS_PER_PAGE = 10


def _published(year):
    return get_object_or_404(AnnualReport, year=year, status=ReportStatus.PUBLISHED)


def published_list(request):
    reports = AnnualReport.objects.filter(status=ReportStatus.PUBLISHED)
    return render(request, "national_reports/public/list.html", {"reports": reports})


def published(request, year):
    return render(request, "national_reports/public/report.html", report_context(_published(year)))


def pdf_html(report, request=None):
    """The HTML the PDF is printed from (kept apart so that tests read the text the PDF holds)."""
    return render_to_string("national_reports/public/report_pdf.html", report_context(report), request=request)


@cache_control(public=True, max_age=300)
def published_pdf(request, year):
    from weasyprint import HTML  # imported here: it loads Pango, which most requests never need

    report = _published(year)
    pdf = HTML(string=pdf_html(report, request), base_url=request.build_absolute_uri("/")).write_pdf()
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="national-body-annual-report-{year}.pdf"'
    return response


def themes(request):
    tables = briefings.all_theme_tables()
    groups = []
    for table in tables:
        if not groups or groups[-1][0] != table.theme.group:
            groups.append((table.theme.group, []))
        groups[-1][1].append(table)
    return render(request, "national_reports/public/themes.html", {"groups": groups})


def theme(request, slug):
    chosen = get_object_or_404(Theme.objects.select_related("group"), slug=slug, is_active=True)
    table = briefings.theme_table(chosen)
    page = paginate(request, briefings.extracts(chosen), EXTRACTS_PER_PAGE)
    chart = column_chart(
        "findings-by-year",
        f"Published findings coded {chosen.name}, by year of publication",
        [(row.label, row.findings) for row in table.years],
        unit="Findings",
    )
    return render(
        request,
        "national_reports/public/theme.html",
        {
            "theme": chosen,
            "table": table,
            "chart": chart,
            "page": page,
            "pagination": pagination_links(page, request.GET),
            "hidden_text": disclosure.HIDDEN,
        },
    )
