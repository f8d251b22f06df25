"""National inquiries for tests and the demo, made through the real actions and moved on step by step."""

import datetime

from safeguarding.learning.reviewers.factories import make_reviewer

from .actions import decision, proposal, report, setup
from .models import InquirySource
from .models.inquiry import Decision
from .states import InquiryStatus


def make_inquiry(
    areas,
    status=InquiryStatus.PROPOSED,
    *,
    proposed_by,
    actor=None,
    title="Babies harmed where adult males were unknown to agencies",
    today=datetime.date(2026, 11, 2),
    lead_reviewer=None,
    **proposal_fields,
):
    """An inquiry proposed on `today` and moved to `status` by `actor` (a national administrator), each step
    on the same day."""
    proposal_fields.setdefault("source", InquirySource.ANALYST)
    proposal_fields.setdefault(
        "summary_of_concern", "Several reports find that a non-resident adult male was not assessed."
    )
    inquiry = proposal.propose(proposed_by, title=title, areas=areas, today=today, **proposal_fields)
    if status == InquiryStatus.PROPOSED:
        return inquiry
    decision.assess(
        actor,
        inquiry,
        inquiry.version,
        answers={"crosses_boundaries": (True, "Three areas and their police forces"), "gravity": (True, "Deaths")},
        today=today,
    )
    if status == InquiryStatus.UNDER_ASSESSMENT:
        return inquiry
    if status == InquiryStatus.DECLINED:
        return decision.decide(
            actor, inquiry, inquiry.version, decision=Decision.DECLINE, reasons="Local inquiries suffice", today=today
        )
    decision.decide(actor, inquiry, inquiry.version, decision=Decision.ACCEPT, reasons="National learning", today=today)
    if status == InquiryStatus.ACCEPTED:
        return inquiry
    setup.save_set_up(
        actor,
        inquiry,
        inquiry.version,
        terms_of_reference="How agencies learn about the adults in a baby's life.",
        methodology_notes="Systems review across the areas",
        lead_reviewer=lead_reviewer or make_reviewer(),
        today=today,
    )
    if status == InquiryStatus.SET_UP:
        return inquiry
    setup.start(actor, inquiry, inquiry.version)
    if status == InquiryStatus.IN_PROGRESS:
        return inquiry
    report.save_summary(actor, inquiry, inquiry.version, summary="Agencies rarely asked who else lived at home.")
    report.add_finding(actor, inquiry, what_happened="No agency asked about the mother's partner", why="No prompt")
    report.add_recommendation(
        actor, inquiry, text="Add a prompt about adults in the household", addressee="Department for Education"
    )
    report.mark_drafted(actor, inquiry, inquiry.version, today=today)
    if status == InquiryStatus.REPORT_DRAFTED:
        return inquiry
    return report.publish(actor, inquiry, inquiry.version, today=today)
