"""``qcy-workstation enterprise rights ...``: the settled enterprises' own rights and what falls due for them
(issue 17 item 3); ``enterprise record`` / ``enterprise report``: one enterprise's service record and its
annual service report (issue 17 item 4, ``portfolios/service_record.py``). Dates are computed from what was entered, under the articles in
``portfolios/data/right_terms.json``; nothing is checked with CNIPA."""

from __future__ import annotations

import argparse
from pathlib import Path

from qcy_workstation.cases.validation import parse_date
from qcy_workstation.cli.context import CliContext, add_common_options
from qcy_workstation.portfolios.dto import DEFAULT_DUE_DAYS, RIGHT_KINDS, DueItem, NewRight, RightView
from qcy_workstation.portfolios.service import PortfolioService
from qcy_workstation.portfolios.service_record import ServiceRecordService


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("enterprise", help="enterprises' own rights, their service record and annual report")
    add_common_options(p)
    es = p.add_subparsers(dest="enterprise_command", metavar="WHAT", required=True)
    r = es.add_parser("rights", help="an enterprise's trademarks, patents and GI authorisations")
    add_common_options(r)
    rs = r.add_subparsers(dest="rights_command", metavar="ACTION", required=True)

    a = rs.add_parser("add", help="enter one right of an enterprise already on file")
    add_common_options(a)
    a.add_argument("--enterprise", required=True, help="the enterprise's id or exact name")
    a.add_argument("--kind", required=True, choices=tuple(RIGHT_KINDS))
    a.add_argument("--number", required=True, help="registration / patent / authorisation number")
    a.add_argument("--title", default="", help="the mark, the patent's title, the GI")
    a.add_argument("--classes", default="", help="Nice classes for a trademark (1-45, e.g. 9,42)")
    a.add_argument("--filed", help="filing date YYYY-MM-DD (required for a patent)")
    a.add_argument("--registered", help="registration / grant date YYYY-MM-DD (required for a trademark)")
    a.add_argument("--expires", help="expiry as on the certificate, if known (default: computed)")
    a.add_argument("--note", default="")
    a.set_defaults(handler=cmd_add)

    ls = rs.add_parser("list", help="the rights on file, with their computed term ends")
    add_common_options(ls)
    ls.add_argument("--enterprise")
    ls.set_defaults(handler=cmd_list)

    d = rs.add_parser("due", help="what falls due for every enterprise (renewal windows, annual fees, term ends)")
    add_common_options(d)
    d.add_argument("--days", type=int, default=DEFAULT_DUE_DAYS)
    d.add_argument("--enterprise")
    d.add_argument("--today", help="count from this date instead of today (YYYY-MM-DD)")
    d.set_defaults(handler=cmd_due)

    lt = rs.add_parser("letter", help="write the reminder letter to one enterprise as PDF or DOCX")
    add_common_options(lt)
    lt.add_argument("--enterprise", required=True)
    lt.add_argument("--out", required=True, metavar="FILE.pdf|FILE.docx")
    lt.add_argument("--format", choices=("pdf", "docx"), help="default: from the file name")
    lt.add_argument("--lang", choices=("zh", "en"), default="zh")
    lt.add_argument("--days", type=int, default=DEFAULT_DUE_DAYS)
    lt.add_argument("--today", help="date of the letter, counted from (default today)")
    lt.set_defaults(handler=cmd_letter)

    rec = es.add_parser("record", help="everything the workstation did for one enterprise, in date order")
    add_common_options(rec)
    rec.add_argument("enterprise", metavar="NAME_OR_ID", help="the enterprise's id, USCC or name")
    rec.add_argument("--year", type=int, help="only this year")
    rec.set_defaults(handler=cmd_record)

    rep = es.add_parser("report", help="write the annual service report to one enterprise as PDF or DOCX")
    add_common_options(rep)
    rep.add_argument("enterprise", metavar="NAME_OR_ID", help="the enterprise's id, USCC or name")
    rep.add_argument("--year", type=int, required=True)
    rep.add_argument("--out", required=True, metavar="FILE.pdf|FILE.docx")
    rep.add_argument("--format", choices=("pdf", "docx"), help="default: from the file name")
    rep.add_argument("--lang", choices=("zh", "en"), default="zh")
    rep.add_argument("--today", help="date of the report (default today)")
    rep.set_defaults(handler=cmd_report)


def _right(r: RightView) -> str:
    term = f"term ends {r.term_ends}" + (" (computed)" if r.term_computed else "") if r.term_ends else "no term"
    renew = f"; renew {r.renewal_opens} .. {r.term_ends}, grace to {r.grace_ends}" if r.renewal_opens else ""
    cite = r.renewal_article_en or r.term_article_en
    return (f"{r.id:>4} {r.enterprise}  [{r.kind}] {r.number} {r.title}"
            + (f" cl.{r.classes}" if r.classes else "") + f"  {term}{renew}" + (f"  ({cite})" if cite else ""))


def _due(i: DueItem) -> str:
    year = f" (year {i.patent_year})" if i.patent_year else ""
    late = f", late until {i.grace_ends}" if i.grace_ends else ""
    return f"{i.date}  {i.enterprise}  {i.event}{year}  [{i.kind}] {i.number} {i.title}{late}  ({i.article_en})"


def cmd_add(args: argparse.Namespace, ctx: CliContext) -> int:
    r = PortfolioService(ctx.store, ctx.actor).add(NewRight(
        enterprise=args.enterprise, kind=args.kind, number=args.number, title=args.title, classes=args.classes,
        filed_on=parse_date(args.filed, "filed_on"), registered_on=parse_date(args.registered, "registered_on"),
        expires_on=parse_date(args.expires, "expires_on"), note=args.note))
    ctx.emit(r, f"right {r.id} entered\n{_right(r)}")
    return 0


def cmd_list(args: argparse.Namespace, ctx: CliContext) -> int:
    rows = PortfolioService(ctx.store, ctx.actor).list(args.enterprise)
    ctx.emit(rows, "\n".join(_right(r) for r in rows) or "no rights on file")
    return 0


def cmd_due(args: argparse.Namespace, ctx: CliContext) -> int:
    rows = PortfolioService(ctx.store, ctx.actor).due(args.days, today=parse_date(args.today, "today"),
                                                      enterprise=args.enterprise)
    text = "\n".join(_due(i) for i in rows) or f"nothing falls due in the next {args.days} days"
    ctx.emit(rows, text + "\n(computed from the dates on file; not checked with CNIPA)")
    return 0


def cmd_letter(args: argparse.Namespace, ctx: CliContext) -> int:
    fmt = args.format or Path(args.out).suffix.lstrip(".").lower()
    out = PortfolioService(ctx.store, ctx.actor).export_letter(args.enterprise, fmt, args.out, lang=args.lang,
                                                               days=args.days, today=parse_date(args.today, "today"))
    ctx.emit({"enterprise": args.enterprise, "out": str(out), "format": fmt, "lang": args.lang}, f"written {out}")
    return 0


def cmd_record(args: argparse.Namespace, ctx: CliContext) -> int:
    rec = ServiceRecordService(ctx.store, ctx.actor).record(args.enterprise, year=args.year)
    lines = [f"{rec.enterprise}" + (f" ({rec.uscc})" if rec.uscc else "") + (f", {rec.year}" if rec.year else "")]
    lines.append("  ".join(f"{k}: {n}" for k, n in rec.counts().items()))
    lines += [f"{e.on}  {e.kind:<12} {e.ref:<16} {e.title}  [{e.status}{'' if e.settled else ', pending'}]"
              for e in rec.entries]
    if rec.hidden_cases:
        lines.append(f"{rec.hidden_cases} confidential case(s) you may not see are counted, not shown")
    lines.append(f"rights falling due {rec.due_from} .. {rec.due_to} (computed, not checked with CNIPA):")
    lines += ["  " + _due(i) for i in rec.due] or ["  none"]
    ctx.emit({"enterprise_id": rec.enterprise_id, "enterprise": rec.enterprise, "uscc": rec.uscc, "year": rec.year,
              "counts": rec.counts(), "hidden_cases": rec.hidden_cases, "entries": rec.entries,
              "rights": rec.rights, "due": rec.due, "due_from": rec.due_from, "due_to": rec.due_to},
             "\n".join(lines))
    return 0


def cmd_report(args: argparse.Namespace, ctx: CliContext) -> int:
    out = ServiceRecordService(ctx.store, ctx.actor).export_report(
        args.enterprise, args.year, args.out, fmt=args.format, lang=args.lang, today=parse_date(args.today, "today"))
    ctx.emit({"enterprise": args.enterprise, "year": args.year, "out": out, "lang": args.lang}, f"written {out}")
    return 0
