"""``qcy-workstation export``: documents of one case, of many cases, or guidance, as PDF or DOCX.

An issued document is reprinted byte for byte; otherwise the document is rendered from the current case
data. Every export is an audit event.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from qcy_workstation.cli.context import CliContext, add_common_options
from qcy_workstation.documents import DOCUMENT_KINDS, FORMATS, GUIDANCE_TOPICS
from qcy_workstation.errors import ValidationError


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "export", help="export a case document (advice letter, reference opinion, notices, guidance) as PDF/DOCX",
        description="One case: --case N --out FILE. Many cases: --cases N1,N2 or --all-status S with --out-dir DIR "
        "(files named <case>_<doc>.<lang>.<format>). Guidance without a case: --doc guidance --topic T.")
    p.add_argument("--case", metavar="NUMBER")
    p.add_argument("--cases", metavar="N1,N2,...")
    p.add_argument("--all-status", metavar="STATUS", help="every case in this status")
    p.add_argument("--doc", required=True, choices=DOCUMENT_KINDS)
    p.add_argument("--format", choices=FORMATS, help="default: from --out's suffix, else pdf")
    p.add_argument("--out", metavar="FILE")
    p.add_argument("--out-dir", metavar="DIR")
    p.add_argument("--topic", choices=GUIDANCE_TOPICS, help="guidance topic")
    p.add_argument("--lang", choices=["zh", "en"], default="zh")
    add_common_options(p)
    p.set_defaults(handler=handle)


def handle(args: argparse.Namespace, ctx: CliContext) -> int:
    from qcy_workstation.documents.service import DocumentService

    fmt = args.format or (Path(args.out).suffix.lstrip(".").lower() if args.out else "") or "pdf"
    if fmt not in FORMATS:
        raise ValidationError("format must be pdf or docx", field="format", value=fmt)
    if args.doc == "guidance" and not args.topic:
        raise ValidationError("guidance needs --topic: " + ", ".join(GUIDANCE_TOPICS), field="topic")
    service = DocumentService(ctx.store, ctx.actor)
    batch = args.cases or args.all_status
    if batch:
        if not args.out_dir:
            raise ValidationError("a batch export needs --out-dir", field="out_dir")
        numbers = _batch_numbers(args, ctx)
        written = []
        for number in numbers:
            out = Path(args.out_dir) / f"{number}_{args.doc}.{args.lang}.{fmt}"
            data = service.export(args.doc, number, fmt, lang=args.lang, topic=args.topic, out=out)
            written.append({"case": number, "file": str(out), "bytes": len(data)})
        ctx.emit({"exported": written}, "\n".join(f"{w['case']}: {w['file']}" for w in written)
                 or "no cases matched")
        return 0
    if not args.out:
        raise ValidationError("give --out FILE (or --out-dir with --cases / --all-status)", field="out")
    if not args.case and args.doc != "guidance":
        raise ValidationError("give --case NUMBER", field="case")
    data = service.export(args.doc, args.case, fmt, lang=args.lang, topic=args.topic, out=args.out)
    ctx.emit({"case": args.case, "doc": args.doc, "format": fmt, "file": args.out, "bytes": len(data)},
             f"{args.out} ({len(data)} bytes)")
    return 0


def _batch_numbers(args: argparse.Namespace, ctx: CliContext) -> list[str]:
    if args.cases:
        return [n.strip() for n in args.cases.split(",") if n.strip()]
    from qcy_workstation.cases.dto import CaseFilter
    from qcy_workstation.cases.services import CaseService

    rows = CaseService(ctx.store, actor=ctx.actor).list(CaseFilter(status=args.all_status))
    return [r.number for r in rows]
