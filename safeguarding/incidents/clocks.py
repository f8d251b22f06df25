"""The four clocks of a serious incident case, from the national policy table.

notify: 5 working days from becoming aware to the notification; rapid inquiry decision: 15 working
days from the notification to the final decision; LLI: 3 months from the decision to completion
(Wood para 166); publication: 1 month from completion. Accepted pauses move a running clock on.
"""

from dataclasses import dataclass

from django.utils import timezone

from safeguarding.core.clocks import deadlines
from safeguarding.core.clocks.actions import recomputes_stored_due_dates
from safeguarding.core.clocks.deadlines import ClockState
from safeguarding.core.clocks.models import ClockPolicy

from .models import ClockPause, Incident, PauseDecision
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


def _policies():
    return {policy.key: policy for policy in ClockPolicy.objects.filter(key__in=KEYS)}


def _steps(incident):
    """(clock key, started on, completed on) of each step the case has begun, in journey order."""
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
    return steps


def case_clocks(incident, *, today=None, policies=None, pauses=None):
    """The clocks that have started for `incident`, in journey order."""
    today = today or timezone.localdate()
    policies = policies or _policies()
    pauses = list(incident.pauses.all()) if pauses is None else pauses
    nation = incident.area.nation
    result = []
    for key, started_on, completed_on in _steps(incident):
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


# The current clock as stored on the case (see Incident.clock_key): what it is as of no particular day, so
# that it changes only when the case, its pauses or the policy table change. A pause still running is
# stored by its start; the days it has run so far are added when the clock is read.
STORED_FIELDS = (
    "clock_key",
    "clock_started_on",
    "clock_due_on",
    "clock_paused_days",
    "clock_paused_from",
    "clock_due_soon_from",
    "clock_overdue_from",
)
NO_CLOCK = dict.fromkeys(STORED_FIELDS) | {"clock_key": "", "clock_paused_days": 0}


def stored_values(incident, *, policies, pauses):
    """The stored fields of the clock `incident` is at now ({field: value}), from its dates and pauses."""
    running = [step for step in _steps(incident) if step[2] is None]
    if not running:
        return dict(NO_CLOCK)
    key, started_on, _ = running[-1]
    policy, nation = policies[key], incident.area.nation
    own_pauses = _pauses_for(pauses, started_on, None)
    ended = [pause for pause in own_pauses if pause.ended_on is not None]
    still_running = [pause for pause in own_pauses if pause.ended_on is None]
    paused_days = deadlines.paused_length(policy, ended, None, nation)
    due_on = deadlines.moved_on(policy, deadlines.base_due(policy, started_on, nation), paused_days, nation)
    due_soon_from, overdue_from = deadlines.state_changes(policy, due_on, nation)
    return {
        "clock_key": key,
        "clock_started_on": started_on,
        "clock_due_on": due_on,
        "clock_paused_days": paused_days,
        # One pause at a time runs (a second cannot be asked for while one is open).
        "clock_paused_from": min((pause.started_on for pause in still_running), default=None),
        "clock_due_soon_from": due_soon_from,
        "clock_overdue_from": overdue_from,
    }


def store_current_clock(incident):
    """Stores the clock of the step `incident` is at. Every action that starts, ends or pauses a clock
    calls it inside its transaction, so lists can sort and filter by deadline in the database. The row is
    updated without touching `updated_at` or `version`: a clock moving is not an edit of the case."""
    # Read afresh: the pauses the caller may hold (prefetched) are from before the change.
    pauses = list(ClockPause.objects.filter(incident=incident))
    values = stored_values(incident, policies=_policies(), pauses=pauses)
    for name, value in values.items():
        setattr(incident, name, value)
    type(incident).objects.filter(pk=incident.pk).update(**values)
    return values


def refresh_stored_clocks(incidents, *, policies=None, batch_size=500):
    """Stores afresh the current clock of each of `incidents` (a queryset), in batches: after the policy
    table changes, and to fill the fields the first time. Returns how many changed."""
    policies = policies or _policies()
    model = incidents.model
    changed = []
    rows = incidents.select_related("area", "rapid_inquiry").prefetch_related("pauses").order_by("pk")
    for incident in rows.iterator(chunk_size=batch_size):
        values = stored_values(incident, policies=policies, pauses=list(incident.pauses.all()))
        if any(getattr(incident, name) != value for name, value in values.items()):
            for name, value in values.items():
                setattr(incident, name, value)
            changed.append(incident)
    model.objects.bulk_update(changed, STORED_FIELDS, batch_size=batch_size)
    return len(changed)


@recomputes_stored_due_dates
def _policy_changed(policy):
    """A clock's length changed: the cases whose current clock it is get their due dates anew."""
    if policy.key in KEYS:
        refresh_stored_clocks(Incident.objects.filter(clock_key=policy.key))


def stored_clock(incident, *, today, policies):
    """The clock `incident` is at, as of `today`, from its stored fields: the same Clock `current_clock`
    computes from the case's dates and pauses, without reading them. None when no clock runs."""
    if not incident.clock_key:
        return None
    policy, nation = policies[incident.clock_key], incident.area.nation
    running_pause = (deadlines.Pause(started_on=incident.clock_paused_from),) if incident.clock_paused_from else ()
    running_days = deadlines.paused_length(policy, running_pause, today, nation)
    due_on = deadlines.moved_on(policy, incident.clock_due_on, running_days, nation)
    remaining = deadlines.remaining(policy, today, due_on, nation)
    return deadlines.Clock(
        key=policy.key,
        name=policy.name,
        started_on=incident.clock_started_on,
        due_on=due_on,
        unit=policy.unit,
        state=ClockState.PAUSED if running_pause else deadlines.running_state(remaining),
        remaining=remaining,
        paused_days=incident.clock_paused_days + running_days,
    )
