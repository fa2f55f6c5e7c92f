"""What ``store check`` compares beyond the database's own integrity (issue 12, "what store check must
detect"): the audit chain against its anchor outside the database, each case row against the seal its last
change recorded, each evidence row against the SHA-256 its ``add`` event recorded. Every finding names the
first bad row and what it affects, so staff know which case to look at.

A case written only by the bulk demo seeder (no sealed event) is counted as "not sealed", not as a problem.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from qcy_workstation.cases.models import AuditEvent, Case, Evidence
from qcy_workstation.cases.services import case_row_digest
from qcy_workstation.db.audit import check_anchor, check_head, verify_chain
from qcy_workstation.db.witness import check_witness


def chain_findings(s: Session, files_dir: Path, store: Any = None) -> dict[str, Any]:
    """The broken chain's first bad row and what it affects, the anchor's verdict, and (given the open
    ``store``) this desk's witness's verdict (``db.witness.check_witness``)."""
    broken = verify_chain(s)
    out: dict[str, Any] = {"broken_ids": broken[:50], "first_bad": None,
                           "anchor": check_anchor(s, files_dir) or backup_head_problem(s),
                           "witness": check_witness(s, store) if store is not None else {"status": "none"}}
    if broken:
        row = s.get(AuditEvent, broken[0])
        number = s.execute(select(Case.number).where(Case.id == row.case_id)).scalar() if row and row.case_id else None
        out["first_bad"] = {"id": broken[0], "action": row.action if row else "", "entity": row.entity if row else "",
                            "entity_id": row.entity_id if row else "", "case": number or "",
                            "at": row.at.isoformat(timespec="seconds") if row else ""}
    return out


def backup_head_problem(s: Session) -> dict[str, Any] | None:
    """The live chain against the head in the last backup's manifest, when that backup is reachable: a
    chain rewritten together with its anchor file still differs from the copy taken away (issue 12)."""
    from qcy_workstation.cases.models import Setting
    from qcy_workstation.cases.settings import LAST_BACKUP_KEY
    from qcy_workstation.db.backup import MANIFEST

    row = s.get(Setting, LAST_BACKUP_KEY)
    try:
        folder = Path(json.loads(row.value)["folder"]) if row is not None else None
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8")) if folder else None
        head = manifest.get("audit_head") if isinstance(manifest, dict) else None
        last_id, last_hash = int(head["last_id"]), str(head["last_hash"])
    except (OSError, ValueError, KeyError, TypeError):
        return None  # no backup yet, or it is not reachable from this desk: nothing to compare with
    problem = check_head(s, last_id, last_hash)
    if problem is not None:
        problem["backup"] = str(folder)
    return problem


def sealed_rows(s: Session) -> dict[str, Any]:
    """Cases whose row differs from the seal of their last recorded change, and evidence rows whose SHA-256
    differs from the one their ``add`` event recorded."""
    seals: dict[int, tuple[int, str]] = {}
    added: dict[str, str] = {}
    for eid, case_id, entity, entity_id, action, details in s.execute(
            select(AuditEvent.id, AuditEvent.case_id, AuditEvent.entity, AuditEvent.entity_id, AuditEvent.action,
                   AuditEvent.details).order_by(AuditEvent.id)):
        if case_id is not None and '"row"' in details:
            seals[case_id] = (eid, json.loads(details)["row"])
        if entity == "evidence" and action == "add" and '"sha256"' in details:
            added[entity_id] = json.loads(details)["sha256"]
    changed, unsealed = [], 0
    for case in s.execute(select(Case).order_by(Case.id)).scalars():
        seal = seals.get(case.id)
        if seal is None:
            unsealed += 1
            continue
        if case_row_digest(s, case) != seal[1]:
            changed.append({"case": case.number, "sealed_by_event": seal[0]})
    evidence = [{"evidence": e.id, "case_id": e.case_id, "name": e.original_name}
                for e in s.execute(select(Evidence).order_by(Evidence.id)).scalars()
                if str(e.id) in added and added[str(e.id)] != e.sha256]
    for item in evidence:
        item["case"] = s.execute(select(Case.number).where(Case.id == item.pop("case_id"))).scalar() or ""
    return {"cases_changed_outside": changed[:50], "cases_not_sealed": unsealed, "evidence_rows_changed": evidence[:50]}
