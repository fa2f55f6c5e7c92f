"""Tables of the early-warning service: projects, their risks and the screenings that found them.

List-valued fields (key features, marks, product names, GIs, counterparties) are stored as JSON arrays:
marks and company names can contain commas, so a delimiter would not round-trip.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, DateTime, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from qcy_workstation.db.base import Base, Versioned, utcnow


class WarningProject(Versioned, Base):
    """An enterprise's R&D, trade, investment or technology-transfer activity that the workstation watches."""

    __tablename__ = "warning_projects"

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(20), unique=True)  # EW-2026-0007
    title: Mapped[str] = mapped_column(String(300))
    enterprise: Mapped[str] = mapped_column(String(200))
    enterprise_uscc: Mapped[str | None] = mapped_column(String(18))
    industry: Mapped[str] = mapped_column(String(100), default="")
    kind: Mapped[str] = mapped_column(String(20))  # rd | trade | investment | tech_transfer
    target_markets: Mapped[str] = mapped_column(Text, default="[]")
    technology: Mapped[str] = mapped_column(Text, default="")
    key_features: Mapped[str] = mapped_column(Text, default="[]")
    marks: Mapped[str] = mapped_column(Text, default="[]")
    product_names: Mapped[str] = mapped_column(Text, default="[]")
    nice_classes: Mapped[str] = mapped_column(String(200), default="")  # "9,35" or groups "0901"
    gis: Mapped[str] = mapped_column(Text, default="[]")
    producer_region: Mapped[str] = mapped_column(String(200), default="")  # where the goods are produced
    counterparties: Mapped[str] = mapped_column(Text, default="[]")
    start_on: Mapped[date | None] = mapped_column(Date)
    end_on: Mapped[date | None] = mapped_column(Date)
    owner: Mapped[str] = mapped_column(String(100), default="")
    watched: Mapped[bool] = mapped_column(Boolean, default=True)
    status: Mapped[str] = mapped_column(String(20), default="active")  # active | closed
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)
    created_by: Mapped[str] = mapped_column(String(100), default="")
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)
    last_screened_at: Mapped[datetime | None] = mapped_column(DateTime)
    # Register fingerprint (per source: count and max id) at the last screening: a watched project is
    # re-screened when the current fingerprint differs.
    register_state: Mapped[str] = mapped_column(Text, default="{}")


class WarningRisk(Versioned, Base):
    """One screening hit, kept across screenings under a stable ``key`` so changes can be flagged."""

    __tablename__ = "warning_risks"
    __table_args__ = (
        UniqueConstraint("project_id", "key"),
        Index("ix_warning_risks_severity_status", "severity", "status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("warning_projects.id", ondelete="CASCADE"), index=True)
    key: Mapped[str] = mapped_column(String(300))  # e.g. "trademark:秦韵->12345678"
    category: Mapped[str] = mapped_column(String(20))  # patent | trademark | gi | party
    subject: Mapped[str] = mapped_column(String(300), default="")  # what of the project (a mark, a feature set)
    target: Mapped[str] = mapped_column(String(300), default="")  # the right or case it meets
    target_ref: Mapped[str] = mapped_column(String(100), default="")  # its number
    severity: Mapped[str] = mapped_column(String(10))  # high | medium | low
    score: Mapped[int] = mapped_column(Integer, default=0)
    reason: Mapped[str] = mapped_column(Text, default="")
    reason_en: Mapped[str] = mapped_column(Text, default="")
    action: Mapped[str] = mapped_column(String(40), default="")
    action_text: Mapped[str] = mapped_column(Text, default="")
    details: Mapped[str] = mapped_column(Text, default="{}")  # JSON: claim chart, factors, hit data
    fingerprint: Mapped[str] = mapped_column(String(64), default="")
    owner: Mapped[str] = mapped_column(String(100), default="")
    follow_up_on: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20), default="open")  # open | accepted | resolved
    flag: Mapped[str] = mapped_column(String(10), default="")  # new | changed | "" (seen)
    active: Mapped[bool] = mapped_column(Boolean, default=True)  # found by the latest screening
    flagged_screening_id: Mapped[int | None] = mapped_column(Integer)
    first_seen_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    last_seen_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    changed_at: Mapped[datetime | None] = mapped_column(DateTime)


class WarningScreening(Base):
    """One run of the screening for a project: when, by whom, why and what changed."""

    __tablename__ = "warning_screenings"

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("warning_projects.id", ondelete="CASCADE"), index=True)
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    by: Mapped[str] = mapped_column(String(100), default="")
    trigger: Mapped[str] = mapped_column(String(20), default="manual")  # manual | register_change
    register_state: Mapped[str] = mapped_column(Text, default="{}")
    new: Mapped[int] = mapped_column(Integer, default=0)
    changed: Mapped[int] = mapped_column(Integer, default=0)
    unchanged: Mapped[int] = mapped_column(Integer, default=0)
    gone: Mapped[int] = mapped_column(Integer, default=0)
    engine: Mapped[str] = mapped_column(String(100), default="")  # engine versions used
