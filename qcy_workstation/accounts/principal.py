"""Who acts: an authenticated account (or, on a store that has no accounts yet, the desk's one user).

Why a value and not a name: a name typed with a trailing space or a tab let a drafter review their own
document. A :class:`Principal` comes only from a login (password or session token); services take it as
their ``actor`` and compare normalised names.

A store without any account is *open*: it belongs to a single desk that never set up accounts (stores made
before accounts existed, scripts and tests building a store). Its principal may do everything, as before.
Creating the first account (the administrator, on the first start) closes the store: from then on a plain
name is refused and every write is attributed to a logged-in account.
"""

from __future__ import annotations

import unicodedata
import weakref
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.exc import OperationalError, ProgrammingError

from qcy_workstation.errors import PermissionDeniedError, StoreError

if TYPE_CHECKING:
    from qcy_workstation.accounts.keys import KeyRing
    from qcy_workstation.db.store import Store

ROLES = ("registrar", "officer", "reviewer", "head", "admin")


def normalise_name(name: str | None) -> str:
    """NFKC, trimmed, inner runs of white space as one space: the form names are compared in."""
    text = unicodedata.normalize("NFKC", name or "")
    return " ".join(text.split())


@dataclass(frozen=True)
class Principal:
    """An authenticated member of staff (``account_id`` None only on an open store)."""

    name: str
    roles: frozenset[str] = field(default_factory=frozenset)
    account_id: int | None = None
    login: str = ""
    demo: bool = False
    open_store: bool = False
    #: The store's data key, unwrapped at login (``accounts/keys.py``); held in memory only, never compared.
    keys: KeyRing | None = field(default=None, compare=False, repr=False)

    def __str__(self) -> str:  # audit rows and documents record the display name
        return self.name

    def has_role(self, *roles: str) -> bool:
        return bool(self.roles.intersection(roles))

    def same_person(self, name: str | None) -> bool:
        """Whether ``name`` (as recorded on a case or a draft) is this account's name."""
        return bool(name) and normalise_name(name) == normalise_name(self.name)


_CLOSED: weakref.WeakSet[Any] = weakref.WeakSet()  # stores known to have accounts (never reopens)


def store_has_accounts(store: Store) -> bool:
    """Whether any account exists (once true it stays true: accounts are deactivated, never deleted)."""
    if store in _CLOSED:
        return True
    from qcy_workstation.accounts.models import Account

    try:
        with store.read() as s:
            found = s.execute(select(Account.id).limit(1)).first() is not None
    except (OperationalError, ProgrammingError, StoreError):  # a store not migrated yet has no accounts table
        return False
    if found:
        _CLOSED.add(store)
    return found


def mark_closed(store: Store) -> None:
    _CLOSED.add(store)


def open_principal(name: str) -> Principal:
    """The one user of an open store (no accounts): every role."""
    return Principal(name=normalise_name(name) or "staff", roles=frozenset(ROLES), open_store=True)


def acting(store: Store, actor: Principal | str | None) -> Principal:
    """The principal a service acts for. A plain name is accepted only on an open store: on a store with
    accounts it is refused (``auth.login_required``), so ``--staff NAME`` alone no longer makes anyone."""
    if isinstance(actor, Principal):
        return actor
    if store_has_accounts(store):
        raise PermissionDeniedError("this store has accounts: log in first", field="account",
                                    reason="auth.login_required")
    return open_principal(actor or "staff")


class Acting:
    """What every service shares about who acts: ``actor`` is a :class:`Principal` (or a plain name on an
    open store); ``self.actor`` is the name the audit trail records; ``self.principal`` is resolved when a
    permission or a confidential case is at stake (so reading settings never needs a login)."""

    def __init__(self, store: Store, actor: Principal | str | None) -> None:
        self.store = store
        self.who = actor
        self.actor = normalise_name(str(actor) if actor is not None else "") or "staff"

    @property
    def principal(self) -> Principal:
        return acting(self.store, self.who)

    def require(self, action: str, *, case_staff: str | None = None) -> Principal:
        """The principal, once ``action`` is allowed to it (on a case assigned to ``case_staff``)."""
        from qcy_workstation.accounts.permissions import require

        principal = self.principal
        require(principal, action, case_staff=case_staff)
        return principal
