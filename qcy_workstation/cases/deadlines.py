"""Deadlines counted in Chinese working days.

Statutory holidays and the adjusted working weekends come from the ``chinese_calendar`` package, which
ships the State Council's yearly schedule. For a year it does not know yet, weekends alone are used and
the result says it is an estimate.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

import chinese_calendar


@lru_cache(maxsize=8192)
def _is_workday(day: date) -> tuple[bool, bool]:
    """(is a working day, known from the official schedule)."""
    try:
        return chinese_calendar.is_workday(day), True
    except NotImplementedError:
        return day.weekday() < 5, False


def is_workday(day: date) -> bool:
    return _is_workday(day)[0]


@dataclass(frozen=True)
class Deadline:
    due: date
    estimated: bool  # True when a year outside the official schedule was involved


def add_working_days(start: date, days: int) -> Deadline:
    """The date ``days`` working days after ``start`` (the start day itself does not count)."""
    current = start
    counted = 0
    estimated = False
    while counted < days:
        current += timedelta(days=1)
        workday, known = _is_workday(current)
        estimated = estimated or not known
        if workday:
            counted += 1
    return Deadline(current, estimated)


def working_days_between(start: date, end: date) -> int:
    """Working days after ``start`` up to and including ``end`` (0 when end <= start)."""
    if end <= start:
        return 0
    return sum(1 for i in range(1, (end - start).days + 1) if is_workday(start + timedelta(days=i)))
