"""A task on someone's home page, and the registry that merges every app's task providers.

A provider is a function `provider(work) -> iterable of Task`, listed in its app's
`task_providers.PROVIDERS`. It reads its own models through their scoped querysets for the person's
roles and areas, and returns nothing quickly for people without those roles. Providers must make a
fixed number of queries whatever the number of tasks (select_related/prefetch_related, clock policies
from `work.policies`), so the home page costs the same for 2 tasks as for 200.
"""

import datetime
import logging
from dataclasses import dataclass, field
from functools import cache, cached_property

from django.db import transaction
from django.utils import timezone

from safeguarding.core import permissions
from safeguarding.core.clocks import calendar
from safeguarding.core.clocks.deadlines import DUE_SOON_WORKING_DAYS, ClockState
from safeguarding.core.clocks.models import ClockPolicy
from safeguarding.core.work.discovery import collect

MODULE_NAME = "task_providers"
logger = logging.getLogger(__name__)


class Urgency:
    """How soon a task is due, for its tag and the page's groups."""

    OVERDUE = "overdue"
    DUE_SOON = "due_soon"
    LATER = "later"
    PAUSED = "paused"
    NO_DEADLINE = "no_deadline"

    ORDER = (OVERDUE, DUE_SOON, LATER, PAUSED, NO_DEADLINE)
    HEADINGS = {
        OVERDUE: "Overdue",
        DUE_SOON: "Due soon",
        LATER: "Due later",
        PAUSED: "Clock paused",
        NO_DEADLINE: "No deadline",
    }
    TAG_CLASSES = {
        OVERDUE: "govuk-tag--red",
        DUE_SOON: "govuk-tag--yellow",
        LATER: "govuk-tag--blue",
        PAUSED: "govuk-tag--grey",
        NO_DEADLINE: "govuk-tag--grey",
    }


def _long_date(day):
    return f"{day.day} {day:%B %Y}"


@dataclass(frozen=True)
class Task:
    """One thing a person should do, with the case it is about and its clock.

    `remaining` is counted in `unit` ("working days" or "days") up to `due_on`, negative once overdue.
    Tasks without a deadline keep `waiting_since`, so the longest-waiting come first among them.
    """

    kind: str  # stable name of the kind of task, e.g. "incidents.sign-off-decision"
    action: str  # what to do, in words
    reference: str  # the case reference (SI-00042, CD-2026-00042, NLR-…, NSCI-…) or what the task is about
    url: str  # the page where it is done
    detail: str = ""  # where or from whom, e.g. the area or the agency
    due_on: datetime.date | None = None
    remaining: int | None = None
    unit: str = "days"
    paused: bool = False
    waiting_since: datetime.date | None = None

    @classmethod
    def from_clock(cls, clock, **fields):
        """A task whose deadline is a running clock of the policy table (safeguarding.core.clocks.deadlines)."""
        return cls(
            due_on=clock.due_on,
            remaining=clock.remaining,
            unit=clock.remaining_unit,
            paused=clock.state == ClockState.PAUSED,
            waiting_since=clock.started_on,
            **fields,
        )

    @classmethod
    def due_by(cls, due_on, today, *, nation="england", working_days=False, **fields):
        """A task due on a given date (an agency's summary, an action, an invitation's expiry)."""
        if working_days:
            remaining, unit = calendar.working_days_between(today, due_on, nation), "working days"
        else:
            remaining, unit = (due_on - today).days, "days"
        return cls(due_on=due_on, remaining=remaining, unit=unit, **fields)

    @property
    def urgency(self):
        if self.due_on is None:
            return Urgency.NO_DEADLINE
        if self.paused:
            return Urgency.PAUSED
        if self.remaining < 0:
            return Urgency.OVERDUE
        soon = DUE_SOON_WORKING_DAYS if self.unit == "working days" else DUE_SOON_CALENDAR_DAYS
        return Urgency.DUE_SOON if self.remaining <= soon else Urgency.LATER

    @property
    def tag_class(self):
        return Urgency.TAG_CLASSES[self.urgency]

    @property
    def status(self):
        """The clock in a few words, for the task list's status column."""
        if self.due_on is None:
            return "No deadline"
        if self.paused:
            return "Paused"
        if self.remaining < 0:
            amount = -self.remaining
            return f"{amount} {self._unit(amount)} overdue"
        if self.remaining == 0:
            return "Due today"
        return f"{self.remaining} {self._unit(self.remaining)} left"

    @property
    def when(self):
        """The due date, or how long it has waited, in a sentence."""
        if self.due_on is not None:
            return f"Due {_long_date(self.due_on)}" + (" (moves on while paused)" if self.paused else "")
        if self.waiting_since is not None:
            return f"Waiting since {_long_date(self.waiting_since)}"
        return ""

    def _unit(self, amount):
        unit = self.unit
        return unit[:-1] if amount == 1 else unit

    def sort_key(self):
        """Most urgent first: overdue, due soon, later, paused, no deadline; within each, the earliest due
        date, then the longest waiting."""
        return (
            Urgency.ORDER.index(self.urgency),
            self.due_on or datetime.date.max,
            self.waiting_since or datetime.date.max,
            self.reference,
            self.action,
        )


# A calendar-day deadline counts as due soon within this many days (about the same as 2 working days).
DUE_SOON_CALENDAR_DAYS = 3


@dataclass
class Work:
    """What a provider is given: the person, today, and the shared clock policies (read once)."""

    user: object
    today: datetime.date
    _policies: dict | None = field(default=None, repr=False)

    @cached_property
    def memberships(self):
        return permissions.memberships(self.user)

    def area_ids(self, *roles):
        """Areas where the person holds any of `roles` (any role when none is named)."""
        return permissions.area_ids_with_role(self.user, set(roles) if roles else None)

    def national_roles(self):
        return permissions.national_roles(self.user)

    @property
    def policies(self):
        if self._policies is None:
            self._policies = {policy.key: policy for policy in ClockPolicy.objects.all()}
        return self._policies


@cache
def providers():
    """Every app's task providers, in app order."""
    return collect(MODULE_NAME, "PROVIDERS")


def tasks_for(user, *, today=None):
    """Everything waiting for `user`, most urgent first. Empty for anyone not signed in."""
    if not getattr(user, "is_authenticated", False):
        return []
    work = Work(user=user, today=today or timezone.localdate())
    tasks = [task for provider in providers() for task in provider(work)]
    return sorted(tasks, key=Task.sort_key)


def open_tasks(request):
    """The request's person's tasks, worked out once per request (the home page and the header share them)."""
    cached = getattr(request, "_open_tasks", None)
    if cached is None:
        cached = tasks_for(request.user)
        request._open_tasks = cached
    return cached


def open_task_count(request):
    """How many tasks wait for the request's person, for the header of every page, error pages included.

    If working them out fails, the page still renders without the number and the failure is logged; the
    savepoint keeps the request's own transaction usable after a database error here.
    """
    if getattr(request, "_open_tasks", None) is not None:
        return len(request._open_tasks)
    try:
        with transaction.atomic():
            return len(open_tasks(request))
    except Exception:
        logger.exception("Could not work out the open tasks for the header")
        return None


__all__ = ["Task", "Urgency", "Work", "open_task_count", "open_tasks", "providers", "tasks_for"]
