"""``qcy-workstation referral ...`` and ``qcy-workstation body ...``: referrals to partner bodies (issue 17)."""

from __future__ import annotations

import argparse
from pathlib import Path

from qcy_workstation.cases.validation import IP_TYPES, parse_date
from qcy_workstation.cli.context import CliContext, add_common_options
from qcy_workstation.referrals.dto import BODY_KINDS, OUTCOMES, NewBody, NewReferral, ReferralView
from qcy_workstation.referrals.service import ReferralService


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("referral", help="refer cases and consultations to partner bodies and follow them up")
    add_common_options(p)
    rs = p.add_subparsers(dest="referral_command", metavar="ACTION", required=True)

    a = rs.add_parser("add", help="refer a case (--case) or a consultation (--consultation) to a body")
    add_common_options(a)
    a.add_argument("--body", required=True, help="the body's id or exact name (see `body list`)")
    a.add_argument("--case", help="case number")
    a.add_argument("--consultation", type=int, help="consultation id")
    a.add_argument("--on", help="date of the referral YYYY-MM-DD (default today)")
    a.add_argument("--request", default="", help="what the body is asked to do")
    a.add_argument("--matter", choices=IP_TYPES, help="kind of matter (default: the case's or consultation's)")
    a.add_argument("--reference", default="", help="the body's reference number, if already known")
    a.add_argument("--follow-up-days", type=int, help="working days to the first follow-up (default 10)")
    a.add_argument("--follow-up", help="the first follow-up on this date instead")
    a.set_defaults(handler=cmd_add)

    ls = rs.add_parser("list", help="referrals, newest first")
    add_common_options(ls)
    ls.add_argument("--case")
    ls.add_argument("--consultation", type=int)
    ls.add_argument("--body")
    ls.add_argument("--open", action="store_true", help="only those without a final outcome")
    ls.add_argument("--due", action="store_true", help="follow-ups overdue or due soon (as on Today)")
    ls.set_defaults(handler=cmd_list)

    sh = rs.add_parser("show", help="one referral with its documents received back")
    add_common_options(sh)
    sh.add_argument("number")
    sh.set_defaults(handler=cmd_show)

    o = rs.add_parser("outcome", help="record the body's answer: " + ", ".join(OUTCOMES))
    add_common_options(o)
    o.add_argument("number")
    o.add_argument("outcome", choices=tuple(OUTCOMES))
    o.add_argument("--on", help="date of the outcome YYYY-MM-DD (default today)")
    o.add_argument("--note", default="")
    o.add_argument("--reference", default="", help="the body's reference number")
    o.set_defaults(handler=cmd_outcome)

    r = rs.add_parser("reference", help="record the body's reference number")
    add_common_options(r)
    r.add_argument("number")
    r.add_argument("reference")
    r.set_defaults(handler=cmd_reference)

    f = rs.add_parser("follow-up", help="set the next follow-up (working days from today, or a date)")
    add_common_options(f)
    f.add_argument("number")
    f.add_argument("--days", type=int)
    f.add_argument("--on")
    f.set_defaults(handler=cmd_follow_up)

    d = rs.add_parser("document", help="record a document the body sent back (a file goes to the case's evidence)")
    add_common_options(d)
    d.add_argument("number")
    d.add_argument("--title", required=True)
    d.add_argument("--file")
    d.add_argument("--received", help="YYYY-MM-DD (default today)")
    d.set_defaults(handler=cmd_document)

    lt = rs.add_parser("letter", help="write the referral letter as PDF or DOCX")
    add_common_options(lt)
    lt.add_argument("number")
    lt.add_argument("--out", required=True, metavar="FILE.pdf|FILE.docx")
    lt.add_argument("--format", choices=("pdf", "docx"), help="default: from the file name")
    lt.add_argument("--lang", choices=("zh", "en"), default="zh")
    lt.add_argument("--date", help="date printed on the letter (default: the referral's date)")
    lt.set_defaults(handler=cmd_letter)

    st = rs.add_parser("stats", help="referrals by body, kind of matter and outcome; median working days")
    add_common_options(st)
    st.add_argument("--from", dest="date_from")
    st.add_argument("--to", dest="date_to")
    st.add_argument("--lang", choices=("zh", "en"), default="zh", help="language of the tables' headings")
    st.set_defaults(handler=cmd_stats)

    b = sub.add_parser("body", help="the directory of partner bodies")
    add_common_options(b)
    bs = b.add_subparsers(dest="body_command", metavar="ACTION", required=True)
    ba = bs.add_parser("add", help="add a body, or --starter: the shipped Shaanxi/Xi'an starter directory")
    add_common_options(ba)
    ba.add_argument("--starter", action="store_true")
    ba.add_argument("--name")
    ba.add_argument("--kind", choices=tuple(BODY_KINDS))
    ba.add_argument("--jurisdiction", default="")
    ba.add_argument("--matters", default="", help="comma-separated: " + ",".join(IP_TYPES))
    ba.add_argument("--contact", default="")
    ba.add_argument("--note", default="", help="where the entry comes from, what to verify")
    ba.set_defaults(handler=cmd_body_add)
    bl = bs.add_parser("list", help="bodies by kind")
    add_common_options(bl)
    bl.add_argument("--kind", choices=tuple(BODY_KINDS))
    bl.add_argument("--matter", choices=IP_TYPES)
    bl.set_defaults(handler=cmd_body_list)


def _line(r: ReferralView) -> str:
    what = r.case_number or f"consultation {r.consultation_id}"
    state = r.outcome or "open"
    follow = f" follow-up {r.follow_up_on}" + (" (estimate)" if r.follow_up_estimated else "") if r.follow_up_on else ""
    return f"{r.number}  {r.referred_on}  {what} -> {r.body_name}  [{state}]{follow}"


def _details(r: ReferralView) -> str:
    lines = [_line(r), f"  subject: {r.subject} ({r.applicant})", f"  matter: {r.matter or '-'}"]
    if not r.matter_taken:
        lines.append(f"  note: the directory does not list {r.matter} among the matters {r.body_name} takes")
    if r.request:
        lines.append(f"  request: {r.request}")
    if r.body_reference:
        lines.append(f"  body's reference: {r.body_reference}")
    if r.accepted_on:
        lines.append(f"  accepted on {r.accepted_on}")
    if r.outcome_on:
        lines.append(f"  outcome {r.outcome} on {r.outcome_on}" + (f": {r.outcome_note}" if r.outcome_note else ""))
    lines += [f"  document received {d.received_on}: {d.title}" + (f" (evidence {d.evidence_id})" if d.evidence_id
                                                                    else "") for d in r.documents]
    return "\n".join(lines)


def cmd_add(args: argparse.Namespace, ctx: CliContext) -> int:
    r = ReferralService(ctx.store, ctx.actor).add(NewReferral(
        body=args.body, case_number=args.case, consultation_id=args.consultation,
        referred_on=parse_date(args.on, "on"), request=args.request, matter=args.matter or "",
        body_reference=args.reference, follow_up_days=args.follow_up_days,
        follow_up_on=parse_date(args.follow_up, "follow_up")))
    ctx.emit(r, f"referral {r.number} made\n{_details(r)}")
    return 0


def cmd_list(args: argparse.Namespace, ctx: CliContext) -> int:
    svc = ReferralService(ctx.store, ctx.actor)
    if args.due:
        rows = svc.follow_ups_due()
    else:
        rows = svc.list(case_number=args.case, consultation_id=args.consultation, body=args.body,
                        open_only=args.open)
    ctx.emit(rows, "\n".join(_line(r) for r in rows) or "no referrals")
    return 0


def cmd_show(args: argparse.Namespace, ctx: CliContext) -> int:
    r = ReferralService(ctx.store, ctx.actor).get(args.number)
    ctx.emit(r, _details(r))
    return 0


def cmd_outcome(args: argparse.Namespace, ctx: CliContext) -> int:
    r = ReferralService(ctx.store, ctx.actor).record_outcome(args.number, args.outcome, on=parse_date(args.on, "on"),
                                                             note=args.note, body_reference=args.reference)
    ctx.emit(r, _details(r))
    return 0


def cmd_reference(args: argparse.Namespace, ctx: CliContext) -> int:
    r = ReferralService(ctx.store, ctx.actor).set_reference(args.number, args.reference)
    ctx.emit(r, _details(r))
    return 0


def cmd_follow_up(args: argparse.Namespace, ctx: CliContext) -> int:
    r = ReferralService(ctx.store, ctx.actor).follow_up(args.number, days=args.days, on=parse_date(args.on, "on"))
    ctx.emit(r, _details(r))
    return 0


def cmd_document(args: argparse.Namespace, ctx: CliContext) -> int:
    r = ReferralService(ctx.store, ctx.actor).add_document(args.number, args.title,
                                                           received_on=parse_date(args.received, "received"),
                                                           path=args.file)
    ctx.emit(r, _details(r))
    return 0


def cmd_letter(args: argparse.Namespace, ctx: CliContext) -> int:
    fmt = args.format or Path(args.out).suffix.lstrip(".").lower()
    out = ReferralService(ctx.store, ctx.actor).export_letter(args.number, fmt, args.out, lang=args.lang,
                                                              issue_date=parse_date(args.date, "date"))
    ctx.emit({"referral": args.number, "out": str(out), "format": fmt, "lang": args.lang}, f"written {out}")
    return 0


def cmd_stats(args: argparse.Namespace, ctx: CliContext) -> int:
    figures = ReferralService(ctx.store, ctx.actor).figures(date_from=parse_date(args.date_from, "from"),
                                                            date_to=parse_date(args.date_to, "to"))
    text = [f"{figures.total} referrals"]
    for table in figures.tables(args.lang):
        text.append(f"\n{table.title_zh if args.lang == 'zh' else table.title_en}")
        text += ["  " + "  ".join(table.cell_text(i, v) for i, v in enumerate(row)) for row in table.rows]
    ctx.emit(figures, "\n".join(text))
    return 0


def cmd_body_add(args: argparse.Namespace, ctx: CliContext) -> int:
    svc = ReferralService(ctx.store, ctx.actor)
    if args.starter:
        added = svc.load_starter_directory()
        ctx.emit(added, f"{len(added)} bodies added from the starter directory (contacts are left empty: fill "
                        "them from each body's official website)")
        return 0
    body = svc.add_body(NewBody(name=args.name or "", kind=args.kind or "", jurisdiction=args.jurisdiction,
                                matters=tuple(m for m in args.matters.split(",") if m.strip()),
                                contact=args.contact, source_note=args.note))
    ctx.emit(body, f"body {body.id} added: {body.name}")
    return 0


def cmd_body_list(args: argparse.Namespace, ctx: CliContext) -> int:
    rows = ReferralService(ctx.store, ctx.actor).list_bodies(kind=args.kind, matter=args.matter)
    ctx.emit(rows, "\n".join(f"{b.id:>4} {b.name}  [{b.kind}] {b.jurisdiction}  takes: {','.join(b.matters) or '-'}"
                             f"  referrals: {b.referrals}" + ("" if b.contact else "  (contact not filled)")
                             for b in rows) or "no bodies (add the starter directory: body add --starter)")
    return 0
