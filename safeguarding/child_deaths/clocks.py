"""The clocks of a child death case, from the national policy table.

Each function takes the policy table's rows as `policies` ({key: ClockPolicy}) when the caller has read
them already (a list of many cases), so that each clock does not read its policy again.
"""

from safeguarding.core.clocks.deadlines import clock

INFORM_DATABASE = "child-death-inform-database"
AGENCY_REPORT = "child-death-agency-report"
PANEL_REVIEW = "child-death-panel-review"
KEYS = (INFORM_DATABASE, AGENCY_REPORT, PANEL_REVIEW)


def read_policies():
    """The policy table's rows of the child death clocks, read once for a list of many cases."""
    from safeguarding.core.clocks.models import ClockPolicy

    return {policy.key: policy for policy in ClockPolicy.objects.filter(key__in=KEYS)}


def _policy(policies, key):
    return policies.get(key) if policies else None


def _stopped_because(case):
    """A case linked into another no longer has steps of its own: the case it joined carries them."""
    from .models import CaseStatus

    if case.status != CaseStatus.MERGED:
        return ""
    if case.merged_into_id is None:
        return "linked into another case"
    return f"linked into {case.merged_into.reference}"


def inform_database_clock(case, today, *, policies=None):
    return clock(
        INFORM_DATABASE,
        case.notified_on,
        nation=case.area.nation,
        today=today,
        completed_on=case.national_database_informed_on,
        policy=_policy(policies, INFORM_DATABASE),
        stopped_because=_stopped_because(case),
    )


def panel_review_clock(case, today, *, policies=None):
    review = getattr(case, "panel_review", None)
    completed = review.reviewed_on if review is not None and review.final else None
    return clock(
        PANEL_REVIEW,
        case.date_of_death,
        nation=case.area.nation,
        today=today,
        completed_on=completed,
        policy=_policy(policies, PANEL_REVIEW),
        stopped_because=_stopped_because(case),
    )


def agency_report_clock(report, today, *, policies=None):
    return clock(
        AGENCY_REPORT,
        report.requested_on,
        nation=report.case.area.nation,
        today=today,
        completed_on=report.submitted_on,
        policy=_policy(policies, AGENCY_REPORT),
    )
