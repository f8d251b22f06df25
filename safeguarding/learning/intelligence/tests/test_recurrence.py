"""Recurrence alerts: a theme in at least K reports from at least M areas within W months, and in at least R% of
the reports its share of the B earlier windows predicts (policy table)."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from safeguarding.core.clocks.models import PolicySetting
from safeguarding.core.concurrency import StaleEdit
from safeguarding.core.models import AuditEvent
from safeguarding.learning.intelligence.models import AlertStatus, RecurrenceAlert
from safeguarding.learning.intelligence.recurrence import detect, dismiss
from safeguarding.organisations.factories import person_with_role
from safeguarding.organisations.models import Role

from .builders import coded_report, reports_across_areas

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 11, 26)


@pytest.fixture
def analyst():
    return person_with_role(Role.NATIONAL_ANALYST)


def _set(key, value):
    PolicySetting.objects.filter(key=key).update(value=value)


def test_the_thresholds_come_from_the_policy_table():
    _set("recurrence-minimum-reports", 7)
    _set("recurrence-minimum-areas", 4)
    _set("recurrence-window-months", 18)
    _set("recurrence-baseline-windows", 3)
    _set("recurrence-rise-percent", 175)
    result = detect(TODAY)
    thresholds = result.thresholds
    assert (thresholds.minimum_reports, thresholds.minimum_areas, thresholds.window_months) == (7, 4, 18)
    assert (thresholds.baseline_windows, thresholds.rise_percent) == (3, 175)
    # The baseline is the 3 windows of 18 months just before the window (27 May 2025 to 26 November 2026).
    assert (result.window_start, result.baseline.start, result.baseline.end) == (
        datetime.date(2025, 5, 27),
        datetime.date(2020, 11, 27),
        datetime.date(2025, 5, 26),
    )


def test_exactly_k_reports_from_m_areas_raise_an_alert():
    entries = reports_across_areas("neglect", reports=5, areas=3)

    result = detect(TODAY)

    alert = RecurrenceAlert.objects.get()
    assert result.raised == [alert]
    assert (alert.theme.slug, alert.report_count, alert.area_count, alert.status) == ("neglect", 5, 3, "open")
    assert (alert.minimum_reports, alert.minimum_areas, alert.window_months) == (5, 3, 24)
    assert (alert.window_start, alert.window_end, alert.raised_on) == (datetime.date(2024, 11, 27), TODAY, TODAY)
    assert set(alert.entries.all()) == set(entries)
    assert AuditEvent.objects.filter(verb="intelligence.alert_raised", target_id=str(alert.pk)).exists()
    assert AuditEvent.objects.filter(verb="intelligence.recurrence_checked").count() == 1


def test_one_report_fewer_raises_nothing():
    reports_across_areas("neglect", reports=4, areas=3)
    assert detect(TODAY).raised == []
    assert not RecurrenceAlert.objects.exists()


def test_one_area_fewer_raises_nothing():
    reports_across_areas("neglect", reports=6, areas=2)
    assert detect(TODAY).raised == []


def test_a_report_outside_the_window_does_not_count():
    # No baseline: the report before the window would otherwise give neglect a usual share (tested below).
    _set("recurrence-baseline-windows", 0)
    reports_across_areas("neglect", reports=4, areas=3)
    coded_report("Area 9", datetime.date(2024, 11, 26), "neglect")  # one day before the 24-month window
    assert detect(TODAY).raised == []

    coded_report("Area 9", datetime.date(2024, 11, 27), "neglect")  # the window's first day
    assert len(detect(TODAY).raised) == 1


def test_changing_the_policy_setting_changes_the_outcome():
    reports_across_areas("neglect", reports=4, areas=2)
    assert detect(TODAY).raised == []

    _set("recurrence-minimum-reports", 4)
    _set("recurrence-minimum-areas", 2)
    alert = detect(TODAY).raised[0]
    assert (alert.minimum_reports, alert.minimum_areas) == (4, 2)


def test_a_shorter_window_leaves_older_reports_out():
    reports_across_areas("neglect", reports=5, areas=3, published_on=datetime.date(2025, 6, 1))
    _set("recurrence-window-months", 12)
    assert detect(TODAY).raised == []


def test_a_second_run_updates_the_open_alert_instead_of_duplicating_it():
    reports_across_areas("neglect", reports=5, areas=3)
    first = detect(TODAY).raised[0]

    again = detect(TODAY)
    assert (again.raised, again.updated) == ([], [])

    extra = coded_report("Area 7", datetime.date(2026, 10, 1), "neglect")
    later = detect(TODAY + datetime.timedelta(days=1))

    alert = RecurrenceAlert.objects.get()
    assert later.raised == [] and later.updated == [alert] and alert.pk == first.pk
    assert (alert.report_count, alert.area_count, alert.version) == (6, 4, 2)
    assert extra in alert.entries.all()
    assert alert.raised_on == TODAY  # still the day it was first raised
    assert AuditEvent.objects.filter(verb="intelligence.alert_updated").count() == 1


def test_after_dismissal_a_new_alert_needs_more_reports_than_were_dismissed(analyst):
    reports_across_areas("neglect", reports=5, areas=3)
    alert = detect(TODAY).raised[0]
    dismiss(analyst, alert, reason="Already covered by a national review of neglect", expected_version=alert.version)

    again = detect(TODAY)
    assert again.raised == [] and [theme.slug for theme in again.held_back] == ["neglect"]

    coded_report("Area 8", datetime.date(2026, 10, 1), "neglect")
    grown = detect(TODAY).raised
    assert [(a.theme.slug, a.report_count) for a in grown] == [("neglect", 6)]
    assert RecurrenceAlert.objects.filter(status=AlertStatus.OPEN).count() == 1
    assert RecurrenceAlert.objects.filter(status=AlertStatus.DISMISSED).count() == 1


def test_dismissing_needs_a_reason_the_current_version_and_an_analyst(analyst):
    reports_across_areas("neglect", reports=5, areas=3)
    alert = detect(TODAY).raised[0]

    with pytest.raises(ValidationError) as refused:
        dismiss(analyst, alert, reason="  ", expected_version=alert.version)
    assert "reason" in refused.value.message_dict
    with pytest.raises(PermissionDenied):
        dismiss(person_with_role(Role.NATIONAL_ADMINISTRATOR), alert, reason="No", expected_version=1)
    with pytest.raises(StaleEdit):
        dismiss(analyst, alert, reason="Covered", expected_version=alert.version + 1)
    alert.refresh_from_db()
    assert alert.status == AlertStatus.OPEN

    dismiss(analyst, alert, reason="Covered", expected_version=alert.version)
    alert.refresh_from_db()
    assert (alert.status, alert.dismissed_by, alert.dismissed_reason) == ("dismissed", analyst, "Covered")
    assert AuditEvent.objects.filter(verb="intelligence.alert_dismissed", actor=analyst).count() == 1
    with pytest.raises(ValidationError):
        dismiss(analyst, alert, reason="Again", expected_version=alert.version)


def test_only_analysts_check_from_the_page(analyst):
    with pytest.raises(PermissionDenied):
        detect(TODAY, actor=person_with_role(Role.NATIONAL_ADMINISTRATOR))
    detect(TODAY, actor=analyst)
    assert AuditEvent.objects.get(verb="intelligence.recurrence_checked").actor == analyst


def test_the_command_checks_for_the_day_given_and_refuses_a_bad_date():
    from io import StringIO

    from django.core.management import CommandError, call_command

    reports_across_areas("neglect", reports=5, areas=3)
    output = StringIO()
    call_command("detect_recurrence", "--today", "2026-11-26", stdout=output)
    assert "1 new recurrence alert, 0 open alerts updated" in output.getvalue()
    assert AuditEvent.objects.get(verb="intelligence.alert_raised").actor_label == "system:recurrence-detection"
    with pytest.raises(CommandError, match="--today"):
        call_command("detect_recurrence", "--today", "26/11/2026")


# The rise over the theme's usual share. With TODAY, the window is 27 November 2024 to 26 November 2026 and
# the baseline (2 windows) 27 November 2020 to 26 November 2024.
BASELINE_DAY, WINDOW_DAY = datetime.date(2023, 6, 1), datetime.date(2026, 6, 1)


def _reports(theme, count, published_on, *, areas=3, first_area=0):
    """`count` reports coded with `theme`, round-robin over `areas` areas."""
    return [
        coded_report(f"Area {first_area + index % areas} Safeguarding Partnership", published_on, theme)
        for index in range(count)
    ]


def test_a_rising_theme_raises_an_alert_that_says_what_its_share_predicted():
    # Earlier: neglect in 2 of 10 reports. Now: 6 of 10, where its share predicts 2 (at least 3 needed at 150%).
    _reports("neglect", 2, BASELINE_DAY)
    _reports("recording", 8, BASELINE_DAY)
    _reports("neglect", 6, WINDOW_DAY)
    _reports("recording", 4, WINDOW_DAY, first_area=5)

    result = detect(TODAY)

    alert = RecurrenceAlert.objects.get()
    assert result.raised == [alert] and alert.theme.slug == "neglect"
    assert (alert.baseline_reports, alert.baseline_total_reports, alert.window_total_reports) == (2, 10, 10)
    assert (alert.expected_reports, alert.rise_percent, alert.report_count) == (2.0, 150, 6)
    assert (alert.baseline_start, alert.baseline_end) == (datetime.date(2020, 11, 27), datetime.date(2024, 11, 26))
    assert alert.explanation == (
        "Neglect appeared in 6 reports from 3 areas in the 24 months to 26 November 2026. Its share of earlier "
        "reports (2 of 10, November 2020 to November 2024) predicts 2 of the 10 reports in the window: it appeared "
        "in 3.0 times as many. An alert needed at least 150% of the prediction and at least 5 reports from 3 areas."
    )


def test_a_common_but_steady_theme_raises_nothing_however_many_reports_it_is_in():
    # Neglect is in half the reports, before and now: well over the floor, but no more than its share predicts.
    _reports("neglect", 6, BASELINE_DAY)
    _reports("recording", 6, BASELINE_DAY)
    _reports("neglect", 8, WINDOW_DAY)
    _reports("recording", 8, WINDOW_DAY)

    assert detect(TODAY).raised == []


def test_a_new_theme_is_judged_on_the_floor_alone():
    _reports("recording", 10, BASELINE_DAY)
    _reports("neglect", 4, WINDOW_DAY)
    assert detect(TODAY).raised == []  # under the floor of 5 reports

    _reports("neglect", 1, WINDOW_DAY)
    alert = detect(TODAY).raised[0]
    assert (alert.theme.slug, alert.expected_reports, alert.baseline_reports) == ("neglect", None, 0)
    assert "It appeared in none of the 10 earlier reports (November 2020 to November 2024)" in alert.explanation
    assert "judged as a new theme: an alert needed at least 5 reports from 3 areas." in alert.explanation


@pytest.mark.parametrize(("in_window", "raised"), [(4, True), (3, False)])
def test_the_rise_is_met_at_exactly_the_policy_percentage(in_window, raised):
    # Earlier neglect in 1 of 4 reports; 8 reports now predict 2; 200% of 2 is 4.
    _set("recurrence-minimum-reports", 3)
    _set("recurrence-rise-percent", 200)
    _reports("neglect", 1, BASELINE_DAY)
    _reports("recording", 3, BASELINE_DAY, first_area=5)
    _reports("neglect", in_window, WINDOW_DAY)
    _reports("recording", 8 - in_window, WINDOW_DAY, first_area=5)

    assert [alert.theme.slug for alert in detect(TODAY).raised] == (["neglect"] if raised else [])


def test_the_baseline_ends_the_day_before_the_window_and_spans_the_policy_number_of_windows():
    # Neglect was in 3 earlier reports, all published the day before the baseline of 2 windows begins: then the
    # window's 5 of 10 find no usual share (a new theme). The baseline of 3 windows reaches them: neglect in 3 of
    # 7 earlier reports predicts 4.3 of the window's 10, and 5 is under 150% of that.
    _reports("neglect", 3, datetime.date(2020, 11, 26))
    _reports("recording", 2, datetime.date(2020, 11, 26), first_area=5)
    _reports("recording", 2, datetime.date(2024, 11, 26), first_area=5)  # the baseline's last day
    _reports("neglect", 5, WINDOW_DAY)
    _reports("recording", 5, WINDOW_DAY, first_area=5)

    _set("recurrence-baseline-windows", 3)
    assert detect(TODAY).raised == []

    _set("recurrence-baseline-windows", 2)
    alert = detect(TODAY).raised[0]
    assert (alert.baseline_total_reports, alert.expected_reports) == (2, None)
