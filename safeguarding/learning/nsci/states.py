"""The one transitions table of a national serious case inquiry, from proposal to published report."""

from django.db import models

from safeguarding.core.state_machine import StateMachine


class InquiryStatus(models.TextChoices):
    PROPOSED = "proposed", "Proposed"
    UNDER_ASSESSMENT = "under_assessment", "Under assessment"
    DECLINED = "declined", "Declined"
    ACCEPTED = "accepted", "Accepted"
    SET_UP = "set_up", "Set up"
    IN_PROGRESS = "in_progress", "In progress"
    REPORT_DRAFTED = "report_drafted", "Report drafted"
    PUBLISHED = "published", "Published"


S = InquiryStatus

TRANSITIONS = StateMachine(
    {
        # Assessing the criteria is optional: a decision may follow the proposal directly.
        (S.PROPOSED, S.UNDER_ASSESSMENT),
        (S.PROPOSED, S.ACCEPTED),
        (S.PROPOSED, S.DECLINED),
        (S.UNDER_ASSESSMENT, S.ACCEPTED),
        (S.UNDER_ASSESSMENT, S.DECLINED),
        # Terms of reference agreed and the independent team appointed.
        (S.ACCEPTED, S.SET_UP),
        (S.SET_UP, S.IN_PROGRESS),
        (S.IN_PROGRESS, S.REPORT_DRAFTED),
        # A drafted report may go back for more work before publication.
        (S.REPORT_DRAFTED, S.IN_PROGRESS),
        (S.REPORT_DRAFTED, S.PUBLISHED),
    },
    labels=dict(InquiryStatus.choices),
)

# Waiting for the national body's decision.
AWAITING_DECISION = frozenset({S.PROPOSED, S.UNDER_ASSESSMENT})
# Accepted and not yet published: the inquiry's work is under way.
UNDER_WAY = frozenset({S.ACCEPTED, S.SET_UP, S.IN_PROGRESS, S.REPORT_DRAFTED})
# The report sections, findings and recommendations may be edited in these states.
REPORT_EDITABLE = frozenset({S.IN_PROGRESS, S.REPORT_DRAFTED})

STATUS_TAGS = {
    S.PROPOSED: "govuk-tag--blue",
    S.UNDER_ASSESSMENT: "govuk-tag--light-blue",
    S.DECLINED: "govuk-tag--grey",
    S.ACCEPTED: "govuk-tag--turquoise",
    S.SET_UP: "govuk-tag--turquoise",
    S.IN_PROGRESS: "govuk-tag--purple",
    S.REPORT_DRAFTED: "govuk-tag--yellow",
    S.PUBLISHED: "govuk-tag--green",
}
