"""Declarative base shared by every table of the store, and time helpers.

Convention: timestamps (``*_at``) are naive UTC; calendar dates (``*_on``) are dates in China.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Integer, MetaData
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column

# Named constraints so Alembic batch migrations (SQLite) and PostgreSQL agree on names.
NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

CHINA_TZ = ZoneInfo("Asia/Shanghai")


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Versioned:
    """An editable row carries ``row_version``, raised by every UPDATE that SQLAlchemy makes
    (``version_id_col``): an UPDATE of a row that another desk changed in between matches nothing and fails
    instead of overwriting it. Services compare it with the version a form was opened on (lost updates
    across two desks, issue 15 item 3)."""

    row_version: Mapped[int] = mapped_column(Integer, nullable=False, default=1, server_default="1")

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:
        return {"version_id_col": cls.__table__.c.row_version}  # type: ignore[attr-defined]


def utcnow() -> datetime:
    """Now as naive UTC, the form every ``*_at`` column holds."""
    return datetime.now(UTC).replace(tzinfo=None)


def china_today() -> date:
    """Today's date in China, which is what deadlines are counted from."""
    return datetime.now(CHINA_TZ).date()


def to_china_time(ts: datetime) -> datetime:
    """A stored naive-UTC timestamp as a naive China-time one, for display and documents."""
    return ts.replace(tzinfo=UTC).astimezone(CHINA_TZ).replace(tzinfo=None)
