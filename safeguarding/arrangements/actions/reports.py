"""Starting, editing and publishing the yearly report."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from safeguarding.core import audit
from safeguarding.core.concurrency import save_if_unchanged

from ..models import REPORT_SECTIONS, YearlyReport
from ..models.reports import REPORT_SECTION_MAX
from ..reporting import assemble

SECTION_FIELDS = [field for field, _ in REPORT_SECTIONS]


def start_report(user, area, year):
    if not user.has_perm("arrangements.edit", area):
        raise PermissionDenied
    if YearlyReport.objects.filter(area=area, year=year).exists():
        raise ValidationError({"year": "There is already a report for this year: open it from the list"})
    with transaction.atomic():
        report = YearlyReport.objects.create(area=area, year=year, created_by=user, **assemble(area, year))
        audit.record(user, "arrangements.report_started", report, {"year": year}, area=area)
    return report


def edit_report(user, report, *, expected_version, **sections):
    if not user.has_perm("arrangements.edit", report.area):
        raise PermissionDenied
    headings = dict(REPORT_SECTIONS)
    too_long = {
        field: f"{headings[field]} must be {REPORT_SECTION_MAX:,} characters or fewer; it is {len(text):,} characters"
        for field, text in sections.items()
        if len(text) > REPORT_SECTION_MAX
    }
    if too_long:
        raise ValidationError(too_long)
    with transaction.atomic():
        current = YearlyReport.objects.select_for_update().get(pk=report.pk)
        if not current.is_draft:
            raise ValidationError("This report is published: it cannot be changed")
        for field in SECTION_FIELDS:
            setattr(report, field, sections[field])
        save_if_unchanged(report, expected_version, SECTION_FIELDS)
        audit.record(user, "arrangements.report_edited", report, {"year": report.year}, area=report.area)
    return report


def publish_report(user, report):
    if not user.has_perm("arrangements.publish", report.area):
        raise PermissionDenied
    with transaction.atomic():
        report = YearlyReport.objects.select_for_update().get(pk=report.pk)
        if not report.is_draft:
            raise ValidationError("This report is already published")
        empty = [heading for field, heading in REPORT_SECTIONS if not getattr(report, field).strip()]
        if empty:
            raise ValidationError(f"Write every section before publishing; still empty: {', '.join(empty)}")
        report.status, report.published_at, report.published_by = YearlyReport.Status.PUBLISHED, timezone.now(), user
        report.save(update_fields=["status", "published_at", "published_by"])
        audit.record(user, "arrangements.report_published", report, {"year": report.year}, area=report.area)
    return report
