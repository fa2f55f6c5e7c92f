"""``qcy-workstation documents``: the register of documents (draft, review, issue, reprint, list)."""

from __future__ import annotations

import argparse
from datetime import date

from qcy_workstation.cli.context import CliContext, add_common_options
from qcy_workstation.documents import DOCUMENT_KINDS, FORMATS, GUIDANCE_TOPICS
from qcy_workstation.errors import ValidationError


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("documents", help="document register: draft -> review -> issue, reprint, list")
    add_common_options(p)
    sub = p.add_subparsers(dest="documents_command", metavar="ACTION", required=True)

    ls = sub.add_parser("list", help="documents in the register")
    ls.add_argument("--case", metavar="NUMBER")
    ls.add_argument("--status", choices=["drafted", "reviewed", "issued"])
    add_common_options(ls)
    ls.set_defaults(handler=cmd_list)

    dr = sub.add_parser("draft", help="start a document (gets its number)")
    dr.add_argument("--case", metavar="NUMBER")
    dr.add_argument("--doc", required=True, choices=DOCUMENT_KINDS)
    dr.add_argument("--lang", choices=["zh", "en"], default="zh")
    dr.add_argument("--topic", choices=GUIDANCE_TOPICS)
    dr.add_argument("--advice", action="append", metavar="TEXT", help="an advice paragraph (repeatable)")
    dr.add_argument("--reason", action="append", metavar="TEXT", help="a non-acceptance reason (repeatable)")
    add_common_options(dr)
    dr.set_defaults(handler=cmd_draft)

    for name, helptext, handler in (("review", "drafted -> reviewed (not by the drafter)", cmd_review),
                                    ("issue", "reviewed -> issued: freeze PDF and DOCX (not by the drafter)", cmd_issue)):
        sp = sub.add_parser(name, help=helptext)
        sp.add_argument("ref", metavar="NUMBER_OR_ID")
        if name == "issue":
            sp.add_argument("--date", metavar="YYYY-MM-DD", help="date printed on the document (default today)")
        add_common_options(sp)
        sp.set_defaults(handler=handler)

    rp = sub.add_parser("reprint", help="the issued bytes again, checked against their SHA-256")
    rp.add_argument("ref", metavar="NUMBER_OR_ID")
    rp.add_argument("--format", choices=FORMATS, default="pdf")
    rp.add_argument("--version", type=int)
    rp.add_argument("--out", metavar="FILE", required=True)
    add_common_options(rp)
    rp.set_defaults(handler=cmd_reprint)

    pv = sub.add_parser("preview", help="render a draft (marked as a draft)")
    pv.add_argument("ref", metavar="NUMBER_OR_ID")
    pv.add_argument("--format", choices=FORMATS, default="pdf")
    pv.add_argument("--out", metavar="FILE", required=True)
    add_common_options(pv)
    pv.set_defaults(handler=cmd_preview)


def _service(ctx: CliContext):  # noqa: ANN202
    from qcy_workstation.documents.service import DocumentService

    return DocumentService(ctx.store, ctx.actor)


def _line(v) -> str:  # noqa: ANN001
    who = f"drafted {v.drafted_by}" + (f", reviewed {v.reviewed_by}" if v.reviewed_by else "") + (
        f", issued {v.issued_by}" if v.issued_by else "")
    return f"{v.id:>4}  {v.number} v{v.version}  {v.status:<8} {v.kind} ({v.lang})  {v.case_number or '-'}  {who}"


def cmd_list(args: argparse.Namespace, ctx: CliContext) -> int:
    views = _service(ctx).list(case_number=args.case, status=args.status)
    ctx.emit(views, "\n".join(_line(v) for v in views) or "no documents")
    return 0


def cmd_draft(args: argparse.Namespace, ctx: CliContext) -> int:
    if args.doc != "guidance" and not args.case:
        raise ValidationError("give --case NUMBER", field="case")
    options = {}
    if args.advice:
        options["advice"] = args.advice
    if args.reason:
        options["reasons"] = args.reason
    view = _service(ctx).draft(args.doc, args.case, lang=args.lang, topic=args.topic, options=options)
    ctx.emit(view, _line(view))
    return 0


def cmd_review(args: argparse.Namespace, ctx: CliContext) -> int:
    view = _service(ctx).review(args.ref)
    ctx.emit(view, _line(view))
    return 0


def cmd_issue(args: argparse.Namespace, ctx: CliContext) -> int:
    day = None
    if args.date:
        try:
            day = date.fromisoformat(args.date)
        except ValueError:
            raise ValidationError("expected YYYY-MM-DD", field="date", value=args.date) from None
    view = _service(ctx).issue(args.ref, issue_date=day)
    ctx.emit(view, _line(view) + "".join(f"\n  {f}: sha256 {h}" for f, h in view.files.items()))
    return 0


def cmd_reprint(args: argparse.Namespace, ctx: CliContext) -> int:
    data = _service(ctx).reprint(args.ref, args.format, version=args.version, out=args.out)
    ctx.emit({"file": args.out, "bytes": len(data)}, f"{args.out} ({len(data)} bytes)")
    return 0


def cmd_preview(args: argparse.Namespace, ctx: CliContext) -> int:
    data = _service(ctx).export_draft(args.ref, args.format, out=args.out)
    ctx.emit({"file": args.out, "bytes": len(data)}, f"{args.out} ({len(data)} bytes)")
    return 0
