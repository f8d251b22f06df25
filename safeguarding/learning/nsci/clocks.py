"""The three clocks of a national inquiry, from the national policy table.

Decision: 20 working days from the proposal; team appointed: 2 months from the decision to accept;
report: 12 months from the terms of reference being agreed.
"""

from django.utils import timezone

from safeguarding.core.clocks import deadlines
from safeguarding.core.clocks.models import ClockPolicy

from .models.inquiry import Decision

DECISION = "nsci-decision"
TEAM_APPOINTED = "nsci-team-appointed"
REPORT = "nsci-report"
KEYS = (DECISION, TEAM_APPOINTED, REPORT)
# National inquiries are held by the national body for England.
NATION = "england"


def policies():
    return {policy.key: policy for policy in ClockPolicy.objects.filter(key__in=KEYS)}


def inquiry_clocks(inquiry, *, today=None, policies=None):
    """The clocks that have started for `inquiry`, in journey order."""
    today = today or timezone.localdate()
    policies = policies or globals()["policies"]()
    steps = [(DECISION, inquiry.proposed_on, inquiry.decided_on)]
    if inquiry.decided_on and inquiry.decision == Decision.ACCEPT:
        steps.append((TEAM_APPOINTED, inquiry.decided_on, inquiry.set_up_on))
    if inquiry.set_up_on:
        steps.append((REPORT, inquiry.set_up_on, inquiry.published_on))
    return [
        deadlines.clock(key, started_on, nation=NATION, today=today, completed_on=completed_on, policy=policies[key])
        for key, started_on, completed_on in steps
    ]


def current_clock(inquiry, *, today=None, policies=None):
    """The clock of the step the inquiry is at now, or None once nothing is running."""
    running = [clock for clock in inquiry_clocks(inquiry, today=today, policies=policies) if not clock.completed_on]
    return running[-1] if running else None
