"""The four clocks of a serious incident case, from the national policy table.

notify: 5 working days from becoming aware to the notification; rapid inquiry decision: 15 working
days from the notification to the final decision; LLI: 3 months from the decision to completion
(Wood para 166); publication: 1 month from completion. Accepted pauses move a running clock on.
"""

from dataclasses import dataclass

from django.utils import timezone

from safeguarding.core.clocks import deadlines
from safeguarding.core.clocks.models import ClockPolicy

from .models import PauseDecision
from .models.rapid_inquiry import Decision

NOTIFY = "incident-notify"
RI_DECISION = "incident-rapid-inquiry-decision"
LLI_COMPLETION = "incident-lli-completion"
PUBLICATION = "incident-publication"
KEYS = (NOTIFY, RI_DECISION, LLI_COMPLETION, PUBLICATION)


@dataclass(frozen=True)
class CaseClock:
    clock: deadlines.Clock
    pauses: tuple


def _pauses_for(pauses, started_on, completed_on):
    """Accepted pauses that fell while this clock ran."""
    return tuple(
        deadlines.Pause(started_on=max(pause.starts_on, started_on), ended_on=pause.ended_on, reason=pause.reason)
        for pause in pauses
        if pause.decision == PauseDecision.ACCEPTED
        and (pause.ended_on is None or pause.ended_on > started_on)
        and (completed_on is None or pause.starts_on < completed_on)
    )


def _local_date(moment):
    return timezone.localtime(moment).date() if moment else None


def case_clocks(incident, *, today=None, policies=None, pauses=None):
    """The clocks that have started for `incident`, in journey order."""
    today = today or timezone.localdate()
    policies = policies or {policy.key: policy for policy in ClockPolicy.objects.filter(key__in=KEYS)}
    pauses = list(incident.pauses.all()) if pauses is None else pauses
    nation = incident.area.nation
    submitted_on = _local_date(incident.submitted_at)
    decision = getattr(getattr(incident, "rapid_inquiry", None), "decision", "") if incident.decided_on else ""
    steps = []
    if incident.aware_date:
        steps.append((NOTIFY, incident.aware_date, submitted_on))
    if submitted_on:
        steps.append((RI_DECISION, submitted_on, incident.decided_on))
    if incident.decided_on and decision == Decision.LLI:
        steps.append((LLI_COMPLETION, incident.decided_on, incident.lli_completed_on))
    if incident.lli_completed_on:
        steps.append((PUBLICATION, incident.lli_completed_on, incident.published_on))
    result = []
    for key, started_on, completed_on in steps:
        own_pauses = _pauses_for(pauses, started_on, completed_on)
        clock = deadlines.clock(
            key,
            started_on,
            nation=nation,
            today=today,
            completed_on=completed_on,
            pauses=own_pauses,
            policy=policies[key],
        )
        result.append(CaseClock(clock, own_pauses))
    return result


def current_clock(incident, *, today=None, policies=None, pauses=None):
    """The clock of the step the case is at now (the last one started and not completed), or None."""
    running = [
        c for c in case_clocks(incident, today=today, policies=policies, pauses=pauses) if not c.clock.completed_on
    ]
    return running[-1] if running else None
