"""``qcy-workstation audit list/export``: the audit trail, filtered (head and administrators)."""

from __future__ import annotations

import argparse

from qcy_workstation.cases.audit_log import AuditFilter, AuditLog
from qcy_workstation.cases.validation import parse_date
from qcy_workstation.cli.context import CliContext, add_common_options


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("audit", help="the audit trail: who did what, when (head and administrators)")
    add_common_options(p)
    sa = p.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    for name, handler in (("list", cmd_list), ("export", cmd_export)):
        c = sa.add_parser(name, help="newest first" if name == "list" else "to XLSX (--xlsx FILE)")
        add_common_options(c)
        c.add_argument("--case", metavar="NUMBER")
        c.add_argument("--account", metavar="NAME", help="who acted (display name or login name of failed logins)")
        c.add_argument("--action", help="e.g. view, export, print, login, login_failed, transition")
        c.add_argument("--from", dest="date_from", metavar="DATE")
        c.add_argument("--to", dest="date_to", metavar="DATE")
        if name == "list":
            c.add_argument("--limit", type=int, default=200)
        else:
            c.add_argument("--xlsx", required=True, metavar="FILE")
            c.add_argument("--lang", choices=("zh", "en"), default="zh")
        c.set_defaults(handler=handler)


def _filter(args: argparse.Namespace) -> AuditFilter:
    return AuditFilter(case_number=args.case, actor=args.account, action=args.action,
                       date_from=parse_date(args.date_from, "from") if args.date_from else None,
                       date_to=parse_date(args.date_to, "to") if args.date_to else None)


def cmd_list(args: argparse.Namespace, ctx: CliContext) -> int:
    rows = AuditLog(ctx.store, ctx.actor).list(_filter(args), limit=max(1, args.limit))
    ctx.emit(rows, "\n".join(f"{r.at:%Y-%m-%d %H:%M:%S}  {r.actor}  {r.action}  {r.entity} {r.entity_id}"
                             + (f"  [{r.case_number}]" if r.case_number else "") for r in rows) or "no events")
    return 0


def cmd_export(args: argparse.Namespace, ctx: CliContext) -> int:
    out = AuditLog(ctx.store, ctx.actor).export_xlsx(_filter(args), args.xlsx, lang=args.lang)
    ctx.emit({"written": str(out)}, f"written: {out}")
    return 0
