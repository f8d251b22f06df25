"""Agency reporting forms: requested by the panel manager, completed by each agency, with a reminder."""

from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone

from safeguarding.core import audit
from safeguarding.core.concurrency import save_if_unchanged

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


def _agency_emails(report):
    from safeguarding.organisations.models import Membership

    members = Membership.objects.filter(organisation=report.organisation, area=report.case.area, user__is_active=True)
    return sorted(set(members.values_list("user__email", flat=True)))


def _send_reminder(report, due_on):
    recipients = _agency_emails(report)
    if not recipients:
        return
    send_mail(
        f"Reminder: child death report {report.case.reference} due {due_on:%-d %B %Y}",
        f"The child death overview panel is waiting for {report.organisation}'s report on case "
        f"{report.case.reference}. It is due on {due_on:%-d %B %Y}. Sign in to complete it.",
        None,
        recipients,
    )


def remind(user, report, *, today=None):
    """Records the reminder and emails the agency's people in the area once the change is stored."""
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
        due_on = agency_report_clock(report, today).due_on
        transaction.on_commit(lambda: _send_reminder(report, due_on))
    return report
