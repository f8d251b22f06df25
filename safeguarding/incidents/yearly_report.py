"""The serious incidents section of an area's yearly report (the arrangements app's extension point).

Counts only: no names, no case references, no free text, so the section can be published. Each
timeliness figure uses the case's own clocks (incidents.clocks), accepted pauses included, so the
report agrees with what the case pages showed. Returns None when the area had no serious incident
work in the year: the report then says the figures are not available.
"""

import datetime

from django.db.models import Q
from django.utils import timezone

from safeguarding.core.clocks.deadlines import ClockState
from safeguarding.core.clocks.models import ClockPolicy

from .clocks import KEYS, LLI_COMPLETION, PUBLICATION, RI_DECISION, case_clocks
from .models import Action, Incident
from .models.learning import ActionStatus
from .models.rapid_inquiry import Decision


def _day_bounds(start, end):
    """Aware datetimes spanning the local days `start` to `end`, for a DateTimeField range."""
    first = timezone.make_aware(datetime.datetime.combine(start, datetime.time.min))
    after = timezone.make_aware(datetime.datetime.combine(end + datetime.timedelta(days=1), datetime.time.min))
    return first, after


def _on_time(incidents, key, completed_field, start, end, policies, today):
    """(completed in the year, of which within their clock) for the step timed by clock `key`."""
    done = on_time = 0
    for incident in incidents:
        completed_on = getattr(incident, completed_field)
        if completed_on is None or not start <= completed_on <= end:
            continue
        clock = next(
            (c.clock for c in case_clocks(incident, today=today, policies=policies) if c.clock.key == key), None
        )
        if clock is None:
            continue
        done += 1
        on_time += clock.state == ClockState.MET
    return done, on_time


def _length(policy):
    """'15 working days', '1 month': the clock's length from the policy table, in words."""
    return policy.length


def _within(on_time, total, policy):
    return f"{on_time} of {total} within {_length(policy)}"


def yearly_report_section(area, start, end, *, today=None):
    today = today or timezone.localdate()
    first, after = _day_bounds(start, end)
    in_year = Q(submitted_at__gte=first, submitted_at__lt=after) | Q(decided_on__range=(start, end))
    in_year |= Q(lli_completed_on__range=(start, end)) | Q(published_on__range=(start, end))
    incidents = list(
        Incident.objects.filter(area=area, submitted_at__isnull=False)
        .filter(in_year)
        .select_related("area", "rapid_inquiry")
        .prefetch_related("pauses")
    )
    actions = Action.objects.filter(recommendation__incident__area=area, due_on__range=(start, end))
    actions_due = actions.count()
    if not incidents and not actions_due:
        return None

    policies = {policy.key: policy for policy in ClockPolicy.objects.filter(key__in=KEYS)}
    notified = sum(1 for i in incidents if first <= i.submitted_at < after)
    decisions = [i for i in incidents if i.decided_on and start <= i.decided_on <= end]
    decided, decided_on_time = _on_time(decisions, RI_DECISION, "decided_on", start, end, policies, today)
    by_decision = {value: 0 for value in Decision.values}
    for incident in decisions:
        chosen = getattr(getattr(incident, "rapid_inquiry", None), "decision", "")
        if chosen in by_decision:
            by_decision[chosen] += 1
    completed, completed_on_time = _on_time(incidents, LLI_COMPLETION, "lli_completed_on", start, end, policies, today)
    published, published_on_time = _on_time(incidents, PUBLICATION, "published_on", start, end, policies, today)
    actions_done = actions.filter(status=ActionStatus.DONE).count()
    # Overdue as the report is drafted: past its due date (within the year) and not done.
    actions_overdue = actions.overdue(min(today, end + datetime.timedelta(days=1))).count()

    lines = [
        "### Serious incidents",
        "",
        f"- Serious incidents notified to the national body: {notified}",
        f"- Rapid inquiry decisions made: {decided}, "
        f"{_within(decided_on_time, decided, policies[RI_DECISION])} of the notification",
    ]
    lines += [
        f"  - {label}: {by_decision[value]}" for value, label in Decision.choices if decided and by_decision[value]
    ]
    lines += [
        f"- Local learning inquiries completed: {completed}, "
        f"{_within(completed_on_time, completed, policies[LLI_COMPLETION])} of the decision",
        f"- Local learning inquiry reports published: {published}, "
        f"{_within(published_on_time, published, policies[PUBLICATION])} of completion",
        f"- Actions from recommendations due in the year: {actions_due}: {actions_done} completed, "
        f"{actions_overdue} overdue",
    ]
    return "\n".join(lines)
