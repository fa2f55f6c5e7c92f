"""The conflict check at intake: where the workstation already assists or opposes a new case's parties.

Fuzzy (rapidfuzz) over the party keys stored at intake (normalised, without company-form suffixes and leading
place names), plus exact credit-code matches. The applicant appearing as an opposing party elsewhere (or the
opponent as an assisted applicant) is a ``conflict``; the same side is ``related``.

A confidential case the principal may not see is still a conflict: it is counted, with the matched party
and the case's status, but without its number or title ("counted, not shown", issue 14). On a secured
PostgreSQL store the desk's own database role cannot read such a case, nor a party only hidden cases name
(row-level security, ``db/server_roles.py``), so there the server's functions ``qcy_party_keys()`` and
``qcy_conflict_cases()`` answer, applying the same rule: the check finds the same conflicts on a shared
store as on a single desk.
"""

from __future__ import annotations

from typing import Any

from rapidfuzz import fuzz, process
from sqlalchemy import or_, select, text
from sqlalchemy.orm import Session, aliased

from qcy_workstation.accounts.principal import Principal
from qcy_workstation.cases.access import visible_clause
from qcy_workstation.cases.dto import ConflictHit
from qcy_workstation.cases.models import Case, Party
from qcy_workstation.cases.names import normalise_name

#: rapidfuzz score (0-100) from which two party keys are taken for the same party; the experts' conflict
#: check (experts/service.py) uses it too.
CONFLICT_THRESHOLD = 85.0


def find_conflicts(s: Session, principal: Principal, applicant: str, opponent: str | None = None, *,
                   applicant_uscc: str | None = None, opponent_uscc: str | None = None,
                   exclude_number: str | None = None, on_server: bool = False) -> list[ConflictHit]:
    """The conflicts and relations of a new case's applicant and opponent with the cases in the store, most
    serious first. ``on_server``: the session is a desk's role on a secured server (``Store.restricted``)."""
    names = [("applicant", applicant, applicant_uscc)]
    if opponent and opponent.strip():
        names.append(("opponent", opponent, opponent_uscc))
    hits: list[ConflictHit] = []
    parties = (s.execute(text("SELECT id, name_norm, uscc FROM qcy_party_keys()")).all() if on_server
               else s.execute(select(Party.id, Party.name_norm, Party.uscc)).all())
    keys = [p[1] for p in parties]
    for role_new, name, uscc in names:
        key = normalise_name(name, drop_place=True)
        if not key:
            continue
        matched: dict[int, float] = {}
        scorer = fuzz.ratio if len(key) < 4 else fuzz.WRatio
        for _choice, score, idx in process.extract(key, keys, scorer=scorer, limit=50,
                                                   score_cutoff=CONFLICT_THRESHOLD):
            matched[parties[idx][0]] = float(score)
        if uscc:
            for pid, _norm, code in parties:
                if code == uscc:
                    matched[pid] = 100.0
        if not matched:
            continue
        for number, title, status, a_id, o_id, a_name, o_name, _cid, visible in (
                _cases_naming(s, principal, matched, exclude_number, on_server)):
            withheld = not visible  # a confidential case: counted, not shown
            if withheld:
                number, title = "", ""
            for role_existing, pid, other in (("applicant", a_id, a_name), ("opponent", o_id, o_name)):
                if pid not in matched:
                    continue
                kind = "related" if role_new == role_existing else "conflict"
                hits.append(ConflictHit(name, role_new, other, round(matched[pid], 1), number, title,
                                        status, role_existing, kind,
                                        conflict_message(name, role_new, other, number or "（保密案件）",
                                                         role_existing, kind), confidential=withheld))
    hits.sort(key=lambda h: (h.kind != "conflict", -h.score, h.case_number))
    return hits


def _cases_naming(s: Session, principal: Principal, matched: dict[int, float], exclude_number: str | None,
                  on_server: bool) -> list[tuple[Any, ...]]:
    """The cases naming a matched party: number, title, status, both parties (ids and names), id, and
    whether ``principal`` may see the case."""
    if on_server:
        return [tuple(r) for r in s.execute(text("SELECT * FROM qcy_conflict_cases(:pids, :excluded)"),
                                            {"pids": list(matched), "excluded": exclude_number})]
    applicant_p, opponent_p = aliased(Party), aliased(Party)
    q = select(Case.number, Case.title, Case.status, Case.applicant_id, Case.opponent_id,
               applicant_p.name, opponent_p.name, Case.id
               ).join(applicant_p, Case.applicant_id == applicant_p.id
               ).outerjoin(opponent_p, Case.opponent_id == opponent_p.id
               ).where(or_(Case.applicant_id.in_(matched), Case.opponent_id.in_(matched)))
    if exclude_number:
        q = q.where(Case.number != exclude_number)
    hidden = visible_clause(principal)
    seen = {cid for (cid,) in s.execute(select(Case.id).where(hidden))} if hidden is not None else None
    return [(*row, seen is None or row[7] in seen) for row in s.execute(q)]


def conflict_message(name: str, role_new: str, other: str, number: str, role_existing: str, kind: str) -> str:
    roles = {"applicant": "申请人/applicant", "opponent": "对方当事人/opposing party"}
    if kind == "conflict":
        return (f"利益冲突：{name}（本案{roles[role_new]}）与案件 {number} 的{roles[role_existing]} {other} 相近。"
                f" Conflict: {name} resembles {other}, the {role_existing} in case {number}.")
    return (f"关联：{name} 已在案件 {number} 中作为{roles[role_existing]}（{other}）。"
            f" Related: {name} already appears as {role_existing} ({other}) in case {number}.")
