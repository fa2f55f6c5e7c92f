"""Where screening gets known rights from, and a fingerprint that changes whenever any of them changes.

Sources, in the store:
- the rights of the workstation's own cases (patents with claims, registered marks with classes, GIs):
  rights the workstation already knows and has helped enforce;
- the pre-check rights register (``qcy_workstation.precheck``, tables ``register_*``), screened through
  ``precheck.screening`` (screen_patent / screen_trademark / screen_gi); every table whose name starts
  with ``register`` contributes to the fingerprint;
- the shipped/staff-maintained GI register of the pre-check engine (``precheck.gi``).

The fingerprint is ``{source: [row count, max id]}`` (plus the GI register's sources). It is stored per
project at each screening; a watched project whose stored fingerprint differs from the current one is
due for re-screening. Counting rows with an index is cheap, so this works without hooks in other modules.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, inspect, select, text
from sqlalchemy.orm import Session

from qcy_workstation.cases.models import Case, Party, Right
from qcy_workstation.warning.screening import GIEntry, PatentEntry, TrademarkEntry


def _register_tables(s: Session) -> list[str]:
    names = inspect(s.get_bind()).get_table_names()
    return sorted(n for n in names if n.startswith("register"))


def register_state(s: Session) -> dict[str, Any]:
    """The current fingerprint of every source screening reads."""
    state: dict[str, Any] = {}
    n, top = s.execute(select(func.count(Right.id), func.max(Right.id))).one()
    state["case_rights"] = [int(n or 0), int(top or 0)]
    n, top = s.execute(select(func.count(Case.id), func.max(Case.id))).one()
    state["cases"] = [int(n or 0), int(top or 0)]
    n, top = s.execute(select(func.count(Party.id), func.max(Party.id))).one()
    state["parties"] = [int(n or 0), int(top or 0)]
    for table in _register_tables(s):
        cols = {c["name"] for c in inspect(s.get_bind()).get_columns(table)}
        top_expr = "max(id)" if "id" in cols else "0"
        row = s.execute(text(f'SELECT count(*), {top_expr} FROM "{table}"')).one()  # noqa: S608 - names from the schema
        state[table] = [int(row[0] or 0), int(row[1] or 0)]
    try:
        from qcy_workstation.precheck.gi import load_gi_register

        state["gi_register"] = sorted(load_gi_register().sources)
    except ImportError:  # engine without a GI register
        pass
    return state


def changed_sources(before: dict[str, Any], after: dict[str, Any]) -> list[str]:
    """Names of the sources whose fingerprint differs (added or removed sources included)."""
    return sorted(k for k in set(before) | set(after) if before.get(k) != after.get(k))


def patents(s: Session) -> list[PatentEntry]:
    """Patents with claims from case rights, one entry per distinct claim set (the same patent in many
    cases is screened once; the entry names the lowest number and how many rights share the claims).
    The register is screened through ``precheck.screening`` (its own index), not read here."""
    q = (select(Right.claims, func.min(Right.number), func.min(Right.title), func.min(Right.owner),
                func.min(Case.number), func.count())
         .join(Case, Case.id == Right.case_id)
         .where(Right.kind == "patent", Right.claims != "").group_by(Right.claims))
    out = []
    for claims, number, title, owner, case_number, n in s.execute(q):
        source = f"case {case_number}" + (f" (+{n - 1} more case rights with these claims)" if n > 1 else "")
        out.append(PatentEntry(number or f"{case_number}:{title}", title or "", owner or "", claims, source))
    return out


def trademarks(s: Session) -> list[TrademarkEntry]:
    """Registered marks from case rights, one entry per (mark, classes): compared once however many cases
    name it; the entry carries the lowest registration number and how many rights share it."""
    q = (select(Right.title, Right.nice_classes, Right.similar_groups, func.min(Right.number),
                func.min(Right.owner), func.min(Case.number), func.count())
         .join(Case, Case.id == Right.case_id)
         .where(Right.kind == "trademark", Right.title != "")
         .group_by(Right.title, Right.nice_classes, Right.similar_groups))
    out = []
    for mark, classes, groups, number, owner, case_number, n in s.execute(q):
        source = f"case {case_number}" + (f" (+{n - 1} more case rights with this mark)" if n > 1 else "")
        out.append(TrademarkEntry(number or "", mark, owner or "", classes or groups or "", source))
    return out


def case_gis(s: Session) -> list[GIEntry]:
    """GIs named in case rights (the pre-check GI register is consulted by the engine itself)."""
    out: dict[str, GIEntry] = {}
    q = (select(Right.title, Right.protected_area, Right.gi_route, Case.number)
         .join(Case, Case.id == Right.case_id).where(Right.kind == "gi", Right.title != "").order_by(Right.id))
    for name, area, route, case_number in s.execute(q):
        out.setdefault(name, GIEntry(name, area, route, f"case {case_number}"))
    return list(out.values())
