"""Working days in England and Wales: Monday to Friday, less bank holidays.

Bank holidays come from the `holidays` package, including substitute days (for example Monday
28 December 2026 for Boxing Day on a Saturday). The weekend originals of substitute days fall on
a weekend, so they are never working days anyway and need no special handling.
"""

import datetime
from functools import lru_cache

import holidays

# The `holidays` subdivision of each nation whose clocks the service runs.
_SUBDIVISIONS = {"england": "ENG", "wales": "WLS"}


@lru_cache(maxsize=64)
def _bank_holidays(nation, year):
    try:
        subdivision = _SUBDIVISIONS[nation]
    except KeyError:
        raise ValueError(f"nation must be one of {sorted(_SUBDIVISIONS)}; got {nation!r}") from None
    return frozenset(holidays.country_holidays("GB", subdiv=subdivision, years=year).keys())


def is_bank_holiday(day, nation="england"):
    return day in _bank_holidays(nation, day.year)


def is_working_day(day, nation="england"):
    return day.weekday() < 5 and not is_bank_holiday(day, nation)


# Pure functions of their dates: a list of many cases (the home page's tasks) asks the same questions
# again and again (the same notification date, the same today), so answers are kept.
@lru_cache(maxsize=8192)
def add_working_days(start, days, nation="england"):
    """The date `days` working days after `start` (the start day itself does not count)."""
    if days < 0:
        raise ValueError(f"days must be zero or more; got {days}")
    current, remaining = start, days
    while remaining:
        current += datetime.timedelta(days=1)
        if is_working_day(current, nation):
            remaining -= 1
    return current


@lru_cache(maxsize=8192)
def working_days_between(start, end, nation="england"):
    """Working days after `start` up to and including `end`; negative when `end` is before `start`."""
    if end < start:
        return -working_days_between(end, start, nation)
    count, current = 0, start
    while current < end:
        current += datetime.timedelta(days=1)
        if is_working_day(current, nation):
            count += 1
    return count


def add_months(start, months):
    """Same day of the month `months` later, or the month's last day when it is shorter (31 Jan + 1 = 28/29 Feb)."""
    month_index = start.month - 1 + months
    year, month = start.year + month_index // 12, month_index % 12 + 1
    for day in range(start.day, 27, -1):
        try:
            return datetime.date(year, month, day)
        except ValueError:
            continue
    return datetime.date(year, month, min(start.day, 28))
