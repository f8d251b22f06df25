"""The three clocks from the policy table, across the Christmas and New Year bank holidays."""

import datetime

import pytest

from safeguarding.core.clocks.deadlines import ClockState
from safeguarding.learning.nsci import clocks
from safeguarding.learning.nsci.actions import decision
from safeguarding.learning.nsci.factories import make_inquiry
from safeguarding.learning.nsci.models.inquiry import Decision
from safeguarding.learning.nsci.states import InquiryStatus

pytestmark = pytest.mark.django_db


def test_the_decision_is_due_20_working_days_after_the_proposal_skipping_bank_holidays(analyst, area):
    inquiry = make_inquiry([area], proposed_by=analyst, today=datetime.date(2026, 12, 18))
    (decision_clock,) = clocks.inquiry_clocks(inquiry, today=datetime.date(2026, 12, 18))
    # 21-24, 29-31 Dec (7); 4-8, 11-15 Jan (17); 18-20 Jan (20): Christmas (Fri 25), the Boxing Day substitute
    # (Mon 28) and New Year's Day (Fri 1 Jan) are skipped with the weekends.
    assert decision_clock.key == clocks.DECISION
    assert decision_clock.due_on == datetime.date(2027, 1, 20)
    assert decision_clock.state == ClockState.RUNNING
    overdue = clocks.current_clock(inquiry, today=datetime.date(2027, 1, 21))
    assert overdue.state == ClockState.OVERDUE and overdue.remaining == -1


def test_a_decision_on_time_stops_the_clock_and_starts_the_set_up_clock(analyst, administrator, area):
    inquiry = make_inquiry(
        [area], InquiryStatus.UNDER_ASSESSMENT, proposed_by=analyst, actor=administrator,
        today=datetime.date(2026, 12, 18),
    )  # fmt: skip
    decision.decide(
        administrator, inquiry, inquiry.version, decision=Decision.ACCEPT, reasons="Grave",
        today=datetime.date(2027, 1, 19),
    )  # fmt: skip
    decided, team = clocks.inquiry_clocks(inquiry, today=datetime.date(2027, 2, 1))
    assert decided.state == ClockState.MET
    assert (team.key, team.due_on, team.state) == (clocks.TEAM_APPOINTED, datetime.date(2027, 3, 19), "running")


def test_a_declined_inquiry_has_only_its_decision_clock(analyst, administrator, area):
    inquiry = make_inquiry([area], InquiryStatus.DECLINED, proposed_by=analyst, actor=administrator)
    assert [clock.key for clock in clocks.inquiry_clocks(inquiry)] == [clocks.DECISION]
    assert clocks.current_clock(inquiry) is None


def test_the_report_is_due_twelve_months_after_the_terms_of_reference(analyst, administrator, area):
    inquiry = make_inquiry(
        [area], InquiryStatus.IN_PROGRESS, proposed_by=analyst, actor=administrator,
        today=datetime.date(2026, 11, 2),
    )  # fmt: skip
    current = clocks.current_clock(inquiry, today=datetime.date(2026, 12, 1))
    assert (current.key, current.due_on) == (clocks.REPORT, datetime.date(2027, 11, 2))
