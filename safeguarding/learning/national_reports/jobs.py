"""The annual report's figures assembled as a long job, started from the report pages (see actions.request_assembly)."""

from django.urls import reverse

from . import actions
from .models import AnnualReport


def _year(run):
    return int(run.period.split(" ", 1)[0])


def assemble_job(run, progress, *, year):
    """Calls the same action the pages called before, as the person who asked. Running twice assembles the same
    figures onto the same report (one report per year, its written sections kept)."""
    report = actions.assemble(run.requested_by, year, progress=progress)
    return {"year": year, "version": report.version, "result_url": reverse("national_reports:edit", args=[year])}


def links(run):
    report = AnnualReport.objects.filter(year=_year(run)).first()
    if report is None:
        return []
    if report.is_published:
        return [
            (f"Read the published report for {report.year}", reverse("national_reports:published", args=[report.year]))
        ]
    return [
        (f"Write the annual report {report.year}", reverse("national_reports:edit", args=[report.year])),
        (f"Preview the annual report {report.year}", reverse("national_reports:preview", args=[report.year])),
    ]
