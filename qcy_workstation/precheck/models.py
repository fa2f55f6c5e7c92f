"""Tables of the rights register and saved pre-check results (migration 0002_register).

Normalised and phonetic keys of register trademarks (and the content terms of register patents' claim 1)
are computed once at import and stored, so screening never recomputes them per query.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import BigInteger, Boolean, Date, DateTime, ForeignKey, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from qcy_workstation.db.base import Base, utcnow


class RegisterTrademark(Base):
    __tablename__ = "register_trademarks"

    id: Mapped[int] = mapped_column(primary_key=True)
    reg_no: Mapped[str] = mapped_column(String(40), unique=True)
    mark: Mapped[str] = mapped_column(String(200))
    owner: Mapped[str] = mapped_column(String(200), default="")
    classes: Mapped[str] = mapped_column(String(200), default="")  # "25,35"
    groups: Mapped[str] = mapped_column(String(400), default="")  # "2501,2507"
    status: Mapped[str] = mapped_column(String(40), default="")
    # dates as the file gives them (0015): what an enterprise's portfolio imports from the register
    registered_on: Mapped[date | None] = mapped_column(Date, default=None)
    expires_on: Mapped[date | None] = mapped_column(Date, default=None)
    class_mask: Mapped[int] = mapped_column(BigInteger, default=0)  # bit n = Nice class n (incl. groups' classes)
    # keys (trademark.MarkKeys), stored at import
    norm: Mapped[str] = mapped_column(String(200), index=True)
    cjk: Mapped[str] = mapped_column(String(200), default="")
    latin: Mapped[str] = mapped_column(String(200), default="")
    visual: Mapped[str] = mapped_column(String(200), default="")
    pinyin: Mapped[str] = mapped_column(String(400), default="")  # space-separated, toneless
    pinyin_tones: Mapped[str] = mapped_column(String(400), default="")
    pinyin_loose: Mapped[str] = mapped_column(String(400), default="")
    sound: Mapped[str] = mapped_column(String(200), default="")
    latin_sound: Mapped[str] = mapped_column(String(200), default="")
    alias_terms: Mapped[str] = mapped_column(String(400), default="")  # "|"-separated
    source: Mapped[str] = mapped_column(String(300), default="")
    # no secondary indexes beyond norm: screening uses the in-memory index, and each index costs import time
    batch: Mapped[str] = mapped_column(String(40), default="")
    imported_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class RegisterPatent(Base):
    __tablename__ = "register_patents"

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(40), unique=True)
    title: Mapped[str] = mapped_column(String(300), default="")
    owner: Mapped[str] = mapped_column(String(200), default="")
    status: Mapped[str] = mapped_column(String(40), default="")
    claims: Mapped[str] = mapped_column(Text, default="")
    filed_on: Mapped[date | None] = mapped_column(Date, default=None)  # as the file gives them (0015)
    granted_on: Mapped[date | None] = mapped_column(Date, default=None)
    claim1_terms: Mapped[str] = mapped_column(Text, default="")  # content terms of claim 1, space-separated
    # claim 1's sentence vector (float16, semantic.to_bytes); None when imported without the meaning layer
    claim1_vector: Mapped[bytes | None] = mapped_column(LargeBinary, default=None)
    source: Mapped[str] = mapped_column(String(300), default="")
    batch: Mapped[str] = mapped_column(String(40), default="", index=True)
    imported_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class RegisterGi(Base):
    __tablename__ = "register_gis"

    id: Mapped[int] = mapped_column(primary_key=True)
    gi_id: Mapped[str] = mapped_column(String(80), unique=True)
    name: Mapped[str] = mapped_column(String(100), index=True)
    place: Mapped[str] = mapped_column(String(60))
    product: Mapped[str] = mapped_column(String(60))
    province: Mapped[str] = mapped_column(String(60), default="")
    city: Mapped[str] = mapped_column(String(60), default="")
    counties: Mapped[str] = mapped_column(String(300), default="")  # "、"-separated
    towns: Mapped[str] = mapped_column(String(300), default="")
    routes: Mapped[str] = mapped_column(String(200), default="")  # comma-separated route codes
    english: Mapped[str] = mapped_column(String(300), default="")  # "|"-separated
    aliases: Mapped[str] = mapped_column(String(300), default="")  # "|"-separated
    certificate: Mapped[str | None] = mapped_column(String(40))
    holder: Mapped[str] = mapped_column(String(200), default="")
    verified: Mapped[bool] = mapped_column(Boolean, default=False)
    note: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[str] = mapped_column(String(300), default="")
    batch: Mapped[str] = mapped_column(String(40), default="", index=True)
    imported_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class PrecheckResult(Base):
    """A saved pre-check on a case: inputs, result and engine version, so an opinion can cite it."""

    __tablename__ = "precheck_results"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20))  # trademark | patent | gi | trade_secret | screen_*
    summary: Mapped[str] = mapped_column(String(300), default="")
    inputs_json: Mapped[str] = mapped_column(Text)
    result_json: Mapped[str] = mapped_column(Text)
    engine_version: Mapped[str] = mapped_column(String(30))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    created_by: Mapped[str] = mapped_column(String(100), default="")


__all__ = ["PrecheckResult", "RegisterGi", "RegisterPatent", "RegisterTrademark"]
