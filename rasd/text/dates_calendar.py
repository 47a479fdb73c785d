"""Calendar arithmetic for resolving Arabic date phrases against a publication date.

Weeks run Saturday to Friday (the working week of Syria and most of the Levant and
the Gulf), so "الأسبوع الماضي" is the Saturday-Friday week before the one holding
the publication date.

>>> import datetime as dt
>>> shift(dt.date(2018, 3, 31), "month", -1)
datetime.date(2018, 2, 28)
>>> week_range(dt.date(2018, 3, 17), -1)
(datetime.date(2018, 3, 10), datetime.date(2018, 3, 16))
>>> last_weekday(dt.date(2018, 9, 6), 1, strict=True)
datetime.date(2018, 9, 4)
"""

from __future__ import annotations

import calendar
import datetime as dt

__all__ = [
    "PRECISION_OF_UNIT",
    "WIDER",
    "last_weekday",
    "month_range",
    "next_weekday",
    "shift",
    "week_range",
    "year_range",
]

PRECISION_OF_UNIT = {"hour": "day", "day": "day", "week": "week", "month": "month", "year": "year"}
WIDER = {"day": "week", "week": "month", "month": "month", "year": "year"}
_SATURDAY = 5


def shift(day: dt.date, unit: str, count: int) -> dt.date:
    """``day`` moved by ``count`` units (hour, day, week, month, year); month ends clamp.

    Raises OverflowError when the result is outside the calendar.
    """
    if unit == "hour":
        return day + dt.timedelta(days=int(count / 24))
    if unit == "day":
        return day + dt.timedelta(days=count)
    if unit == "week":
        return day + dt.timedelta(weeks=count)
    months = count * (12 if unit == "year" else 1)
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    if not dt.MINYEAR <= year <= dt.MAXYEAR:
        raise OverflowError(f"{count} {unit}s from {day} is outside the calendar")
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def month_range(year: int, month: int) -> tuple[dt.date, dt.date]:
    """First and last day of a month."""
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def year_range(year: int) -> tuple[dt.date, dt.date]:
    """First and last day of a year."""
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def week_range(day: dt.date, offset: int = 0) -> tuple[dt.date, dt.date]:
    """The Saturday-Friday week holding ``day``, moved by ``offset`` weeks."""
    start = day - dt.timedelta(days=(day.weekday() - _SATURDAY) % 7) + dt.timedelta(weeks=offset)
    return start, start + dt.timedelta(days=6)


def last_weekday(day: dt.date, weekday: int, strict: bool = False) -> dt.date:
    """The latest ``weekday`` on or before ``day`` (strictly before when ``strict``)."""
    back = (day.weekday() - weekday) % 7
    return day - dt.timedelta(days=back or (7 if strict else 0))


def next_weekday(day: dt.date, weekday: int) -> dt.date:
    """The first ``weekday`` strictly after ``day``."""
    return day + dt.timedelta(days=(weekday - day.weekday()) % 7 or 7)
