"""Dates as the register's messages write them."""

from dateutil.relativedelta import relativedelta


def long_date(day):
    return f"{day.day} {day:%B %Y}"


def years_before(day, years):
    """The same calendar date `years` earlier (29 February falls back to the 28th)."""
    return day - relativedelta(years=years)
