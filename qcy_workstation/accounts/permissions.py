"""The permission table (``data/permissions.json``) and the checks the services make with it."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from qcy_workstation.accounts.principal import ROLES, Principal
from qcy_workstation.errors import PermissionDeniedError

DATA = Path(__file__).resolve().parent / "data" / "permissions.json"


@cache
def table() -> dict[str, Any]:
    data = json.loads(DATA.read_text(encoding="utf-8"))
    for action, rule in data["actions"].items():
        unknown = set(rule["roles"]) - set(ROLES)
        if unknown:  # a typo in the table must not silently deny (or allow) anything
            raise ValueError(f"permissions.json: unknown roles {sorted(unknown)} for {action}")
    return data  # type: ignore[no-any-return]


def actions() -> tuple[str, ...]:
    return tuple(table()["actions"])


def role_label(role: str, lang: str = "zh") -> str:
    return str(table()["roles"].get(role, {}).get(lang, role))


def may(principal: Principal, action: str, *, case_staff: str | None = None) -> bool:
    """Whether ``principal`` may do ``action`` (on a case assigned to ``case_staff`` when given)."""
    rule = table()["actions"].get(action)
    if rule is None:
        raise KeyError(f"unknown action {action!r}")  # a programming error, not a user's
    if principal.open_store:
        return True
    allowed = principal.roles.intersection(rule["roles"])
    if not allowed:
        return False
    assigned_only = set(rule.get("assigned_only", ()))
    if case_staff is not None and allowed <= assigned_only:
        return principal.same_person(case_staff)
    return True


def require(principal: Principal, action: str, *, case_staff: str | None = None) -> None:
    """Raise ``PermissionDeniedError`` (reason ``auth.forbidden`` or ``auth.not_assigned``) unless allowed."""
    if may(principal, action, case_staff=case_staff):
        return
    label = str(table()["actions"][action].get("zh", action))
    if case_staff is not None and may(principal, action):
        raise PermissionDeniedError(f"{action}: only the assigned case officer ({case_staff}) or the head may do "
                                    "this", field="account", reason="auth.not_assigned",
                                    params={"action": action, "action_zh": label, "assigned": case_staff})
    raise PermissionDeniedError(f"{action} is not allowed for {principal.name} ({', '.join(sorted(principal.roles))})",
                                field="account", reason="auth.forbidden",
                                params={"action": action, "action_zh": label, "account": principal.name})
