"""Recurrence alerts (Wood para 170: "if on analysis an issue appeared in several separate reports across a
number of areas the national body could carry out an NSCI").

A theme raises an alert when it is coded in at least K reports from at least M areas published within
the rolling window of W months ending today. K, M and W come from the national policy table, so the
national body changes them without a code change; the values in force are kept on each alert.

One open alert per theme: a later check updates it (counts, contributing reports, window) rather than
raising a second. An open alert stays open until an analyst dismisses it, even if the theme later falls
below the thresholds. After a dismissal a theme raises a new alert only when it is seen in more reports
than it was when dismissed, so the same evidence is not put in front of the analysts twice.
"""

import datetime
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.template.defaultfilters import pluralize
from django.utils import timezone

from safeguarding.core import audit
from safeguarding.core.clocks.calendar import add_months
from safeguarding.core.clocks.deadlines import setting
from safeguarding.core.concurrency import save_if_unchanged
from safeguarding.notifications import announce

from . import analysis
from .models import AlertStatus, RecurrenceAlert

MINIMUM_REPORTS = "recurrence-minimum-reports"
MINIMUM_AREAS = "recurrence-minimum-areas"
WINDOW_MONTHS = "recurrence-window-months"
SYSTEM_ACTOR = "recurrence-detection"


@dataclass(frozen=True)
class Thresholds:
    minimum_reports: int
    minimum_areas: int
    window_months: int

    @classmethod
    def in_force(cls):
        return cls(int(setting(MINIMUM_REPORTS)), int(setting(MINIMUM_AREAS)), int(setting(WINDOW_MONTHS)))

    def window(self, today):
        """The first and last day of the rolling window ending `today` (both inclusive)."""
        return add_months(today, -self.window_months) + datetime.timedelta(days=1), today

    def are_met_by(self, count):
        return count.reports >= self.minimum_reports and count.areas >= self.minimum_areas


@dataclass
class Detection:
    """What one check did."""

    thresholds: Thresholds
    window_start: datetime.date
    window_end: datetime.date
    raised: list = field(default_factory=list)
    updated: list = field(default_factory=list)
    # Themes over the thresholds whose last alert was dismissed with as many reports or more.
    held_back: list = field(default_factory=list)

    @property
    def summary(self):
        raised, updated, held_back = len(self.raised), len(self.updated), len(self.held_back)
        return (
            f"{raised} new recurrence alert{pluralize(raised)}, {updated} open alert{pluralize(updated)} updated, "
            f"{held_back} theme{pluralize(held_back)} over the thresholds but already dismissed"
        )


def _actor(actor):
    if actor is None:
        return audit.Actor.system(SYSTEM_ACTOR)
    if isinstance(actor, audit.Actor):
        return actor
    if not actor.has_perm("intelligence.manage_alerts"):
        raise PermissionDenied("Only national analysts check for recurrence")
    return actor


def _alert_fields(count, thresholds, window_start, window_end):
    return {
        "window_start": window_start,
        "window_end": window_end,
        "report_count": count.reports,
        "area_count": count.areas,
        "minimum_reports": thresholds.minimum_reports,
        "minimum_areas": thresholds.minimum_areas,
        "window_months": thresholds.window_months,
    }


def detect(today, *, actor=None):
    """Raises or updates recurrence alerts for the window ending `today`; returns a Detection.

    `actor` is a national analyst (the page's button), an audit.Actor, or None for the scheduled
    command. Every alert raised or changed is audited; a check that changes nothing is audited once.
    """
    who = _actor(actor)
    thresholds = Thresholds.in_force()
    window_start, window_end = thresholds.window(today)
    result = Detection(thresholds, window_start, window_end)
    with transaction.atomic():
        open_alerts = {
            alert.theme_id: alert
            for alert in RecurrenceAlert.objects.select_for_update().filter(status=AlertStatus.OPEN)
        }
        for count in analysis.theme_counts(window_start, window_end):
            if not thresholds.are_met_by(count):
                continue
            fields = _alert_fields(count, thresholds, window_start, window_end)
            alert = open_alerts.get(count.theme.pk)
            if alert is not None:
                _update(who, alert, fields, count, result)
            else:
                _raise(who, today, fields, count, result)
        audit.record(
            who,
            "intelligence.recurrence_checked",
            None,
            {
                "window_start": window_start,
                "window_end": window_end,
                "raised": [alert.pk for alert in result.raised],
                "updated": [alert.pk for alert in result.updated],
                **vars(thresholds),
            },
        )
    return result


def _raise(who, today, fields, count, result):
    dismissed = (
        RecurrenceAlert.objects.filter(theme=count.theme, status=AlertStatus.DISMISSED)
        .order_by("-report_count")
        .first()
    )
    if dismissed is not None and count.reports <= dismissed.report_count:
        result.held_back.append(count.theme)
        return
    alert = RecurrenceAlert.objects.create(theme=count.theme, raised_on=today, **fields)
    alert.entries.set(count.entry_ids)
    audit.record(who, "intelligence.alert_raised", alert, {"theme": count.theme.slug, **fields})
    announce.recurrence_alert_raised(alert)
    result.raised.append(alert)


def _update(who, alert, fields, count, result):
    before = {name: getattr(alert, name) for name in fields}
    entries_before = set(alert.entries.values_list("pk", flat=True))
    if before == fields and entries_before == set(count.entry_ids):
        return
    for name, value in fields.items():
        setattr(alert, name, value)
    save_if_unchanged(alert, alert.version, list(fields))
    alert.entries.set(count.entry_ids)
    audit.record(
        who,
        "intelligence.alert_updated",
        alert,
        {
            "theme": count.theme.slug,
            "report_count": [before["report_count"], count.reports],
            "area_count": [before["area_count"], count.areas],
            "entries_added": sorted(set(count.entry_ids) - entries_before),
            "entries_removed": sorted(entries_before - set(count.entry_ids)),
        },
    )
    result.updated.append(alert)


def dismiss(user, alert, *, reason, expected_version):
    """A national analyst closes an alert that needs no national inquiry, saying why."""
    if not user.has_perm("intelligence.manage_alerts"):
        raise PermissionDenied("Only national analysts dismiss recurrence alerts")
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": "Enter why this alert needs no national inquiry"})
    with transaction.atomic():
        current = RecurrenceAlert.objects.select_for_update().get(pk=alert.pk)
        if current.status != AlertStatus.OPEN:
            raise ValidationError("This alert has already been dismissed")
        alert.status = AlertStatus.DISMISSED
        alert.dismissed_reason = reason
        alert.dismissed_by = user
        alert.dismissed_at = timezone.now()
        save_if_unchanged(alert, expected_version, ["status", "dismissed_reason", "dismissed_by", "dismissed_at"])
        audit.record(
            user,
            "intelligence.alert_dismissed",
            alert,
            {"theme": alert.theme.slug, "reason": reason, "report_count": alert.report_count},
        )
    return alert
