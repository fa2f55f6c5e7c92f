"""``qcy-workstation store ...``: where the store is, its schema revision, integrity and audit chain."""

from __future__ import annotations

import argparse

from qcy_workstation.cases import audit
from qcy_workstation.cli.context import CliContext, add_common_options
from qcy_workstation.db.store import current_revisions, head_revisions


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("store", help="the store: info and checks")
    add_common_options(p)
    ss = p.add_subparsers(dest="store_command", metavar="ACTION", required=True)
    i = ss.add_parser("info", help="location, revision, counts")
    add_common_options(i)
    i.set_defaults(handler=cmd_info)
    c = ss.add_parser("check", help="database integrity and the audit trail's hash chain")
    add_common_options(c)
    c.set_defaults(handler=cmd_check)


def cmd_info(args: argparse.Namespace, ctx: CliContext) -> int:
    store = ctx.store
    from sqlalchemy import func, select

    from qcy_workstation.cases.models import Case, Consultation

    with store.read() as s:
        cases = s.execute(select(func.count(Case.id))).scalar()
        consultations = s.execute(select(func.count(Consultation.id))).scalar()
    info = {"url": store.url, "files": str(store.files_dir), "revisions": sorted(current_revisions(store)),
            "heads": sorted(head_revisions()), "cases": cases, "consultations": consultations}
    ctx.emit(info, "\n".join(f"{k}: {v}" for k, v in info.items()))
    return 0


def cmd_check(args: argparse.Namespace, ctx: CliContext) -> int:
    problems = ctx.store.integrity_check()
    with ctx.store.read() as s:
        broken = audit.verify_chain(s)
    ok = not problems and not broken
    ctx.emit({"ok": ok, "integrity": problems or ["ok"], "audit_chain_broken_at": broken},
             ("store ok; audit chain intact" if ok else
              f"integrity: {problems or 'ok'}; audit events failing the chain: {broken[:20]}"))
    return 0 if ok else 1
