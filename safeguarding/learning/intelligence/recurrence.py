"""Recurrence alerts (Wood para 170: "if on analysis an issue appeared in several separate reports across a
number of areas the national body could carry out an NSCI").

A theme raises an alert when, within the rolling window of W months ending today, it is coded in
- at least K reports from at least M areas (a floor, so that a handful of reports never alerts), and
- at least R% of the reports its usual share predicts. Its usual share is the share of reports it was coded
  in over the B windows before this one (the baseline); applied to the number of coded reports in the
  window, that share predicts how many of them the theme would appear in if nothing had changed.
A theme coded in none of the baseline's reports (a new theme, or no earlier reports at all) is judged on
the floor alone. The rise is what makes the rule scale: with more reports every common theme passes any
fixed K and M, but only a theme that recurs more than it used to passes the rise. K, M, W, B and R come from
the national policy table, so the national body changes them without a code change; the values in force
and the baseline are kept on each alert.

One open alert per theme: a later check updates it (counts, contributing reports, window) rather than
raising a second. An open alert stays open until an analyst dismisses it, even if the theme later falls
below the thresholds. After a dismissal a theme raises a new alert only when it is seen in more reports
than it was when dismissed, so the same evidence is not put in front of the analysts twice.
"""

import datetime
from dataclasses import dataclass, field
from fractions import Fraction

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
BASELINE_WINDOWS = "recurrence-baseline-windows"
RISE_PERCENT = "recurrence-rise-percent"
SYSTEM_ACTOR = "recurrence-detection"


@dataclass(frozen=True)
class Thresholds:
    minimum_reports: int
    minimum_areas: int
    window_months: int
    baseline_windows: int
    rise_percent: int

    @classmethod
    def in_force(cls):
        keys = (MINIMUM_REPORTS, MINIMUM_AREAS, WINDOW_MONTHS, BASELINE_WINDOWS, RISE_PERCENT)
        return cls(*(int(setting(key)) for key in keys))

    def window(self, today):
        """The first and last day of the rolling window ending `today` (both inclusive)."""
        return add_months(today, -self.window_months) + datetime.timedelta(days=1), today

    def baseline_period(self, window_start):
        """The first and last day of the baseline: the `baseline_windows` windows just before the window."""
        months = self.window_months * self.baseline_windows
        return add_months(window_start, -months), window_start - datetime.timedelta(days=1)

    def floor_is_met_by(self, count):
        return count.reports >= self.minimum_reports and count.areas >= self.minimum_areas

    def rise_is_met_by(self, count, expected):
        """At least rise_percent% of the expected reports; a theme with no expectation (new) passes."""
        return expected is None or count.reports * 100 >= self.rise_percent * expected


@dataclass(frozen=True)
class Baseline:
    """How many coded reports the baseline and the window hold, and each theme's reports in the baseline."""

    start: datetime.date
    end: datetime.date
    reports: int
    theme_reports: dict
    window_reports: int

    @classmethod
    def measure(cls, start, end, window_start, window_end):
        return cls(
            start,
            end,
            analysis.coded_report_count(start, end),
            {count.theme.pk: count.reports for count in analysis.theme_counts(start, end)},
            analysis.coded_report_count(window_start, window_end),
        )

    def expected(self, theme):
        """The reports of the window the theme's baseline share predicts (exact), or None if it had no share."""
        earlier = self.theme_reports.get(theme.pk, 0)
        if not earlier or not self.reports:
            return None
        return Fraction(earlier * self.window_reports, self.reports)


@dataclass
class Detection:
    """What one check did."""

    thresholds: Thresholds
    window_start: datetime.date
    window_end: datetime.date
    baseline: Baseline
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


def _alert_fields(count, thresholds, baseline, window_start, window_end):
    expected = baseline.expected(count.theme)
    return {
        "window_start": window_start,
        "window_end": window_end,
        "report_count": count.reports,
        "area_count": count.areas,
        "minimum_reports": thresholds.minimum_reports,
        "minimum_areas": thresholds.minimum_areas,
        "window_months": thresholds.window_months,
        "rise_percent": thresholds.rise_percent,
        "baseline_start": baseline.start,
        "baseline_end": baseline.end,
        "baseline_reports": baseline.theme_reports.get(count.theme.pk, 0),
        "baseline_total_reports": baseline.reports,
        "window_total_reports": baseline.window_reports,
        "expected_reports": None if expected is None else round(float(expected), 2),
    }


def is_recurring(count, thresholds, baseline):
    """Whether a theme's count in the window raises (or keeps up to date) an alert."""
    return thresholds.floor_is_met_by(count) and thresholds.rise_is_met_by(count, baseline.expected(count.theme))


def detect(today, *, actor=None):
    """Raises or updates recurrence alerts for the window ending `today`; returns a Detection.

    `actor` is a national analyst (the page's button), an audit.Actor, or None for the scheduled
    command. Every alert raised or changed is audited; a check that changes nothing is audited once.
    """
    who = _actor(actor)
    thresholds = Thresholds.in_force()
    window_start, window_end = thresholds.window(today)
    baseline = Baseline.measure(*thresholds.baseline_period(window_start), window_start, window_end)
    result = Detection(thresholds, window_start, window_end, baseline)
    with transaction.atomic():
        open_alerts = {
            alert.theme_id: alert
            for alert in RecurrenceAlert.objects.select_for_update().filter(status=AlertStatus.OPEN)
        }
        for count in analysis.theme_counts(window_start, window_end):
            if not is_recurring(count, thresholds, baseline):
                continue
            fields = _alert_fields(count, thresholds, baseline, window_start, window_end)
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
                "baseline_start": baseline.start,
                "baseline_end": baseline.end,
                "baseline_reports": baseline.reports,
                "window_reports": baseline.window_reports,
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
