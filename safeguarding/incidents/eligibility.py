"""Whether an incident must be notified, with the reason in words when it need not be."""

from dataclasses import dataclass

from .choices import AbuseOrNeglect, Harm, WhereHarmed


@dataclass(frozen=True)
class Eligibility:
    eligible: bool
    reasons: tuple[str, ...]


def check(*, abuse_or_neglect, harm, where_harmed, looked_after_or_care_leaver_death):
    """The notification criteria: abuse or neglect known or suspected, and the child died or was
    seriously harmed, in the area or while normally living there; or the death of a looked-after
    child or care leaver under 25, whatever the cause."""
    if looked_after_or_care_leaver_death:
        return Eligibility(
            True, ("The death of a looked-after child or a care leaver under 25 is notified whatever the cause.",)
        )
    reasons = []
    if abuse_or_neglect not in {AbuseOrNeglect.KNOWN, AbuseOrNeglect.SUSPECTED}:
        reasons.append("Abuse or neglect must be known or suspected.")
    if harm not in {Harm.DEATH, Harm.SERIOUS_HARM}:
        reasons.append("The child must have died or been seriously harmed.")
    if where_harmed == WhereHarmed.NEITHER:
        reasons.append(
            "The child must have been harmed in the area, or normally live in the area: "
            "otherwise the area where the child was harmed or lives notifies."
        )
    elif where_harmed not in {WhereHarmed.IN_AREA, WhereHarmed.RESIDENT_HARMED_ELSEWHERE}:
        reasons.append("Say where the child was harmed.")
    if reasons:
        return Eligibility(False, tuple(reasons))
    return Eligibility(True, ("Abuse or neglect is known or suspected and the child died or was seriously harmed.",))
