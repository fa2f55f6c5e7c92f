"""Table of the enterprises' own rights (trademarks, patents, GI authorisations)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from qcy_workstation.db.base import Base, Versioned, utcnow


class EnterpriseRight(Versioned, Base):
    """A right an enterprise (a ``parties`` row of kind enterprise) holds; dates as staff entered them."""

    __tablename__ = "enterprise_rights"
    __table_args__ = (UniqueConstraint("party_id", "kind", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    party_id: Mapped[int] = mapped_column(ForeignKey("parties.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20))  # portfolios.dto.RIGHT_KINDS
    number: Mapped[str] = mapped_column(String(40))
    title: Mapped[str] = mapped_column(String(300), default="")  # the mark, the patent's title, the GI
    classes: Mapped[str] = mapped_column(String(200), default="")  # Nice classes "9,42" (trademarks); else free
    filed_on: Mapped[date | None] = mapped_column(Date)
    registered_on: Mapped[date | None] = mapped_column(Date)  # registration / grant / authorisation
    expires_on: Mapped[date | None] = mapped_column(Date)  # entered (e.g. after a renewal); else computed
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    created_by: Mapped[str] = mapped_column(String(100), default="")


class RightEvent(Base):
    """What keeps a right alive, as staff recorded it: a trademark renewal (with the new term it gives) or a
    patent's annual fee paid for one patent year. Kept, never edited: the right's own row carries the result
    (a renewal moves ``EnterpriseRight.expires_on``)."""

    __tablename__ = "rights_events"
    __table_args__ = (UniqueConstraint("right_id", "kind", "patent_year"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    right_id: Mapped[int] = mapped_column(ForeignKey("enterprise_rights.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20))  # renewal | annuity
    on: Mapped[date] = mapped_column(Date)  # renewal filed / fee paid
    patent_year: Mapped[int | None] = mapped_column(Integer)  # annuity: the patent year paid for
    term_from: Mapped[date | None] = mapped_column(Date)  # renewal: the new term
    term_to: Mapped[date | None] = mapped_column(Date)
    article: Mapped[str] = mapped_column(String(200), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    created_by: Mapped[str] = mapped_column(String(100), default="")
