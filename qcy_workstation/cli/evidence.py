"""``qcy-workstation evidence ...``: attach, list and verify evidence files."""

from __future__ import annotations

import argparse

from qcy_workstation.cases.evidence import EvidenceService
from qcy_workstation.cases.validation import parse_date
from qcy_workstation.cli.context import CliContext, add_common_options


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("evidence", help="evidence files of cases")
    add_common_options(p)
    es = p.add_subparsers(dest="evidence_command", metavar="ACTION", required=True)
    a = es.add_parser("add", help="attach a file to a case")
    add_common_options(a)
    a.add_argument("case")
    a.add_argument("file")
    a.add_argument("--source", default="")
    a.add_argument("--description", default="")
    a.add_argument("--received")
    a.set_defaults(handler=cmd_add)
    ls = es.add_parser("list")
    add_common_options(ls)
    ls.add_argument("case")
    ls.set_defaults(handler=cmd_list)
    v = es.add_parser("verify", help="re-hash stored files (one case or all)")
    add_common_options(v)
    v.add_argument("case", nargs="?")
    v.set_defaults(handler=cmd_verify)


def cmd_add(args: argparse.Namespace, ctx: CliContext) -> int:
    ev = EvidenceService(ctx.store, ctx.actor).add(args.case, args.file, source=args.source,
                                                   description=args.description,
                                                   received_on=parse_date(args.received, "received"))
    ctx.emit(ev, f"{ev.original_name} attached to {ev.case_number}: sha256 {ev.sha256}, {ev.size} bytes")
    return 0


def cmd_list(args: argparse.Namespace, ctx: CliContext) -> int:
    rows = EvidenceService(ctx.store, ctx.actor).list(args.case)
    ctx.emit(rows, "\n".join(f"{e.id:>5} {e.original_name}  {e.size} B  {e.sha256[:16]}…  {e.source}" for e in rows)
             or "no evidence")
    return 0


def cmd_verify(args: argparse.Namespace, ctx: CliContext) -> int:
    problems = EvidenceService(ctx.store, ctx.actor).verify(args.case)
    ctx.emit({"ok": not problems, "problems": problems},
             "all evidence files intact" if not problems else
             "\n".join(f"{p.case_number} {p.original_name}: {p.problem}" for p in problems))
    return 0 if not problems else 1
