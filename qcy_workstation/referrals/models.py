"""Tables of the referrals room: partner bodies, referrals, documents received back."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, DateTime, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from qcy_workstation.db.base import Base, Versioned, utcnow


class PartnerBody(Versioned, Base):
    """A body the workstation refers matters to (bureau, court, arbitration commission, customs ...)."""

    __tablename__ = "partner_bodies"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    kind: Mapped[str] = mapped_column(String(30))  # referrals.dto.BODY_KINDS
    jurisdiction: Mapped[str] = mapped_column(String(200), default="")
    matters: Mapped[str] = mapped_column(String(100), default="")  # "trademark,patent" (cases.validation.IP_TYPES)
    contact: Mapped[str] = mapped_column(Text, default="")  # filled by staff: never shipped invented
    source_note: Mapped[str] = mapped_column(Text, default="")  # where the entry comes from / what to verify
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    created_by: Mapped[str] = mapped_column(String(100), default="")


class Referral(Versioned, Base):
    """A case or a consultation referred to a partner body, followed up until its outcome."""

    __tablename__ = "referrals"
    __table_args__ = (Index("ix_referrals_follow_up", "outcome", "follow_up_on"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(20), unique=True)  # ZJ-2026-0001
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    consultation_id: Mapped[int | None] = mapped_column(ForeignKey("consultations.id", ondelete="SET NULL"),
                                                        index=True)
    body_id: Mapped[int] = mapped_column(ForeignKey("partner_bodies.id"), index=True)
    matter: Mapped[str] = mapped_column(String(20), default="")  # trademark | patent | gi | trade-secret
    referred_on: Mapped[date] = mapped_column(Date)
    request: Mapped[str] = mapped_column(Text, default="")  # what the body is asked to do
    body_reference: Mapped[str] = mapped_column(String(100), default="")  # the body's own file number
    follow_up_on: Mapped[date | None] = mapped_column(Date)
    follow_up_estimated: Mapped[bool] = mapped_column(Boolean, default=False)
    accepted_on: Mapped[date | None] = mapped_column(Date)
    outcome: Mapped[str] = mapped_column(String(20), default="")  # "" pending, or referrals.dto.OUTCOMES
    outcome_on: Mapped[date | None] = mapped_column(Date)
    outcome_note: Mapped[str] = mapped_column(Text, default="")
    staff: Mapped[str] = mapped_column(String(100), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class ReferralDocument(Base):
    """A document the body sent back (decision, judgment, mediation agreement ...); on a case its file is
    stored as the case's evidence (``evidence_id``), on a consultation only its title and date."""

    __tablename__ = "referral_documents"

    id: Mapped[int] = mapped_column(primary_key=True)
    referral_id: Mapped[int] = mapped_column(ForeignKey("referrals.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(300))
    received_on: Mapped[date] = mapped_column(Date)
    evidence_id: Mapped[int | None] = mapped_column(ForeignKey("evidence.id", ondelete="SET NULL"))
    added_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    added_by: Mapped[str] = mapped_column(String(100), default="")
