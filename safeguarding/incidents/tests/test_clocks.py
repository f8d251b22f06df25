"""The case's clocks, across bank holidays (Christmas 2026 with its substitute Boxing Day), with pauses."""

import datetime

import pytest
from django.utils import timezone

from safeguarding.core.clocks.deadlines import ClockState
from safeguarding.incidents import clocks
from safeguarding.incidents.factories import make_incident
from safeguarding.incidents.models import ClockPause, PauseDecision, RapidInquiry
from safeguarding.incidents.states import IncidentStatus
from safeguarding.organisations.factories import UserFactory

pytestmark = pytest.mark.django_db
D = datetime.date


def _at(day):
    return timezone.make_aware(datetime.datetime(day.year, day.month, day.day, 12, 0))


def _by_key(incident, today):
    return {c.clock.key: c.clock for c in clocks.case_clocks(incident, today=today)}


def test_notify_clock_skips_christmas_day_and_the_substitute_boxing_day(area):
    # Aware Monday 21 December 2026: 22, 23, 24 count; 25 (Fri) and 28 (Mon, substitute for Sat 26) do not.
    draft = make_incident(area, IncidentStatus.DRAFT, incident_date=D(2026, 12, 20), aware_date=D(2026, 12, 21))
    notify = _by_key(draft, D(2026, 12, 24))[clocks.NOTIFY]
    assert notify.due_on == D(2026, 12, 30)
    assert notify.remaining == 2
    assert notify.state == ClockState.DUE_SOON


def test_notify_clock_is_overdue_after_its_fifth_working_day(area):
    draft = make_incident(area, IncidentStatus.DRAFT, incident_date=D(2026, 12, 20), aware_date=D(2026, 12, 21))
    notify = _by_key(draft, D(2026, 12, 31))[clocks.NOTIFY]
    assert (notify.state, notify.remaining) == (ClockState.OVERDUE, -1)


def test_wales_counts_the_same_christmas_holidays(area):
    area.nation = "wales"
    area.save()
    draft = make_incident(area, IncidentStatus.DRAFT, incident_date=D(2026, 12, 20), aware_date=D(2026, 12, 21))
    assert _by_key(draft, D(2026, 12, 22))[clocks.NOTIFY].due_on == D(2026, 12, 30)


def test_rapid_inquiry_decision_clock_runs_15_working_days_from_notification_over_new_year(area):
    incident = make_incident(
        area, IncidentStatus.RAPID_INQUIRY, aware_date=D(2026, 12, 14), submitted_at=_at(D(2026, 12, 16))
    )
    both = _by_key(incident, D(2026, 12, 17))
    assert both[clocks.NOTIFY].state == ClockState.MET
    # 17,18,21,22,23,24 (6); 25, 28 holidays; 29,30,31 (9); 1 Jan holiday; 4..8 Jan (14); 11 Jan (15).
    assert both[clocks.RI_DECISION].due_on == D(2027, 1, 11)


def test_notification_made_late_is_shown_done_late(area):
    incident = make_incident(
        area, aware_date=D(2026, 11, 2), incident_date=D(2026, 11, 1), submitted_at=_at(D(2026, 11, 16))
    )
    assert _by_key(incident, D(2026, 11, 26))[clocks.NOTIFY].state == ClockState.MISSED


def test_lli_and_publication_clocks_run_in_months(area):
    incident = make_incident(
        area, IncidentStatus.REPORT_DRAFTED, decided_on=D(2026, 8, 31), lli_completed_on=D(2026, 11, 20)
    )
    RapidInquiry.objects.create(
        incident=incident, lead=UserFactory(), started_on=D(2026, 8, 20), decision="lli", decision_reasons="x"
    )
    incident.refresh_from_db()
    by_key = _by_key(incident, D(2026, 11, 26))
    assert by_key[clocks.LLI_COMPLETION].due_on == D(2026, 11, 30)
    assert by_key[clocks.LLI_COMPLETION].state == ClockState.MET
    assert by_key[clocks.PUBLICATION].due_on == D(2026, 12, 20)
    assert by_key[clocks.PUBLICATION].state == ClockState.RUNNING


def _pause(incident, decision, starts_on, ended_on=None):
    return ClockPause.objects.create(
        incident=incident,
        proceeding="criminal_trial",
        reason="Trial in the Crown Court",
        starts_on=starts_on,
        ended_on=ended_on,
        requested_by=UserFactory(),
        decision=decision,
    )


def test_an_accepted_pause_moves_the_due_date_and_shows_paused(area):
    incident = make_incident(area, IncidentStatus.RAPID_INQUIRY, submitted_at=_at(D(2026, 11, 2)))
    before = _by_key(incident, D(2026, 11, 10))[clocks.RI_DECISION]
    _pause(incident, PauseDecision.ACCEPTED, D(2026, 11, 9))
    during = _by_key(incident, D(2026, 11, 12))[clocks.RI_DECISION]
    assert during.state == ClockState.PAUSED
    assert during.paused_days == 3  # 10, 11, 12 November
    assert during.due_on > before.due_on


def test_a_requested_or_refused_pause_does_not_stop_the_clock(area):
    incident = make_incident(area, IncidentStatus.RAPID_INQUIRY, submitted_at=_at(D(2026, 11, 2)))
    _pause(incident, PauseDecision.REQUESTED, D(2026, 11, 9))
    _pause(incident, PauseDecision.REFUSED, D(2026, 11, 3), D(2026, 11, 5))
    clock = _by_key(incident, D(2026, 11, 12))[clocks.RI_DECISION]
    assert clock.state != ClockState.PAUSED
    assert clock.paused_days == 0
