"""Assessing a proposal against the criteria (Wood paras 170-172) and deciding, with reasons, whether to
hold the inquiry. Accepting needs at least one criterion met; a decision always needs its reasons."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.defaultfilters import pluralize

from safeguarding.core.concurrency import save_if_unchanged

from ..criteria import CRITERIA, CRITERION_KEYS
from ..models.inquiry import Decision
from ..states import AWAITING_DECISION, InquiryStatus
from .common import check, move, record, require_status
from .common import today as local_today


def suggested_criteria(inquiry):
    """A first answer for the checklist: a proposal from a recurrence alert recurs across areas, by its counts."""
    if inquiry.criteria:
        return inquiry.criteria
    suggested = {}
    alert = inquiry.recurrence_alert
    if alert is not None:
        suggested["recurring"] = {
            "met": True,
            "note": (
                f"Recurrence alert: {alert.theme} in {alert.report_count} reports from {alert.area_count} areas "
                f"between {alert.window_start:%-d %B %Y} and {alert.window_end:%-d %B %Y} (thresholds: "
                f"{alert.minimum_reports} reports from {alert.minimum_areas} areas within {alert.window_months} "
                f"month{pluralize(alert.window_months)})"
            ),
        }
    areas = inquiry.area_count
    if areas > 1:
        suggested["crosses_boundaries"] = {"met": True, "note": f"{areas} safeguarding areas are involved"}
    return suggested


def assess(actor, inquiry, expected_version, *, answers, today=None):
    """Records the checklist. `answers` is {criterion key: (met, note)}; a met criterion needs its note."""
    user = check(actor, "nsci.decide", inquiry)
    require_status(inquiry, AWAITING_DECISION, "be assessed")
    errors = {}
    criteria = {}
    for criterion in CRITERIA:
        met, note = answers.get(criterion.key, (False, ""))
        note = (note or "").strip()
        if met and not note:
            errors[f"{criterion.key}_note"] = f"Enter a note saying how the inquiry meets: {criterion.label.lower()}"
        criteria[criterion.key] = {"met": bool(met), "note": note}
    unknown = set(answers) - set(CRITERION_KEYS)
    if unknown:
        errors["__all__"] = f"Unknown criteria: {', '.join(sorted(unknown))}"
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        if inquiry.status == InquiryStatus.PROPOSED:
            move(inquiry, InquiryStatus.UNDER_ASSESSMENT, user=user, reason="Criteria assessed")
        inquiry.criteria, inquiry.assessed_by, inquiry.assessed_on = criteria, user, today or local_today()
        save_if_unchanged(inquiry, expected_version, ["status", "criteria", "assessed_by", "assessed_on"])
        record(actor, "nsci.assessed", inquiry, {"met": [key for key in CRITERION_KEYS if criteria[key]["met"]]})
    return inquiry


def decide(actor, inquiry, expected_version, *, decision, reasons, today=None):
    user = check(actor, "nsci.decide", inquiry)
    require_status(inquiry, AWAITING_DECISION, "be decided")
    reasons = (reasons or "").strip()
    errors = {}
    if decision not in Decision.values:
        errors["decision"] = "Select whether to accept or decline the proposed inquiry"
    elif decision == Decision.ACCEPT and not inquiry.criteria_met:
        errors["decision"] = (
            "An inquiry can be accepted only if it meets at least one of the criteria: "
            "assess the criteria first, or decline it"
        )
    if not reasons:
        errors["decision_reasons"] = "Enter the reasons for the decision"
    if errors:
        raise ValidationError(errors)
    to_state = InquiryStatus.ACCEPTED if decision == Decision.ACCEPT else InquiryStatus.DECLINED
    with transaction.atomic():
        move(inquiry, to_state, user=user, reason=reasons)
        inquiry.decision, inquiry.decision_reasons = decision, reasons
        inquiry.decided_by, inquiry.decided_on = user, today or local_today()
        save_if_unchanged(
            inquiry, expected_version, ["status", "decision", "decision_reasons", "decided_by", "decided_on"]
        )
        record(actor, "nsci.decided", inquiry, {"decision": decision})
    return inquiry
