"""Who can be chosen: the active accounts a head may grant access to a confidential case.

Why a separate read and not ``AccountService.list``: listing accounts (with roles, demo flags and last
logins) is the administrator's (``accounts.manage``); the head only needs login and name to pick someone
for ``CaseService.grant_access``, which takes a login.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from qcy_workstation.accounts.models import Account
from qcy_workstation.accounts.principal import Acting


@dataclass(frozen=True)
class StaffEntry:
    login: str
    display_name: str
    roles: tuple[str, ...]


@dataclass(frozen=True)
class AccessGrant:
    """An account granted access to a confidential case (``CaseService.access_grants``)."""

    login: str
    display_name: str
    reason: str
    granted_by: str


class StaffDirectory(Acting):
    def grantable(self) -> list[StaffEntry]:
        """Active accounts by name, for the head choosing whom to grant access (``case.grant_access``)."""
        self.require("case.grant_access")
        with self.store.read() as s:
            rows = s.execute(select(Account.login, Account.display_name, Account.roles)
                             .where(Account.active.is_(True)).order_by(Account.display_name)).all()
        return [StaffEntry(login, name, tuple(r for r in roles.split(",") if r)) for login, name, roles in rows]
