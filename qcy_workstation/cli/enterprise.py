"""``qcy-workstation enterprise rights ...``: the settled enterprises' own rights and what falls due for them
(issue 17 item 3); ``enterprise record`` / ``enterprise report``: one enterprise's service record and its
annual service report (issue 17 item 4, ``portfolios/service_record.py``). Dates are computed from what was entered, under the articles in
``portfolios/data/right_terms.json``; nothing is checked with CNIPA."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from qcy_workstation.cases.validation import parse_date
from qcy_workstation.cli.context import CliContext, add_common_options
from qcy_workstation.portfolios.dto import DEFAULT_DUE_DAYS, RIGHT_KINDS, DueItem, NewRight, RightView
from qcy_workstation.portfolios.service import PortfolioService
from qcy_workstation.portfolios.service_record import ServiceRecordService


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("enterprise", help="enterprises' own rights (renewals, annual fees, term ends, watch), their service record and annual report")
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

    im = rs.add_parser("import", help="an enterprise's rights from a register file or the register on file")
    add_common_options(im)
    im.add_argument("enterprise", metavar="ENTERPRISE", help="the enterprise's id or exact name")
    src = im.add_mutually_exclusive_group(required=True)
    src.add_argument("--register", action="store_true", help="from the register staff imported (holder matched)")
    src.add_argument("--file", help="from a register file (CSV/XLSX with holder and date columns)")
    im.add_argument("--dry-run", action="store_true", help="show what would be added, add nothing")
    im.set_defaults(handler=cmd_import)

    rn = rs.add_parser("renew", help="record a trademark renewal (Trademark Law Art. 40)")
    add_common_options(rn)
    rn.add_argument("right", type=int, metavar="RIGHT_ID")
    rn.add_argument("--filed", required=True, help="date the renewal was filed (YYYY-MM-DD)")
    rn.add_argument("--note", default="")
    rn.set_defaults(handler=cmd_renew)

    an = rs.add_parser("annuity", help="record a patent's annual fee paid for patent year N")
    add_common_options(an)
    an.add_argument("right", type=int, metavar="RIGHT_ID")
    an.add_argument("--year", type=int, required=True, help="the patent year paid for (1 = the filing year)")
    an.add_argument("--paid", required=True, help="date paid (YYYY-MM-DD)")
    an.add_argument("--note", default="")
    an.set_defaults(handler=cmd_annuity)

    ev = rs.add_parser("events", help="the renewals and annual fees recorded for one right")
    add_common_options(ev)
    ev.add_argument("right", type=int, metavar="RIGHT_ID")
    ev.set_defaults(handler=cmd_events)

    w = es.add_parser("watch", help="screen newly imported register rights against every enterprise's own")
    add_common_options(w)
    w.add_argument("--since", help="register rows imported from this date (YYYY-MM-DD; default: the last 7 days)")
    w.add_argument("--batch", help="one register import's batch id")
    w.set_defaults(handler=cmd_watch)

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


def cmd_import(args: argparse.Namespace, ctx: CliContext) -> int:
    plan = PortfolioService(ctx.store, ctx.actor).import_rights(args.enterprise, file=args.file,
                                                                from_register=args.register, apply=not args.dry_run)
    verb = "added" if plan.added else "would add"
    lines = [f"{plan.enterprise} from {plan.source}: {verb} {len(plan.to_add)}, already in the portfolio "
             f"{len(plan.already)}, bad lines {len(plan.bad)}"
             + (f", rows of other holders {plan.other_holders}" if plan.other_holders else "")]
    for r in plan.to_add:
        dates = f"filed {r.filed_on}" if r.filed_on else ""
        dates += (", " if dates else "") + f"registered {r.registered_on}" if r.registered_on else ""
        dates += f", expires {r.expires_on}" if r.expires_on else ""
        lines.append(f"  + [{r.kind}] {r.number} {r.title}" + (f" cl.{r.classes}" if r.classes else "") + f"  {dates}")
    lines += [f"  = {n} (already on file)" for n in plan.already]
    lines += [f"  ! {b.line}: {b.field}: {b.reason}" for b in plan.bad]
    ctx.emit(plan.to_dict(), "\n".join(lines))
    return 0


def cmd_renew(args: argparse.Namespace, ctx: CliContext) -> int:
    r = PortfolioService(ctx.store, ctx.actor).record_renewal(args.right, parse_date(args.filed, "filed_on"),
                                                              note=args.note)
    ctx.emit(r, f"renewal recorded; new term to {r.term_ends}\n{_right(r)}")
    return 0


def cmd_annuity(args: argparse.Namespace, ctx: CliContext) -> int:
    r = PortfolioService(ctx.store, ctx.actor).record_annuity(args.right, args.year, parse_date(args.paid, "paid_on"),
                                                              note=args.note)
    ctx.emit(r, f"annual fee for year {args.year} recorded (paid through year {r.paid_year})\n{_right(r)}")
    return 0


def cmd_events(args: argparse.Namespace, ctx: CliContext) -> int:
    rows = PortfolioService(ctx.store, ctx.actor).events(args.right)
    text = "\n".join(f"{e.on}  {e.kind}" + (f" year {e.patent_year}" if e.patent_year else "")
                     + (f" term {e.term_from}..{e.term_to}" if e.term_from else "") + f"  ({e.article})"
                     for e in rows)
    ctx.emit(rows, text or "nothing recorded")
    return 0


def watch_lines(report: object) -> list[str]:
    """Text of a watch report (also printed after ``register import``)."""
    r: Any = report
    lines = [f"watch: {r.new_marks} new marks and {r.new_patents} new patents against {r.own_marks} marks and "
             f"{r.own_patents} patents with claims of {r.enterprises} enterprises in {r.seconds:.1f}s: "
             f"{len(r.hits)} hits, {r.stored} new early-warning risks"]
    for h in r.hits:
        flag = " [needs review]" if h.needs_review else ""
        lines.append(f"  {h.severity:<6} {h.enterprise}  {h.own_number} {h.own_title} <- {h.new_number} {h.new_title} "
                     f"({h.new_owner}) score {h.score}{flag}")
        if h.needs_review:
            lines += [f"         review: {t}" for t in h.review_en]
    lines.append("(reference analysis, not a legal determination)")
    return lines


def cmd_watch(args: argparse.Namespace, ctx: CliContext) -> int:
    report = PortfolioService(ctx.store, ctx.actor).watch(since=parse_date(args.since, "since"), batch=args.batch)
    ctx.emit(report.to_dict(), "\n".join(watch_lines(report)))
    return 0
