"""Tables of expert panels: the expert pool, panel meetings on cases, the experts seated on each."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import Boolean, Date, DateTime, ForeignKey, Numeric, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from qcy_workstation.db.base import Base, Versioned, utcnow


class Expert(Versioned, Base):
    """An expert the workstation may call on a panel (a professor, an examiner, a patent attorney ...)."""

    __tablename__ = "experts"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    field: Mapped[str] = mapped_column(String(200), default="")  # e.g. 通信技术, 商标法
    ipc_classes: Mapped[str] = mapped_column(String(300), default="")  # "H04L,G06F"
    nice_classes: Mapped[str] = mapped_column(String(200), default="")  # "30,43" (cases.validation)
    affiliation: Mapped[str] = mapped_column(String(200), default="")
    contact: Mapped[str] = mapped_column(Text, default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    created_by: Mapped[str] = mapped_column(String(100), default="")


class ExpertPanel(Versioned, Base):
    """A panel meeting on a case: the questions put, and once concluded the panel's conclusion and dissent."""

    __tablename__ = "expert_panels"

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(20), unique=True)  # LZ-2026-0001
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    held_on: Mapped[date] = mapped_column(Date)
    questions: Mapped[str] = mapped_column(Text, default="")
    conclusion: Mapped[str] = mapped_column(Text, default="")
    dissent: Mapped[str] = mapped_column(Text, default="")
    concluded_on: Mapped[date | None] = mapped_column(Date)
    staff: Mapped[str] = mapped_column(String(100), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class PanelSeat(Base):
    """An expert seated on a panel: their opinion and their hours or fee."""

    __tablename__ = "panel_seats"
    __table_args__ = (UniqueConstraint("panel_id", "expert_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    panel_id: Mapped[int] = mapped_column(ForeignKey("expert_panels.id", ondelete="CASCADE"), index=True)
    expert_id: Mapped[int] = mapped_column(ForeignKey("experts.id"), index=True)
    opinion: Mapped[str] = mapped_column(Text, default="")
    hours: Mapped[Decimal | None] = mapped_column(Numeric(7, 2))
    fee: Mapped[Decimal | None] = mapped_column(Numeric(12, 2))  # yuan
