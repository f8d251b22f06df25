"""Recurrence alerts: a theme in at least K reports from at least M areas within W months (policy table)."""

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
    thresholds = detect(TODAY).thresholds
    assert (thresholds.minimum_reports, thresholds.minimum_areas, thresholds.window_months) == (7, 4, 18)


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
