import datetime

import pytest

from safeguarding.core.clocks.deadlines import ClockState, Pause, clock, setting
from safeguarding.core.clocks.models import ClockPolicy

D = datetime.date
pytestmark = pytest.mark.django_db


def test_defaults_are_in_the_policy_table():
    assert ClockPolicy.objects.get(key="incident-notify").amount == 5
    assert ClockPolicy.objects.get(key="incident-lli-completion").unit == "months"
    assert setting("panel-minimum-population") == 500_000


def test_rapid_inquiry_decision_over_christmas():
    result = clock("incident-rapid-inquiry-decision", D(2026, 12, 14), today=D(2026, 12, 23))
    assert result.due_on == D(2027, 1, 7)
    assert result.state == ClockState.RUNNING
    assert result.remaining == 8
    assert result.summary == "Due 7 January 2027: 8 working days left"


def test_due_soon_then_overdue():
    assert clock("incident-notify", D(2026, 12, 22), today=D(2026, 12, 30)).state == ClockState.DUE_SOON
    late = clock("incident-notify", D(2026, 12, 22), today=D(2027, 1, 5))
    assert late.state == ClockState.OVERDUE
    assert late.remaining == -2
    assert late.summary == "Due 31 December 2026: 2 working days overdue"


def test_completion_met_or_missed():
    assert clock("incident-notify", D(2026, 12, 22), completed_on=D(2026, 12, 31)).state == ClockState.MET
    assert clock("incident-notify", D(2026, 12, 22), completed_on=D(2027, 1, 4)).state == ClockState.MISSED


def test_month_clock():
    result = clock("incident-lli-completion", D(2026, 11, 30), today=D(2026, 12, 1))
    assert result.due_on == D(2027, 2, 28)
    assert result.remaining == 89


def test_pauses_move_the_due_date_on():
    ended = clock(
        "incident-lli-completion",
        D(2026, 1, 10),
        today=D(2026, 3, 1),
        pauses=[Pause(D(2026, 2, 1), D(2026, 2, 15), "criminal trial")],
    )
    assert ended.due_on == D(2026, 4, 24)
    assert ended.paused_days == 14
    ongoing = clock("incident-notify", D(2026, 12, 22), today=D(2027, 1, 5), pauses=[Pause(D(2026, 12, 29))])
    assert ongoing.state == ClockState.PAUSED
    # Paused 29, 30, 31 December and 4 January so far: due 31 December moves on four working days.
    assert ongoing.paused_days == 4
    assert ongoing.due_on == D(2027, 1, 7)


def test_a_changed_policy_changes_the_deadline():
    ClockPolicy.objects.filter(key="incident-notify").update(amount=10)
    assert clock("incident-notify", D(2026, 12, 22), today=D(2026, 12, 22)).due_on == D(2027, 1, 8)
