"""Working days across weekends and bank holidays, including Christmas 2026 and its substitute day."""

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from safeguarding.core.clocks import calendar

D = datetime.date


@pytest.mark.parametrize(
    ("day", "working"),
    [
        (D(2026, 12, 24), True),  # Thursday
        (D(2026, 12, 25), False),  # Christmas Day, Friday
        (D(2026, 12, 26), False),  # Boxing Day, Saturday
        (D(2026, 12, 28), False),  # Boxing Day (substitute), Monday
        (D(2026, 12, 29), True),
        (D(2027, 1, 1), False),  # New Year's Day
        (D(2026, 4, 3), False),  # Good Friday
        (D(2026, 4, 6), False),  # Easter Monday
        (D(2026, 8, 31), False),  # Late Summer bank holiday
        (D(2027, 12, 27), False),  # Christmas Day 2027 (Saturday) substitute
        (D(2027, 12, 28), False),  # Boxing Day 2027 (Sunday) substitute
    ],
)
def test_bank_holidays_and_substitute_days(day, working):
    assert calendar.is_working_day(day, "england") is working
    assert calendar.is_working_day(day, "wales") is working


def test_five_working_days_over_christmas_2026():
    # Aware on Tuesday 22 December: 23, 24, 29, 30, 31 December.
    assert calendar.add_working_days(D(2026, 12, 22), 5) == D(2026, 12, 31)


def test_fifteen_working_days_over_christmas_and_new_year():
    # 15-18 Dec (4), 21-24 Dec (8), 29-31 Dec (11), 4-7 Jan (15): 25, 28 Dec and 1 Jan skipped.
    assert calendar.add_working_days(D(2026, 12, 14), 15) == D(2027, 1, 7)


def test_two_working_days_from_a_friday_before_a_bank_holiday_monday():
    assert calendar.add_working_days(D(2026, 8, 28), 2) == D(2026, 9, 2)


def test_counting_between_dates():
    assert calendar.working_days_between(D(2026, 12, 22), D(2026, 12, 31)) == 5
    assert calendar.working_days_between(D(2026, 12, 31), D(2026, 12, 22)) == -5
    assert calendar.working_days_between(D(2026, 12, 24), D(2026, 12, 28)) == 0


def test_months_end_on_the_last_day_of_a_shorter_month():
    assert calendar.add_months(D(2026, 11, 30), 3) == D(2027, 2, 28)
    assert calendar.add_months(D(2027, 11, 30), 3) == D(2028, 2, 29)
    assert calendar.add_months(D(2026, 1, 31), 1) == D(2026, 2, 28)
    assert calendar.add_months(D(2026, 10, 15), 3) == D(2027, 1, 15)


def test_bad_arguments_are_named():
    with pytest.raises(ValueError, match="nation must be one of"):
        calendar.is_working_day(D(2026, 1, 5), "scotland")
    with pytest.raises(ValueError, match="days must be zero or more"):
        calendar.add_working_days(D(2026, 1, 5), -1)


@given(st.dates(min_value=D(2020, 1, 1), max_value=D(2035, 12, 31)), st.integers(min_value=0, max_value=40))
def test_adding_then_counting_working_days_round_trips(start, days):
    end = calendar.add_working_days(start, days)
    assert calendar.working_days_between(start, end) == days
    assert days == 0 or calendar.is_working_day(end)
