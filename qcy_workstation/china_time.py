"""The workstation's calendar: China's (Asia/Shanghai), whatever zone the PC's clock is set to.

Why one module: deadlines, "not in the future" checks, document dates and the date fields a form starts on
must agree on what today is. A PC (or a CI machine) on UTC is still on the previous day from 16:00 to 24:00,
and a core that asked the PC (``date.today()``) refused as "in the future" the date a form took from China's
calendar, or dated a letter the day before. Kept free of the database layer so pure computations (the
compensation calculator, documents) can use it.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

CHINA_TZ = ZoneInfo("Asia/Shanghai")


def china_today() -> date:
    """Today's date in China, which is what deadlines are counted from."""
    return datetime.now(CHINA_TZ).date()


def to_china_time(ts: datetime) -> datetime:
    """A stored naive-UTC timestamp as a naive China-time one, for display and documents."""
    return ts.replace(tzinfo=UTC).astimezone(CHINA_TZ).replace(tzinfo=None)
