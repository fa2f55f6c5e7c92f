"""Shared state of one CLI run: the store, the acting staff member and output formatting."""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from dataclasses import asdict, is_dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from qcy_workstation.errors import QcyError

if TYPE_CHECKING:
    from qcy_workstation.db.store import Store


def add_common_options(parser: argparse.ArgumentParser, *, top_level: bool = False) -> None:
    """``--db``, ``--json`` and ``--staff`` are accepted before and after the sub-command."""
    default = None if top_level else argparse.SUPPRESS
    parser.add_argument("--db", metavar="PATH_OR_URL", default=default,
                        help="store file or SQLAlchemy URL (default: $QCY_DB, else the user data folder)")
    parser.add_argument("--json", action="store_true", default=False if top_level else argparse.SUPPRESS,
                        help="machine-readable output")
    parser.add_argument("--staff", metavar="NAME", default=default,
                        help="who acts (default: $QCY_STAFF, else the login name)")


def to_jsonable(value: Any) -> Any:
    if is_dataclass(value) and not isinstance(value, type):
        return to_jsonable(asdict(value))
    if isinstance(value, dict):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [to_jsonable(v) for v in value]
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if hasattr(value, "to_dict"):
        return to_jsonable(value.to_dict())
    return value


class CliContext:
    """Opens the store lazily, so ``--help`` and pure computations never touch a database."""

    def __init__(self, *, db_url: str | None, json_output: bool, staff: str) -> None:
        self.db_url = db_url
        self.json = json_output
        self.staff = staff
        self._store: Store | None = None

    @classmethod
    def from_args(cls, args: argparse.Namespace) -> CliContext:
        staff = getattr(args, "staff", None) or os.environ.get("QCY_STAFF") or _login_name()
        return cls(db_url=getattr(args, "db", None), json_output=bool(getattr(args, "json", False)), staff=staff)

    @property
    def store(self) -> Store:
        if self._store is None:
            from qcy_workstation.db.store import open_store

            self._store = open_store(self.db_url)
        return self._store

    def emit(self, payload: Any, text: str | None = None) -> None:
        """Print ``payload`` as JSON with ``--json``, else ``text`` (or a readable dump of the payload)."""
        if self.json or text is None:
            print(json.dumps(to_jsonable(payload), ensure_ascii=False, indent=None if self.json else 2))
        else:
            print(text)

    def fail(self, err: QcyError) -> None:
        if self.json:
            print(json.dumps(err.to_dict(), ensure_ascii=False), file=sys.stderr)
        else:
            tag = f"{err.code}/{err.reason}" if err.reason else err.code
            print(f"error [{tag}]: {err}", file=sys.stderr)

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None


def _login_name() -> str:
    try:
        return getpass.getuser()
    except Exception:  # getuser raises various errors when no name is known
        return "staff"
