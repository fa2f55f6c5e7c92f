"""Confidential cases (issue 14 item 3): who may see a case, as one SQL condition and one check.

A confidential case (every trade-secret case by default; any case can be marked) is visible only to its
assigned officer, the head, and accounts granted access on the case with a reason. Everyone else does not
see it in lists, search, Today, conflict-check details or exports; statistics count it without details.
The condition is applied in the query (not after it), so a page of 50 rows is 50 visible rows.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from qcy_workstation.accounts.models import CaseAccess
from qcy_workstation.accounts.principal import Principal
from qcy_workstation.cases.models import Case
from qcy_workstation.errors import NotFoundError, PermissionDeniedError


def sees_everything(p: Principal) -> bool:
    return p.open_store or p.has_role("head")


def visible_clause(p: Principal) -> Any | None:
    """A WHERE condition on ``Case`` limiting rows to what ``p`` may see (None: everything)."""
    if sees_everything(p):
        return None
    granted = select(CaseAccess.case_id).where(CaseAccess.account_id == p.account_id)
    return or_(Case.confidential.is_(False), Case.staff == p.name, Case.id.in_(granted))


def can_see(s: Session, p: Principal, case: Case) -> bool:
    if sees_everything(p) or not case.confidential or p.same_person(case.staff):
        return True
    return s.execute(select(CaseAccess.id).where(CaseAccess.case_id == case.id,
                                                 CaseAccess.account_id == p.account_id)).first() is not None


def check_visible(s: Session, p: Principal, case: Case) -> None:
    """Refuse a confidential case to an account without access (``case.confidential``)."""
    if not can_see(s, p, case):
        raise PermissionDeniedError(f"case {case.number} is confidential", field="number", value=case.number,
                                    reason="case.confidential", params={"number": case.number})


def visible_case(s: Session, p: Principal, number: str | None, *, field: str = "case") -> Case:
    """The case numbered ``number`` (any case, spaces trimmed), refused as ``case.not_found`` or
    ``case.confidential``: the one lookup the services that hang records off a case share."""
    case = s.execute(select(Case).where(Case.number == (number or "").strip().upper())).scalar()
    if case is None:
        raise NotFoundError(f"no case {number!r}", field=field, value=number, reason="case.not_found",
                            params={"number": number})
    check_visible(s, p, case)
    return case
