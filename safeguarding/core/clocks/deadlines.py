"""Clocks: when a step of a case is due, how long is left, and whether it was paused or missed.

Lengths come from the national policy table (ClockPolicy), so the national body can change a
deadline without a code change. A pause (for example while the national body accepts an
exceptional reason to wait for parallel proceedings) moves the due date on by the time paused.
"""

import datetime
from dataclasses import dataclass

from django.utils import timezone

from . import calendar
from .models import ClockPolicy, ClockUnit, PolicySetting

DUE_SOON_WORKING_DAYS = 2


class ClockState:
    RUNNING = "running"
    DUE_SOON = "due_soon"
    OVERDUE = "overdue"
    PAUSED = "paused"
    MET = "met"
    MISSED = "missed"
    # The step is no longer needed on this case (a case linked into another: the other carries it).
    STOPPED = "stopped"

    LABELS = {
        RUNNING: "On track",
        DUE_SOON: "Due soon",
        OVERDUE: "Overdue",
        PAUSED: "Paused",
        MET: "Done on time",
        MISSED: "Done late",
        STOPPED: "Not needed",
    }
    # GOV.UK tag colours for each state.
    TAG_CLASSES = {
        RUNNING: "govuk-tag--blue",
        DUE_SOON: "govuk-tag--yellow",
        OVERDUE: "govuk-tag--red",
        PAUSED: "govuk-tag--grey",
        MET: "govuk-tag--green",
        MISSED: "govuk-tag--orange",
        STOPPED: "govuk-tag--grey",
    }


@dataclass(frozen=True)
class Pause:
    started_on: datetime.date
    ended_on: datetime.date | None = None
    reason: str = ""


@dataclass(frozen=True)
class Clock:
    key: str
    name: str
    started_on: datetime.date
    due_on: datetime.date
    unit: str
    state: str
    # Left until the due date, counted in the clock's unit (working days or calendar days); negative once overdue.
    remaining: int
    completed_on: datetime.date | None = None
    paused_days: int = 0
    stopped_because: str = ""

    @property
    def label(self):
        return ClockState.LABELS[self.state]

    @property
    def tag_class(self):
        return ClockState.TAG_CLASSES[self.state]

    @property
    def remaining_unit(self):
        return "working days" if self.unit == ClockUnit.WORKING_DAYS else "days"

    @property
    def summary(self):
        """A sentence for the case page, e.g. 'Due 5 January 2027: 3 working days left'."""
        due = f"{self.due_on.day} {self.due_on:%B %Y}"
        if self.state == ClockState.MET:
            return f"Done on {self.completed_on.day} {self.completed_on:%B %Y}, on time (due {due})"
        if self.state == ClockState.MISSED:
            return f"Done on {self.completed_on.day} {self.completed_on:%B %Y}, after the due date ({due})"
        if self.state == ClockState.STOPPED:
            return f"Not needed: {self.stopped_because}"
        if self.state == ClockState.PAUSED:
            return f"Paused: due date moves on while paused (now {due})"
        if self.remaining < 0:
            return f"Due {due}: {-self.remaining} {self.remaining_unit} overdue"
        if self.remaining == 0:
            return f"Due {due}: due today"
        return f"Due {due}: {self.remaining} {self.remaining_unit} left"


def _base_due(policy, started_on, nation):
    if policy.unit == ClockUnit.WORKING_DAYS:
        return calendar.add_working_days(started_on, policy.amount, nation)
    if policy.unit == ClockUnit.CALENDAR_DAYS:
        return started_on + datetime.timedelta(days=policy.amount)
    return calendar.add_months(started_on, policy.amount)


def _paused_length(policy, pauses, today, nation):
    """How far pauses push the due date, in the clock's own unit (working or calendar days)."""
    total = 0
    for pause in pauses:
        end = pause.ended_on or today
        if end <= pause.started_on:
            continue
        if policy.unit == ClockUnit.WORKING_DAYS:
            total += calendar.working_days_between(pause.started_on, end, nation)
        else:
            total += (end - pause.started_on).days
    return total


def _remaining(policy, today, due_on, nation):
    if policy.unit == ClockUnit.WORKING_DAYS:
        return calendar.working_days_between(today, due_on, nation)
    return (due_on - today).days


def clock(
    key, started_on, *, nation="england", today=None, completed_on=None, pauses=(), policy=None, stopped_because=""
):
    """The state of clock `key` that started on `started_on`, as of `today`. `stopped_because` says why a
    clock not completed no longer runs: it is then neither due nor overdue."""
    policy = policy or ClockPolicy.objects.get(key=key)
    today = today or timezone.localdate()
    paused_days = _paused_length(policy, pauses, today, nation)
    due_on = _base_due(policy, started_on, nation)
    if paused_days:
        if policy.unit == ClockUnit.WORKING_DAYS:
            due_on = calendar.add_working_days(due_on, paused_days, nation)
        else:
            due_on += datetime.timedelta(days=paused_days)
    if completed_on is not None:
        state = ClockState.MET if completed_on <= due_on else ClockState.MISSED
        remaining = _remaining(policy, completed_on, due_on, nation)
    elif stopped_because:
        state, remaining = ClockState.STOPPED, 0
    elif any(pause.ended_on is None for pause in pauses):
        state, remaining = ClockState.PAUSED, _remaining(policy, today, due_on, nation)
    else:
        remaining = _remaining(policy, today, due_on, nation)
        if remaining < 0:
            state = ClockState.OVERDUE
        elif remaining <= DUE_SOON_WORKING_DAYS:
            state = ClockState.DUE_SOON
        else:
            state = ClockState.RUNNING
    return Clock(
        key=policy.key,
        name=policy.name,
        started_on=started_on,
        due_on=due_on,
        unit=policy.unit,
        state=state,
        remaining=remaining,
        completed_on=completed_on,
        paused_days=paused_days,
        stopped_because=stopped_because if state == ClockState.STOPPED else "",
    )


def setting(key):
    """A number from the policy table, e.g. setting('panel-minimum-population')."""
    return PolicySetting.objects.get(key=key).value
