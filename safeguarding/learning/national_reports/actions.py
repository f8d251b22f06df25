"""Every change to an annual report: assembling its figures, writing its sections, publishing it.

Each checks the permission, changes inside one transaction, and writes its audit event there.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from safeguarding.core import audit, permissions
from safeguarding.core.concurrency import StaleEdit, save_if_unchanged

from .assembly import assemble_figures
from .models import SECTIONS, AnnualReport, ReportStatus

SECTION_FIELDS = tuple(field for field, _heading in SECTIONS)
EARLIEST_YEAR = 2016  # the Wood Report; nothing on the platform is older


def _person(actor):
    return actor.user if isinstance(actor, audit.Actor) else actor


def _check(actor, perm, report=None):
    user = _person(actor)
    if user is not None and not user.has_perm(perm, report):
        raise PermissionDenied(f"You may not do this ({perm}).")
    return user


def _audit_actor(actor):
    """A person as the audit trail names them: with the national role they acted in."""
    if isinstance(actor, audit.Actor):
        return actor
    membership = next((m for m in permissions.memberships(actor) if m.area_id is None), None)
    if membership is None:
        return actor
    return audit.Actor.person(actor, organisation=membership.organisation, role=membership.role)


def _refuse_if_published(report):
    if report.is_published:
        raise ValidationError("The report has been published: it can no longer be changed")


ASSEMBLY_JOB = "annual-report-assembly"


def _check_assembly(actor, year, today, expected_version=None):
    _check(actor, "national_reports.edit")
    if not isinstance(year, int) or not EARLIEST_YEAR <= year <= today.year:
        raise ValidationError({"year": f"Enter a year from {EARLIEST_YEAR} to {today.year}"})
    report = AnnualReport.objects.filter(year=year).first()
    if report is not None:
        _refuse_if_published(report)
        if expected_version is not None and report.version != expected_version:
            raise StaleEdit()
    return report


def request_assembly(actor, year, *, expected_version=None, today=None):
    """What the pages call: the permission, the year, publication and the version are checked now (a refusal is
    immediate), then the assembly is queued as a long job and its run returned for the page to follow. A year
    whose assembly is already queued or running gets that run rather than a second one."""
    from safeguarding.jobs.actions import start_long_job
    from safeguarding.jobs.runs import in_progress

    today = today or timezone.localdate()
    _check_assembly(actor, year, today, expected_version)
    running = in_progress(ASSEMBLY_JOB, year)
    if running is not None:
        return running
    return start_long_job(
        _audit_actor(actor), _person(actor), ASSEMBLY_JOB, about=year, kwargs={"year": year}, audit_data={"year": year}
    )


def assemble(actor, year, *, expected_version=None, today=None, progress=None):
    """Starts the year's report with its figures, or assembles a draft's figures again from today's data.
    `progress(done, total, stage)` hears how far the counting has got; the report is written in one
    transaction at the end, so a failure part-way leaves it as it was."""
    today = today or timezone.localdate()
    _check_assembly(actor, year, today)
    data = assemble_figures(year, today=today, progress=progress)
    with transaction.atomic():
        report = AnnualReport.objects.select_for_update().filter(year=year).first()
        if report is None:
            try:
                with transaction.atomic():
                    report = AnnualReport.objects.create(year=year, data=data, assembled_at=timezone.now())
            except IntegrityError:  # someone started the same year a moment ago
                raise StaleEdit(f"The report for {year} has just been started by someone else: open it") from None
            verb = "national_report.started"
        else:
            _refuse_if_published(report)
            report.data, report.assembled_at = data, timezone.now()
            version = report.version if expected_version is None else expected_version
            save_if_unchanged(report, version, ["data", "assembled_at"])
            verb = "national_report.assembled"
        audit.record(_audit_actor(actor), verb, report, {"year": year, "assembled_on": today})
    return report


def edit(actor, report, expected_version, **sections):
    """Saves the written sections; the second of two people saving the same version is refused."""
    _check(actor, "national_reports.edit", report)
    _refuse_if_published(report)
    unknown = set(sections) - set(SECTION_FIELDS)
    if unknown:
        raise ValueError(f"Not a section of the annual report: {', '.join(sorted(unknown))}")
    with transaction.atomic():
        for field, text in sections.items():
            setattr(report, field, (text or "").strip())
        save_if_unchanged(report, expected_version, list(sections))
        audit.record(_audit_actor(actor), "national_report.edited", report, {"sections": sorted(sections)})
    return report


def publish(actor, report, expected_version, *, today=None):
    """Publishes the report as it stands, by a national administrator. It is frozen from then on."""
    user = _check(actor, "national_reports.publish", report)
    _refuse_if_published(report)
    if not report.lessons_for_government.strip():
        raise ValidationError(
            {"lessons_for_government": "Write the lessons for government before publishing the report"}
        )
    today = today or timezone.localdate()
    with transaction.atomic():
        report.status, report.published_on, report.published_by = ReportStatus.PUBLISHED, today, user
        save_if_unchanged(report, expected_version, ["status", "published_on", "published_by"])
        audit.record(_audit_actor(actor), "national_report.published", report, {"year": report.year})
    return report
