"""The running inquiry: dated progress notes, the national report (summary, findings, recommendations each
addressed to a national body or government department), and publication into the national repository."""

from django.core.exceptions import ValidationError
from django.db import transaction

from safeguarding.core.concurrency import save_if_unchanged
from safeguarding.learning.repository import actions as repository
from safeguarding.learning.repository.models import EntryKind

from ..models import NationalFinding, NationalRecommendation, ProgressNote
from ..states import REPORT_EDITABLE, InquiryStatus
from .common import check, move, record, require_status
from .common import today as local_today


def add_progress_note(actor, inquiry, *, noted_on, text, today=None):
    user = check(actor, "nsci.run", inquiry)
    require_status(inquiry, REPORT_EDITABLE, "take progress notes")
    today = today or local_today()
    errors = {}
    if noted_on is None or noted_on > today:
        errors["noted_on"] = "Enter the date of the progress: today or in the past"
    elif inquiry.set_up_on and noted_on < inquiry.set_up_on:
        errors["noted_on"] = f"The date must be on or after the set-up ({inquiry.set_up_on:%-d %B %Y})"
    if not (text or "").strip():
        errors["text"] = "Enter what has happened"
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        note = ProgressNote.objects.create(inquiry=inquiry, noted_on=noted_on, text=text.strip(), written_by=user)
        record(actor, "nsci.progress_noted", inquiry, {"noted_on": noted_on})
    return note


def save_summary(actor, inquiry, expected_version, *, summary):
    check(actor, "nsci.run", inquiry)
    require_status(inquiry, REPORT_EDITABLE, "have its report edited")
    summary = (summary or "").strip()
    if not summary:
        raise ValidationError({"report_summary": "Enter the report's summary"})
    with transaction.atomic():
        inquiry.report_summary = summary
        save_if_unchanged(inquiry, expected_version, ["report_summary"])
        record(actor, "nsci.report_summary_saved", inquiry)
    return inquiry


def _next_position(rows):
    return (max((row.position for row in rows.all()), default=0)) + 1


def add_finding(actor, inquiry, *, what_happened, why=""):
    check(actor, "nsci.run", inquiry)
    require_status(inquiry, REPORT_EDITABLE, "have its report edited")
    if not (what_happened or "").strip():
        raise ValidationError({"what_happened": "Enter what the inquiry found"})
    with transaction.atomic():
        finding = NationalFinding.objects.create(
            inquiry=inquiry,
            position=_next_position(inquiry.findings),
            what_happened=what_happened.strip(),
            why=(why or "").strip(),
        )
        record(actor, "nsci.finding_added", inquiry, {"position": finding.position})
    return finding


def add_recommendation(actor, inquiry, *, text, addressee):
    check(actor, "nsci.run", inquiry)
    require_status(inquiry, REPORT_EDITABLE, "have its report edited")
    errors = {}
    if not (text or "").strip():
        errors["text"] = "Enter the recommendation"
    if not (addressee or "").strip():
        errors["addressee"] = "Enter the national body or government department the recommendation is addressed to"
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        recommendation = NationalRecommendation.objects.create(
            inquiry=inquiry,
            position=_next_position(inquiry.recommendations),
            text=text.strip(),
            addressee=addressee.strip(),
        )
        record(actor, "nsci.recommendation_added", inquiry, {"position": recommendation.position})
    return recommendation


def remove_from_report(actor, inquiry, *, finding=None, recommendation=None):
    """Takes a finding or a recommendation out of the draft (a mistake, or learning merged into another)."""
    check(actor, "nsci.run", inquiry)
    require_status(inquiry, {InquiryStatus.IN_PROGRESS}, "have its report edited")
    row = finding or recommendation
    if row is None or row.inquiry_id != inquiry.pk:
        raise ValidationError("Choose a finding or recommendation of this report")
    kind = "finding" if finding is not None else "recommendation"
    with transaction.atomic():
        position = row.position
        row.delete()
        record(actor, f"nsci.{kind}_removed", inquiry, {"position": position})


def _report_problems(inquiry):
    problems = []
    if not inquiry.report_summary.strip():
        problems.append("the report needs its summary")
    if not inquiry.findings.exists():
        problems.append("the report needs at least one finding")
    if not inquiry.recommendations.exists():
        problems.append("the report needs at least one recommendation to a national body or department")
    return problems


def mark_drafted(actor, inquiry, expected_version, *, today=None):
    user = check(actor, "nsci.run", inquiry)
    require_status(inquiry, {InquiryStatus.IN_PROGRESS}, "have its report marked as drafted")
    problems = _report_problems(inquiry)
    if problems:
        raise ValidationError(f"The report is not ready: {'; '.join(problems)}")
    with transaction.atomic():
        move(inquiry, InquiryStatus.REPORT_DRAFTED, user=user, reason="Report drafted")
        inquiry.report_drafted_on = today or local_today()
        save_if_unchanged(inquiry, expected_version, ["status", "report_drafted_on"])
        record(actor, "nsci.report_drafted", inquiry)
    return inquiry


def reopen(actor, inquiry, expected_version, *, reason):
    """A drafted report goes back for more work before publication."""
    user = check(actor, "nsci.run", inquiry)
    require_status(inquiry, {InquiryStatus.REPORT_DRAFTED}, "go back to work on its report")
    if not (reason or "").strip():
        raise ValidationError({"reason": "Enter why the report goes back for more work"})
    with transaction.atomic():
        move(inquiry, InquiryStatus.IN_PROGRESS, user=user, reason=reason.strip())
        save_if_unchanged(inquiry, expected_version, ["status"])
        record(actor, "nsci.report_reopened", inquiry)
    return inquiry


def incoming_report(inquiry, published_on):
    """The national report as the repository receives it: public, with its findings and recommendations."""
    areas = inquiry.area_names
    method_name = inquiry.methodology.name if inquiry.methodology else ""
    methodology = "\n\n".join(part for part in (method_name, inquiry.methodology_notes) if part)
    sections = [("Summary", inquiry.report_summary), ("Terms of reference", inquiry.terms_of_reference)]
    if methodology:
        sections.append(("Methodology", methodology))
    return repository.Incoming(
        source_key=f"nsci:{inquiry.pk}",
        kind=EntryKind.NSCI_REPORT,
        title=f"{inquiry.reference}: {inquiry.title}",
        summary=inquiry.report_summary,
        area_name=f"National ({areas})" if areas else "National",
        published_on=published_on,
        sections=sections,
        findings=[repository.IncomingFinding(f.what_happened, f.why) for f in inquiry.findings.all()],
        recommendations=[
            repository.IncomingRecommendation(text=r.text, addressee=r.addressee) for r in inquiry.recommendations.all()
        ],
        is_public=True,
        methodology=method_name or inquiry.methodology_notes[:200],
        agencies=[agency.name for agency in inquiry.agencies.all()],
    )


def publish(actor, inquiry, expected_version, *, today=None):
    """Publishes the national report: it goes into the national repository, public, once."""
    user = check(actor, "nsci.publish", inquiry)
    require_status(inquiry, {InquiryStatus.REPORT_DRAFTED}, "be published")
    published_on = today or local_today()
    with transaction.atomic():
        move(inquiry, InquiryStatus.PUBLISHED, user=user, reason="National report published")
        entry, _created = repository.receive(incoming_report(inquiry, published_on), actor=user, today=published_on)
        inquiry.published_on, inquiry.repository_entry = published_on, entry
        save_if_unchanged(inquiry, expected_version, ["status", "published_on", "repository_entry"])
        record(actor, "nsci.published", inquiry, {"repository_reference": entry.reference})
    return inquiry
