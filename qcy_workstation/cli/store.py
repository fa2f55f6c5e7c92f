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
    st = ss.add_parser("settings", help="show or change workstation settings (letterhead, deadline lengths)")
    add_common_options(st)
    st.add_argument("assignments", nargs="*", metavar="KEY=VALUE",
                    help="e.g. acceptance_days=7 workstation_name=...; none: show")
    st.set_defaults(handler=cmd_settings)


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
    from qcy_workstation.cases.evidence import EvidenceService

    problems = ctx.store.integrity_check()
    with ctx.store.read() as s:
        broken = audit.verify_chain(s)
    evidence = EvidenceService(ctx.store, ctx.staff).verify()
    ok = not problems and not broken and not evidence
    ctx.emit({"ok": ok, "integrity": problems or ["ok"], "audit_chain_broken_at": broken, "evidence": evidence},
             ("store ok; audit chain intact; evidence files intact" if ok else
              f"integrity: {problems or 'ok'}; audit events failing the chain: {broken[:20]}; "
              f"evidence problems: {[(e.case_number, e.original_name, e.problem) for e in evidence][:20]}"))
    return 0 if ok else 1


def cmd_settings(args: argparse.Namespace, ctx: CliContext) -> int:
    from dataclasses import asdict

    from qcy_workstation.cases.settings import SettingsService
    from qcy_workstation.errors import ValidationError

    svc = SettingsService(ctx.store, ctx.staff)
    changes = {}
    for item in args.assignments:
        if "=" not in item:
            raise ValidationError("expected KEY=VALUE", field="settings", value=item)
        key, value = item.split("=", 1)
        changes[key.strip()] = value
    current = svc.update(**changes) if changes else svc.get()
    ctx.emit(asdict(current), "\n".join(f"{k}: {v}" for k, v in asdict(current).items()))
    return 0
