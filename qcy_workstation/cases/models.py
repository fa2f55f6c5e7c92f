"""ORM tables of the case store. Services hand out plain dataclasses, never these objects."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from qcy_workstation.db.audit import (
    AuditEvent as AuditEvent,  # re-exported: the table lives with the audit chain
)
from qcy_workstation.db.base import Base, Versioned, utcnow


class Party(Versioned, Base):
    """An enterprise or a person that is an applicant or opposing party of some case."""

    __tablename__ = "parties"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    name_norm: Mapped[str] = mapped_column(String(200), index=True)  # conflict-check key (names.py)
    __table_args__ = (Index("ix_parties_name", "name"),)
    kind: Mapped[str] = mapped_column(String(20), default="enterprise")  # enterprise | person
    uscc: Mapped[str | None] = mapped_column(String(18), index=True)
    address: Mapped[str] = mapped_column(String(300), default="")
    contact: Mapped[str] = mapped_column(String(100), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    industry: Mapped[str] = mapped_column(String(100), default="")
    settled: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    #: Named by a confidential case: kept by the server's trigger on a secured store, where the row policy on
    #: parties reads it (db/server_roles.py); always false on SQLite.
    in_confidential: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())


class Case(Versioned, Base):
    __tablename__ = "cases"
    __table_args__ = (
        UniqueConstraint("year", "seq"),
        Index("ix_cases_received", "received_on", "id"),
        Index("ix_cases_status_received", "status", "received_on"),
        Index("ix_cases_type_received", "ip_type", "received_on"),
        Index("ix_cases_staff", "staff"),
        Index("ix_cases_acceptance_due", "acceptance_due"),
        Index("ix_cases_opinion_due", "opinion_due"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(20), unique=True)
    year: Mapped[int] = mapped_column(Integer)
    seq: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(300))
    ip_type: Mapped[str] = mapped_column(String(20))
    assistance: Mapped[str] = mapped_column(String(300), default="")  # comma-separated codes
    applicant_id: Mapped[int] = mapped_column(ForeignKey("parties.id"), index=True)
    opponent_id: Mapped[int | None] = mapped_column(ForeignKey("parties.id"), index=True)
    facts: Mapped[str] = mapped_column(Text, default="")
    staff: Mapped[str] = mapped_column(String(100), default="")
    priority: Mapped[str] = mapped_column(String(10), default="normal")
    confidential: Mapped[bool] = mapped_column(Boolean, default=False)
    status: Mapped[str] = mapped_column(String(20), default="received")
    received_on: Mapped[date] = mapped_column(Date)
    accepted_on: Mapped[date | None] = mapped_column(Date)
    opinion_on: Mapped[date | None] = mapped_column(Date)
    closed_on: Mapped[date | None] = mapped_column(Date)
    acceptance_due: Mapped[date | None] = mapped_column(Date)
    opinion_due: Mapped[date | None] = mapped_column(Date)
    outcome: Mapped[str] = mapped_column(String(300), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    created_by: Mapped[str] = mapped_column(String(100), default="")
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)

    applicant: Mapped[Party] = relationship(foreign_keys=[applicant_id], lazy="joined")
    opponent: Mapped[Party | None] = relationship(foreign_keys=[opponent_id], lazy="joined")
    rights: Mapped[list[Right]] = relationship(back_populates="case", cascade="all, delete-orphan",
                                               order_by="Right.id")
    transitions: Mapped[list[Transition]] = relationship(back_populates="case", cascade="all, delete-orphan",
                                                         order_by="Transition.id")


class Right(Versioned, Base):
    """One IP right involved in a case. Columns used depend on ``kind`` (single-table by kind)."""

    __tablename__ = "rights"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20))  # patent | trademark | gi | trade-secret
    number: Mapped[str] = mapped_column(String(40), default="")  # patent/application or registration no.
    title: Mapped[str] = mapped_column(String(300), default="")  # patent title, mark text, GI product name
    patent_kind: Mapped[str] = mapped_column(String(20), default="")  # invention | utility_model | design
    claims: Mapped[str] = mapped_column(Text, default="")
    nice_classes: Mapped[str] = mapped_column(String(200), default="")  # "25,35"
    similar_groups: Mapped[str] = mapped_column(String(300), default="")  # "2501,2507"
    goods: Mapped[str] = mapped_column(Text, default="")
    protected_area: Mapped[str] = mapped_column(String(300), default="")
    gi_route: Mapped[str] = mapped_column(String(30), default="")
    secret_description: Mapped[str] = mapped_column(Text, default="")
    secrecy_measures: Mapped[str] = mapped_column(Text, default="")
    owner: Mapped[str] = mapped_column(String(200), default="")

    case: Mapped[Case] = relationship(back_populates="rights")


class Transition(Base):
    __tablename__ = "transitions"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    from_status: Mapped[str] = mapped_column(String(20))
    to_status: Mapped[str] = mapped_column(String(20))
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    on: Mapped[date] = mapped_column(Date)
    by: Mapped[str] = mapped_column(String(100))
    reason: Mapped[str] = mapped_column(Text, default="")

    case: Mapped[Case] = relationship(back_populates="transitions")


class Consultation(Versioned, Base):
    __tablename__ = "consultations"
    __table_args__ = (Index("ix_consultations_at", "at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime)  # China local time of the consultation
    channel: Mapped[str] = mapped_column(String(20))
    staff: Mapped[str] = mapped_column(String(100), default="", index=True)
    enquirer: Mapped[str] = mapped_column(String(100))
    organisation: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    ip_type: Mapped[str] = mapped_column(String(20), default="")
    topic: Mapped[str] = mapped_column(String(300))
    summary: Mapped[str] = mapped_column(Text, default="")
    advice: Mapped[str] = mapped_column(Text, default="")
    follow_up_on: Mapped[date | None] = mapped_column(Date)
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id", ondelete="SET NULL"), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class Evidence(Versioned, Base):
    __tablename__ = "evidence"
    __table_args__ = (UniqueConstraint("case_id", "sha256"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    original_name: Mapped[str] = mapped_column(String(300))
    size: Mapped[int] = mapped_column(Integer)
    source: Mapped[str] = mapped_column(String(200), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    received_on: Mapped[date] = mapped_column(Date)
    added_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    added_by: Mapped[str] = mapped_column(String(100), default="")


class Setting(Versioned, Base):
    """Workstation-wide settings shared by every desk on the same store (letterhead, deadlines...)."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
