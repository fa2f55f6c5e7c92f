"""Tables of accounts, login sessions, per-case access grants and the store's key wrappings."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from qcy_workstation.db.base import Base, Versioned, utcnow


class Account(Versioned, Base):
    """A member of staff who logs in. ``login`` is stored normalised (NFKC, trimmed, lower case)."""

    __tablename__ = "accounts"

    id: Mapped[int] = mapped_column(primary_key=True)
    login: Mapped[str] = mapped_column(String(60), unique=True)
    display_name: Mapped[str] = mapped_column(String(100))
    roles: Mapped[str] = mapped_column(String(200), default="")  # "officer,reviewer"
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # Deferred (loaded only when asked for): on a secured server no desk's role may read these two columns
    # (db/server_roles.SECRET_COLUMNS), and loading an account must not ask for them.
    password_hash: Mapped[str] = mapped_column(String(300), deferred=True)
    must_change: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_count: Mapped[int] = mapped_column(Integer, default=0)
    last_failed_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)
    last_login_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)
    demo: Mapped[bool] = mapped_column(Boolean, default=False)
    key_wrap: Mapped[str | None] = mapped_column(Text, default=None, deferred=True)  # the data key under the password
    public_key: Mapped[str | None] = mapped_column(Text, default=None)  # X25519, base64: case keys are wrapped to it
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    created_by: Mapped[str] = mapped_column(String(100), default="")


class LoginSession(Base):
    """A CLI session token (only its SHA-256 is stored) with its expiry."""

    __tablename__ = "login_sessions"

    id: Mapped[int] = mapped_column(primary_key=True)
    token_sha256: Mapped[str] = mapped_column(String(64), unique=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(DateTime)
    revoked: Mapped[bool] = mapped_column(Boolean, default=False)
    key_wrap: Mapped[str | None] = mapped_column(Text, default=None)  # the data key under the token (keys.py)


class CaseAccess(Base):
    """Access to a confidential case granted to an account that is not assigned to it (with a reason)."""

    __tablename__ = "case_access"
    __table_args__ = (UniqueConstraint("case_id", "account_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"), index=True)
    reason: Mapped[str] = mapped_column(Text)
    granted_by: Mapped[str] = mapped_column(String(100))
    granted_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class StoreKey(Base):
    """A wrapping of the store's data key that belongs to no account: ``purpose`` "recovery" is the data key
    under the administrator recovery key shown once at set-up (``accounts/keys.py``). ``key_id`` names the
    data key (an HMAC of it, never the key) so a wrapping of another store's key is told apart."""

    __tablename__ = "store_keys"

    id: Mapped[int] = mapped_column(primary_key=True)
    purpose: Mapped[str] = mapped_column(String(20), unique=True)
    key_id: Mapped[str] = mapped_column(String(32))
    wrapped: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    created_by: Mapped[str] = mapped_column(String(100), default="")


class CaseKey(Base):
    """A confidential case's key wrapped to one account's public key (``account_id``), or to the store's
    recovery public key (``account_id`` None, ``purpose`` "recovery"). ``key_id`` names the case key."""

    __tablename__ = "case_keys"
    __table_args__ = (UniqueConstraint("case_id", "account_id", "purpose"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    account_id: Mapped[int | None] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"), index=True)
    purpose: Mapped[str] = mapped_column(String(20), default="account")
    key_id: Mapped[str] = mapped_column(String(32))
    wrapped: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    created_by: Mapped[str] = mapped_column(String(100), default="")


class FileKey(Base):
    """A sealed file's own random key (``db/sealed.py``: ``area`` and ``sha256`` name the file), wrapped under
    the key of one confidential case that uses the file (``case_id``; ``key_id`` names that case key, current or
    former), or, ``case_id`` None and ``key_id`` "content", under a key derived from the file's plaintext
    (``accounts/file_keys.py``). ``file_key_id`` names the file key (it is in the sealed file's header)."""

    __tablename__ = "file_keys"
    __table_args__ = (UniqueConstraint("area", "sha256", "case_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    area: Mapped[str] = mapped_column(String(20))
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    key_id: Mapped[str] = mapped_column(String(32))
    file_key_id: Mapped[str] = mapped_column(String(32))
    wrapped: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    created_by: Mapped[str] = mapped_column(String(100), default="")
