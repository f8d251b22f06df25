"""The learning report: written in structured sections, completed (the inquiry's end), redacted of named
details, published with the decision and date, submitted to the national body, and reported through
local accountability bodies (Wood paras 161, 166 and 168)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from safeguarding.core import audit
from safeguarding.core.concurrency import StaleEdit, save_if_unchanged
from safeguarding.learning.repository import actions as repository
from safeguarding.learning.repository import intake
from safeguarding.notifications import announce

from .. import clocks, redaction
from ..models import AccountabilityBody, AccountabilityReport, IncidentStatusChange, LearningReport, NationalSubmission
from ..states import PUBLISHED_STATES, TRANSITIONS, IncidentStatus
from .common import audit_actor, check, names_in_identity

SECTION_FIELDS = tuple(field for field, _ in redaction.SECTIONS)
MISSING_SECTION = {
    "title": "Enter the report's title",
    "summary": "Write the summary",
    "background": "Write the background",
    "methodology_used": "Say how the inquiry was carried out",
    "what_went_well": "Say what went well",
    "learning": "Say what has been learned",
}


def _record(actor, verb, incident, data):
    audit.record(audit_actor(actor, incident.area), verb, incident, data, area=incident.area)


def _in(incident, states, doing):
    if incident.status not in states:
        raise ValidationError(f"The case is {incident.get_status_display().lower()}: {doing} is not possible now")


def sections_of(report):
    return {field: getattr(report, field) for field in SECTION_FIELDS}


def texts_of(report):
    """Everything that is published: the sections, then each finding and recommendation (by position),
    so that redaction covers the coded learning as well as the prose."""
    incident = report.incident
    texts = sections_of(report)
    for number, finding in enumerate(incident.findings.all(), start=1):
        texts[f"finding_{number}_what_happened"] = finding.what_happened
        texts[f"finding_{number}_why"] = finding.why
    for number, recommendation in enumerate(incident.recommendations.all(), start=1):
        texts[f"recommendation_{number}_change"] = recommendation.change
        texts[f"recommendation_{number}_outcome"] = recommendation.outcome
    return texts


def save_report(actor, incident, expected_version, **sections):
    """Creates or changes the report. A change after the redactions were confirmed clears them: they
    were confirmed for the words as they stood."""
    user = check(actor, "incidents.write_report", incident)
    _in(incident, {IncidentStatus.FINDINGS, IncidentStatus.REPORT_DRAFTED}, "writing the report")
    values = {field: (sections.get(field) or "").strip() for field in SECTION_FIELDS}
    if not values["title"]:
        raise ValidationError({"title": MISSING_SECTION["title"]})
    report = LearningReport.objects.filter(incident=incident).first()
    with transaction.atomic():
        if report is None:
            if expected_version is not None:
                raise StaleEdit()
            report = LearningReport.objects.create(incident=incident, updated_by=user, **values)
            cleared = False
        else:
            if expected_version is None:
                raise StaleEdit()
            cleared = bool(report.published_sections) and values != sections_of(report)
            for field, value in values.items():
                setattr(report, field, value)
            if cleared:
                report.published_sections, report.redactions = {}, ""
            report.updated_by, report.updated_at = user, timezone.now()
            save_if_unchanged(
                report,
                expected_version,
                [*SECTION_FIELDS, "published_sections", "redactions", "updated_by", "updated_at"],
            )
        _record(actor, "incident.report_saved", incident, {"redactions_cleared": cleared})
    return report


def complete_report(actor, incident, *, today=None):
    """The inquiry is complete when its report is written in full: the case moves to report drafted
    and the publication clock starts."""
    user = check(actor, "incidents.write_report", incident)
    report = LearningReport.objects.filter(incident=incident).first()
    errors = {}
    if report is None:
        errors = dict(MISSING_SECTION)
    else:
        errors = {field: message for field, message in MISSING_SECTION.items() if not getattr(report, field)}
    if not incident.findings.exists():
        errors[None] = ["Record at least one finding before completing the report"]
    if not incident.recommendations.exists():
        errors.setdefault(None, []).append("Record at least one recommendation before completing the report")
    if errors:
        raise ValidationError({key or "__all__": value for key, value in errors.items()})
    with transaction.atomic():
        TRANSITIONS.move(
            incident, IncidentStatus.REPORT_DRAFTED, actor=user, history=IncidentStatusChange, reason="Report drafted"
        )
        incident.lli_completed_on = today or timezone.localdate()
        incident.save(update_fields=["status", "lli_completed_on", "updated_at"])
        clocks.store_current_clock(incident)
        _record(actor, "incident.report_completed", incident, {"completed_on": incident.lli_completed_on})
    return incident


def return_to_findings(actor, incident, *, reason):
    """Back to findings and recommendations before publication; the inquiry is not complete after all."""
    user = check(actor, "incidents.write_report", incident)
    if not (reason or "").strip():
        raise ValidationError({"reason": "Say why the findings need more work"})
    with transaction.atomic():
        TRANSITIONS.move(incident, IncidentStatus.FINDINGS, actor=user, history=IncidentStatusChange, reason=reason)
        incident.lli_completed_on = None
        incident.save(update_fields=["status", "lli_completed_on", "updated_at"])
        clocks.store_current_clock(incident)
        LearningReport.objects.filter(incident=incident).update(published_sections={}, redactions="")
        _record(actor, "incident.returned_to_findings", incident, {})
    return incident


def _known_words(incident):
    words = set(incident.area.name.split())
    for name in incident.area.partners.values_list("name", flat=True):
        words.update(name.replace(",", " ").split())
    return words


def redaction_candidates(actor, report):
    incident = report.incident
    check(actor, "incidents.write_report", incident)
    names = names_in_identity(actor, incident)
    return redaction.candidates(texts_of(report), names=names, known_words=_known_words(incident))


def confirm_redactions(actor, report, expected_version, *, redactions, extra_terms=""):
    """The author's confirmed list of details to take out; the child's names cannot be left in."""
    incident = report.incident
    check(actor, "incidents.write_report", incident)
    _in(incident, {IncidentStatus.REPORT_DRAFTED}, "redaction")
    names = names_in_identity(actor, incident)
    sections = texts_of(report)
    found = redaction.candidates(sections, names=names, known_words=_known_words(incident))
    chosen = {term.lower() for term in redactions}
    left_in = [c.term for c in found if c.from_identity and c.term.lower() not in chosen]
    if left_in:
        names_left = ", ".join(left_in)
        raise ValidationError({"redactions": f"Redact the child's name wherever it appears: select {names_left}"})
    extra = [line.strip() for line in (extra_terms or "").splitlines() if line.strip()]
    terms = list(dict.fromkeys([c.term for c in found if c.term.lower() in chosen] + extra))
    published = redaction.redact(sections, terms)
    if redaction.remaining(published, names):
        raise ValidationError({"redactions": "A name of the child is still in the report: redact it"})
    with transaction.atomic():
        report.published_sections, report.redactions = published, "\n".join(terms)
        save_if_unchanged(report, expected_version, ["published_sections", "redactions"])
        _record(actor, "incident.report_redacted", incident, {"redactions": len(terms)})
    return report


def publish(actor, incident, expected_version, *, decision, published_on, today=None):
    """Publication of the redacted copy, by a lead chief officer: the decision in words, and its date."""
    user = check(actor, "incidents.publish_report", incident)
    TRANSITIONS.check(incident.status, IncidentStatus.PUBLISHED)
    today = today or timezone.localdate()
    report = incident.report
    errors = {}
    if not report.published_sections:
        errors["__all__"] = "The redactions have not been confirmed for the report as it stands: confirm them first"
    if not (decision or "").strip():
        errors["decision"] = "Record the publication decision: what is published, where, and with whose agreement"
    if published_on is None:
        errors["published_on"] = "Enter the date of publication"
    elif published_on > today:
        errors["published_on"] = "The date of publication must be today or in the past"
    elif incident.lli_completed_on and published_on < incident.lli_completed_on:
        errors["published_on"] = (
            "The date of publication must be the same as or after the date the report was completed"
        )
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        report.publication_decision = decision.strip()
        save_if_unchanged(report, expected_version, ["publication_decision"])
        TRANSITIONS.move(
            incident, IncidentStatus.PUBLISHED, actor=user, history=IncidentStatusChange, reason=decision.strip()
        )
        incident.published_on = published_on
        incident.save(update_fields=["status", "published_on", "updated_at"])
        clocks.store_current_clock(incident)
        _record(actor, "incident.published", incident, {"published_on": published_on})
        announce.report_published(incident)
    return incident


def submit_to_national_body(actor, incident, *, today=None):
    """The published report and its coded findings go to the national body's repository."""
    user = check(actor, "incidents.publish_report", incident)
    TRANSITIONS.check(incident.status, IncidentStatus.SUBMITTED_NATIONAL)
    report = getattr(incident, "report", None)
    if report is None:
        raise ValidationError(
            "This case's report was published in an earlier system and is not on the service: nothing to submit"
        )
    with transaction.atomic():
        TRANSITIONS.move(
            incident,
            IncidentStatus.SUBMITTED_NATIONAL,
            actor=user,
            history=IncidentStatusChange,
            reason="Published report and findings submitted",
        )
        incident.save(update_fields=["status", "updated_at"])
        report.national_submission = NationalSubmission.SUBMITTED
        report.submitted_on = today or timezone.localdate()
        report.save(update_fields=["national_submission", "submitted_on"])
        # The redacted published copy lands in the national repository in the same transaction.
        repository.receive(intake.from_learning_report(incident), actor=audit_actor(actor, incident.area))
        _record(
            actor,
            "incident.submitted_to_national_body",
            incident,
            {"findings": incident.findings.count(), "recommendations": incident.recommendations.count()},
        )
    return incident


def record_accountability(actor, incident, *, body, body_name, reported_on, note="", today=None):
    user = check(actor, "incidents.manage_actions", incident)
    _in(incident, PUBLISHED_STATES, "reporting to an accountability body")
    today = today or timezone.localdate()
    errors = {}
    if body not in AccountabilityBody.values:
        errors["body"] = "Select the kind of accountability body"
    if not (body_name or "").strip():
        errors["body_name"] = "Enter the name of the committee or board"
    if reported_on is None:
        errors["reported_on"] = "Enter the date the learning was reported"
    elif reported_on > today:
        errors["reported_on"] = "The date the learning was reported must be today or in the past"
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        row = AccountabilityReport.objects.create(
            incident=incident,
            body=body,
            body_name=body_name.strip(),
            reported_on=reported_on,
            note=(note or "").strip(),
            recorded_by=user,
        )
        _record(actor, "incident.accountability_reported", incident, {"body": body, "reported_on": reported_on})
    return row
