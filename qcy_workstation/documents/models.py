"""Tables of the documents feature: compensation estimates saved on a case, the register of documents
(drafted -> reviewed -> issued) and the frozen files of issued documents (migration 0003_documents)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from qcy_workstation.db.base import Base, Versioned, utcnow


class CompensationRecord(Versioned, Base):
    """A compensation estimate saved on a case: the input and the result, as JSON (newest is current)."""

    __tablename__ = "compensation_estimates"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    rule_set: Mapped[str] = mapped_column(String(60))
    basis: Mapped[str] = mapped_column(String(40))
    total: Mapped[str] = mapped_column(String(30))  # decimal as text: exact, and portable to PostgreSQL
    input_json: Mapped[str] = mapped_column(Text)
    result_json: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    created_by: Mapped[str] = mapped_column(String(100), default="")


class DocumentRecord(Versioned, Base):
    """One version of a document in the register. Issued versions are frozen (see ``DocumentFile``)."""

    __tablename__ = "documents"
    __table_args__ = (UniqueConstraint("number", "version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(40), index=True)
    version: Mapped[int] = mapped_column(Integer, default=1)
    year: Mapped[int] = mapped_column(Integer)
    seq: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(30))
    lang: Mapped[str] = mapped_column(String(5))
    topic: Mapped[str] = mapped_column(String(40), default="")
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id", ondelete="SET NULL"), index=True)
    title: Mapped[str] = mapped_column(String(300), default="")
    status: Mapped[str] = mapped_column(String(20), default="drafted")  # drafted | reviewed | issued
    options_json: Mapped[str] = mapped_column(Text, default="{}")  # staff-edited free text
    content_json: Mapped[str] = mapped_column(Text, default="")  # the content as issued (for the record)
    drafted_by: Mapped[str] = mapped_column(String(100), default="")
    drafted_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    reviewed_by: Mapped[str] = mapped_column(String(100), default="")
    reviewed_at: Mapped[datetime | None] = mapped_column(DateTime)
    issued_by: Mapped[str] = mapped_column(String(100), default="")
    issued_at: Mapped[datetime | None] = mapped_column(DateTime)
    issued_on: Mapped[str] = mapped_column(String(10), default="")  # ISO date printed on the document


class DocumentFile(Base):
    """The bytes of an issued document in one format, stored content-addressed under ``files_dir``."""

    __tablename__ = "document_files"
    __table_args__ = (UniqueConstraint("document_id", "format"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    format: Mapped[str] = mapped_column(String(10))
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    size: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
