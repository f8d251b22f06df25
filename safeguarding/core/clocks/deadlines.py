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


def base_due(policy, started_on, nation):
    """The due date of a clock that started on `started_on`, before any pause."""
    if policy.unit == ClockUnit.WORKING_DAYS:
        return calendar.add_working_days(started_on, policy.amount, nation)
    if policy.unit == ClockUnit.CALENDAR_DAYS:
        return started_on + datetime.timedelta(days=policy.amount)
    return calendar.add_months(started_on, policy.amount)


def paused_length(policy, pauses, today, nation):
    """How far pauses push the due date, in the clock's own unit (working or calendar days). A pause not
    yet ended counts up to `today`."""
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


def moved_on(policy, due_on, paused_days, nation):
    """`due_on` moved on by `paused_days` in the clock's unit. Moving on by a and then by b lands on the
    same day as moving on by a + b, so a due date stored with the pauses that have ended can be moved on
    later by one still running."""
    if not paused_days:
        return due_on
    if policy.unit == ClockUnit.WORKING_DAYS:
        return calendar.add_working_days(due_on, paused_days, nation)
    return due_on + datetime.timedelta(days=paused_days)


def remaining(policy, today, due_on, nation):
    """Left until `due_on` as of `today`, in the clock's unit; negative once overdue."""
    if policy.unit == ClockUnit.WORKING_DAYS:
        return calendar.working_days_between(today, due_on, nation)
    return (due_on - today).days


def running_state(remaining_now):
    """Overdue, due soon or on track, for a clock neither completed, stopped nor paused."""
    if remaining_now < 0:
        return ClockState.OVERDUE
    if remaining_now <= DUE_SOON_WORKING_DAYS:
        return ClockState.DUE_SOON
    return ClockState.RUNNING


def state_changes(policy, due_on, nation):
    """(the first day the clock is due soon, the first day it is overdue) for a running clock due on
    `due_on`: between them it is due soon, before the first on track. Stored with a case, they let a list
    find overdue and due-soon cases in the database by comparing with today, weekends and bank holidays
    already counted."""
    due_soon_from = due_on
    while remaining(policy, due_soon_from - datetime.timedelta(days=1), due_on, nation) <= DUE_SOON_WORKING_DAYS:
        due_soon_from -= datetime.timedelta(days=1)
    overdue_from = due_on + datetime.timedelta(days=1)
    while remaining(policy, overdue_from, due_on, nation) >= 0:
        overdue_from += datetime.timedelta(days=1)
    return due_soon_from, overdue_from


def clock(
    key, started_on, *, nation="england", today=None, completed_on=None, pauses=(), policy=None, stopped_because=""
):
    """The state of clock `key` that started on `started_on`, as of `today`. `stopped_because` says why a
    clock not completed no longer runs: it is then neither due nor overdue."""
    policy = policy or ClockPolicy.objects.get(key=key)
    today = today or timezone.localdate()
    paused_days = paused_length(policy, pauses, today, nation)
    due_on = moved_on(policy, base_due(policy, started_on, nation), paused_days, nation)
    if completed_on is not None:
        state = ClockState.MET if completed_on <= due_on else ClockState.MISSED
        remaining_days = remaining(policy, completed_on, due_on, nation)
    elif stopped_because:
        state, remaining_days = ClockState.STOPPED, 0
    elif any(pause.ended_on is None for pause in pauses):
        state, remaining_days = ClockState.PAUSED, remaining(policy, today, due_on, nation)
    else:
        remaining_days = remaining(policy, today, due_on, nation)
        state = running_state(remaining_days)
    return Clock(
        key=policy.key,
        name=policy.name,
        started_on=started_on,
        due_on=due_on,
        unit=policy.unit,
        state=state,
        remaining=remaining_days,
        completed_on=completed_on,
        paused_days=paused_days,
        stopped_because=stopped_because if state == ClockState.STOPPED else "",
    )


def setting(key):
    """A number from the policy table, e.g. setting('panel-minimum-population')."""
    return PolicySetting.objects.get(key=key).value
