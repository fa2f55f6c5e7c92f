"""Shared state of one CLI run: the store, the acting staff member and output formatting."""

from __future__ import annotations

import argparse
import getpass
import json
import os
import re
import sys
from dataclasses import asdict, is_dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from qcy_workstation.errors import QcyError

if TYPE_CHECKING:
    from qcy_workstation.accounts.principal import Principal
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

    def __init__(self, *, db_url: str | None, json_output: bool, staff: str, staff_given: bool = False) -> None:
        self.db_url = db_url
        self.json = json_output
        self.staff = staff
        self.staff_given = staff_given  # --staff or $QCY_STAFF said who acts (checked against the login)
        self._actor: Principal | None = None
        self.damaged_ok = False  # ``store check`` opens a damaged store to report on it
        self._store: Store | None = None

    @classmethod
    def from_args(cls, args: argparse.Namespace) -> CliContext:
        given = getattr(args, "staff", None) or os.environ.get("QCY_STAFF")
        return cls(db_url=getattr(args, "db", None), json_output=bool(getattr(args, "json", False)),
                   staff=given or _login_name(), staff_given=bool(given))

    @property
    def actor(self) -> Principal:
        """Who acts. On a store with accounts: the account of the session (``qcy-workstation login``, or
        ``$QCY_TOKEN``); ``--staff`` alone is not trusted, and one naming someone else is refused. On a store
        without accounts: the name given (``--staff``, ``$QCY_STAFF`` or the computer login)."""
        if self._actor is None:
            from qcy_workstation.accounts import sessions
            from qcy_workstation.accounts.principal import normalise_name, open_principal, store_has_accounts
            from qcy_workstation.accounts.service import AccountService
            from qcy_workstation.errors import PermissionDeniedError

            store = self.store
            if not store_has_accounts(store):
                self._actor = open_principal(self.staff)
            else:
                token = sessions.token_for(store.url)
                if not token:
                    raise PermissionDeniedError("this store has accounts: log in first (qcy-workstation login)",
                                                field="account", reason="auth.login_required")
                principal = AccountService(store).resolve_token(token)
                if self.staff_given and normalise_name(self.staff) not in (principal.name, principal.login):
                    raise PermissionDeniedError(f"logged in as {principal.name}, not {self.staff}", field="staff",
                                                value=self.staff, reason="auth.staff_mismatch",
                                                params={"account": principal.name, "staff": self.staff})
                own = AccountService(store).own_role(principal.account_id)
                if store.restricted and store.session_role not in (own, f"{store.server_prefix}_gate"):
                    # another account's database role with this session's token: the server would apply that
                    # account's rights while the audit trail named this one (issue 15 item 5)
                    raise PermissionDeniedError(f"logged in as {principal.name}, not {store.session_role}",
                                                field="db", value=store.session_role, reason="auth.staff_mismatch",
                                                params={"account": principal.name, "staff": store.session_role})
                self._actor = principal
            self.staff = self._actor.name
        return self._actor

    @property
    def store(self) -> Store:
        if self._store is None:
            from qcy_workstation.db.store import open_store

            self._store = open_store(self.db_url, damaged_ok=self.damaged_ok)
        return self._store

    def emit(self, payload: Any, text: str | None = None) -> None:
        """Print ``payload`` as JSON with ``--json``, else ``text`` (or a readable dump of the payload)."""
        if self.json or text is None:
            print(safe_json(to_jsonable(payload), indent=None if self.json else 2))
        else:
            print(safe_terminal_text(text))

    def fail(self, err: QcyError) -> None:
        if self.json:
            print(safe_json(err.to_dict()), file=sys.stderr)
        else:
            tag = f"{err.code}/{err.reason}" if err.reason else err.code
            print(safe_terminal_text(f"error [{tag}]: {err}"), file=sys.stderr)

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None


# Characters never written raw to a terminal: C0 and C1 controls except line feed and tab (ESC starts the
# sequences that clear the screen, retitle the window or fake a prompt; CSI U+009B does so in 8-bit
# terminals), bidirectional overrides (they reorder what is shown), other line separators and undecodable
# bytes (lone surrogates, which also made ``print`` itself fail).
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def safe_terminal_text(text: str) -> str:
    """``text`` with every control character shown as an escape (``\\x1b``), never sent raw.

    Why: titles typed with ANSI escapes were printed raw by ``cases list``; the core now refuses them in
    new input, but a store written before (or by another program) may still hold them."""
    return _UNSAFE.sub(_escape, text)


def safe_json(value: Any, *, indent: int | None = None) -> str:
    """JSON with the same characters escaped as ``\\uXXXX`` (still valid JSON, same value when parsed).
    ``json.dumps`` escapes C0 controls itself but with ``ensure_ascii=False`` leaves C1 controls,
    bidirectional overrides and lone surrogates raw."""
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", json.dumps(value, ensure_ascii=False, indent=indent))


def _login_name() -> str:
    try:
        return getpass.getuser()
    except Exception:  # getuser raises various errors when no name is known
        return "staff"
