"""Agency reporting forms: requested by the panel manager, completed by each agency, with a reminder."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from safeguarding.core import audit
from safeguarding.core.concurrency import save_if_unchanged
from safeguarding.notifications import announce

from ..clocks import agency_report_clock
from ..models import AgencyReport, CaseStatus, CaseStatusChange, ChildDeathCase
from ..models.vocabulary import SupplementaryContext
from ..transitions import CASE_TRANSITIONS
from .common import acting_as, require


def request_report(user, case, *, organisation, contexts, today=None):
    require(user, "child_deaths.manage_case", case, "Only the panel manager requests agency reports.")
    today = today or timezone.localdate()
    errors = {}
    if organisation is None:
        errors["organisation"] = "Select the agency to ask for a report"
    if any(context not in SupplementaryContext.values for context in contexts):
        errors["contexts"] = "Select only contexts from the list"
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        case = ChildDeathCase.objects.select_for_update().get(pk=case.pk)
        if not case.is_open:
            raise ValidationError("Reports can be requested only for an open case")
        if AgencyReport.objects.filter(case=case, organisation=organisation).exists():
            raise ValidationError({"organisation": f"A report has already been requested from {organisation}"})
        report = AgencyReport.objects.create(
            case=case, organisation=organisation, contexts=list(contexts), requested_on=today, requested_by=user
        )
        if case.status in {CaseStatus.NOTIFIED, CaseStatus.JOINT_AGENCY_RESPONSE}:
            CASE_TRANSITIONS.move(
                case,
                CaseStatus.GATHERING_INFORMATION,
                actor=user,
                history=CaseStatusChange,
                reason=f"Report requested from {organisation}",
            )
            case.save(update_fields=["status"])
        audit.record(
            acting_as(user, case.area),
            "child_death.report.requested",
            case,
            {"organisation": organisation.pk, "contexts": list(contexts)},
            area=case.area,
        )
        announce.agency_report_requested(report, agency_report_clock(report, today).due_on)
    return report


def submit_report(user, report, answers, *, version, today=None):
    """The agency's answers to every question of its form; all are required."""
    require(user, "child_deaths.complete_report", report, "You may not complete this agency's report.")
    today = today or timezone.localdate()
    if report.submitted_on is not None:
        raise ValidationError("This report has already been submitted")
    errors = {
        key: "Answer this question" for key, _question in report.questions() if not (answers.get(key) or "").strip()
    }
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        report.answers = {key: answers[key].strip() for key, _question in report.questions()}
        report.submitted_on, report.submitted_by = today, user
        save_if_unchanged(report, version, ["answers", "submitted_on", "submitted_by"])
        audit.record(
            acting_as(user, report.case.area),
            "child_death.report.submitted",
            report.case,
            {"report": report.pk, "organisation": report.organisation_id},
            area=report.case.area,
        )
    return report


def remind(user, report, *, today=None):
    """Records the reminder; the agency's people are told (in the service and by email) by the notifications job."""
    require(user, "child_deaths.manage_case", report.case, "Only the panel manager sends reminders.")
    today = today or timezone.localdate()
    if report.submitted_on is not None:
        raise ValidationError("This report has already been submitted")
    with transaction.atomic():
        report.reminded_on = today
        report.save(update_fields=["reminded_on"])
        audit.record(
            acting_as(user, report.case.area),
            "child_death.report.reminded",
            report.case,
            {"report": report.pk},
            area=report.case.area,
        )
        announce.agency_report_reminder(report, agency_report_clock(report, today).due_on)
    return report


def record_report_read(user, report):
    """A reading of a submitted report, on the audit trail like every reading of what is said of a child."""
    require(user, "child_deaths.read_report", report, "You may not read this agency's report.")
    return audit.record(
        acting_as(user, report.case.area),
        "child_death.report.read",
        report.case,
        {"report": report.pk, "organisation": report.organisation_id},
        area=report.case.area,
    )
