"""Declarative base shared by every table of the store, and time helpers.

Convention: timestamps (``*_at``) are naive UTC; calendar dates (``*_on``) are dates in China.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Integer, MetaData
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column

from qcy_workstation.china_time import CHINA_TZ, china_today, to_china_time  # noqa: F401 - used from here too

# Named constraints so Alembic batch migrations (SQLite) and PostgreSQL agree on names.
NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


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

