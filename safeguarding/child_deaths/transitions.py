"""The one table of moves a child death case may make."""

from safeguarding.core.state_machine import StateMachine

from .models import CaseStatus

S = CaseStatus

CASE_TRANSITIONS = StateMachine(
    {
        (S.NOTIFIED, S.JOINT_AGENCY_RESPONSE),
        (S.NOTIFIED, S.GATHERING_INFORMATION),
        (S.JOINT_AGENCY_RESPONSE, S.GATHERING_INFORMATION),
        (S.GATHERING_INFORMATION, S.REVIEW_MEETING),
        # An expected death from a known condition may go to the panel without a review meeting.
        (S.GATHERING_INFORMATION, S.PANEL_REVIEW),
        (S.REVIEW_MEETING, S.PANEL_REVIEW),
        (S.PANEL_REVIEW, S.CLOSED),
        # A duplicate case, folded into the case of another notification of the same death...
        (S.NOTIFIED, S.MERGED),
        # ...and back when that link is undone.
        (S.MERGED, S.NOTIFIED),
    },
    labels={status.value: status.label.lower() for status in CaseStatus},
)
