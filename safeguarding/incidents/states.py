"""The one transitions table of a serious incident case, from notification to published learning."""

from django.db import models

from safeguarding.core.state_machine import StateMachine


class IncidentStatus(models.TextChoices):
    DRAFT = "draft", "Draft notification"
    SUBMITTED = "submitted", "Notified"
    RAPID_INQUIRY = "rapid_inquiry", "Rapid inquiry"
    NO_FURTHER_REVIEW = "no_further_review", "Closed: no further review"
    REFERRED_NSCI = "referred_nsci", "Referred for a national inquiry"
    LLI = "lli", "Local learning inquiry"
    FINDINGS = "findings", "Findings and recommendations"
    REPORT_DRAFTED = "report_drafted", "Report drafted"
    PUBLISHED = "published", "Published"
    # The published report and its coded findings handed to the national body (the national issue builds on it).
    SUBMITTED_NATIONAL = "submitted_national", "Submitted to national body"


S = IncidentStatus

TRANSITIONS = StateMachine(
    {
        (S.DRAFT, S.SUBMITTED),
        (S.SUBMITTED, S.RAPID_INQUIRY),
        # The decision, final once all three lead chief officers have signed it off.
        (S.RAPID_INQUIRY, S.NO_FURTHER_REVIEW),
        (S.RAPID_INQUIRY, S.LLI),
        (S.RAPID_INQUIRY, S.REFERRED_NSCI),
        (S.LLI, S.FINDINGS),
        (S.FINDINGS, S.REPORT_DRAFTED),
        # A drafted report may go back for its findings to be reworked before publication.
        (S.REPORT_DRAFTED, S.FINDINGS),
        (S.REPORT_DRAFTED, S.PUBLISHED),
        (S.PUBLISHED, S.SUBMITTED_NATIONAL),
    },
    labels=dict(IncidentStatus.choices),
)

# States in which the case is still being worked on locally (the dashboard's "open cases").
OPEN_STATES = frozenset({S.SUBMITTED, S.RAPID_INQUIRY, S.LLI, S.FINDINGS, S.REPORT_DRAFTED})
# A notification that is still open for the purpose of spotting a duplicate of the same child.
DUPLICATE_CHECK_STATES = frozenset({S.SUBMITTED, S.RAPID_INQUIRY, S.LLI, S.FINDINGS, S.REPORT_DRAFTED})

STATUS_TAGS = {
    S.DRAFT: "govuk-tag--grey",
    S.SUBMITTED: "govuk-tag--blue",
    S.RAPID_INQUIRY: "govuk-tag--light-blue",
    S.NO_FURTHER_REVIEW: "govuk-tag--green",
    S.REFERRED_NSCI: "govuk-tag--purple",
    S.LLI: "govuk-tag--turquoise",
    S.FINDINGS: "govuk-tag--turquoise",
    S.REPORT_DRAFTED: "govuk-tag--yellow",
    S.PUBLISHED: "govuk-tag--green",
    S.SUBMITTED_NATIONAL: "govuk-tag--green",
}
# States after publication, in which actions are still followed up and accountability reported.
PUBLISHED_STATES = frozenset({S.PUBLISHED, S.SUBMITTED_NATIONAL})
