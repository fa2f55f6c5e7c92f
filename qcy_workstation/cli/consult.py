"""``qcy-workstation consult ...``: the consultation log."""

from __future__ import annotations

import argparse
from datetime import datetime

from qcy_workstation.cases.consultations import ConsultationService
from qcy_workstation.cases.dto import ConsultationFilter, NewCase, NewConsultation, PartyInput
from qcy_workstation.cases.validation import CHANNELS, IP_TYPES, parse_date
from qcy_workstation.cli.context import CliContext, add_common_options
from qcy_workstation.errors import ValidationError


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("consult", help="consultation log")
    add_common_options(p)
    cs = p.add_subparsers(dest="consult_command", metavar="ACTION", required=True)

    a = cs.add_parser("add", help="log a consultation")
    add_common_options(a)
    a.add_argument("--channel", required=True, choices=CHANNELS)
    a.add_argument("--enquirer", required=True)
    a.add_argument("--topic", required=True)
    a.add_argument("--summary", required=True)
    a.add_argument("--advice", default="")
    a.add_argument("--organisation", default="")
    a.add_argument("--phone", default="")
    a.add_argument("--ip-type", default="")
    a.add_argument("--at", help="when, 'YYYY-MM-DD HH:MM' (default now)")
    a.add_argument("--follow-up", help="follow-up date YYYY-MM-DD")
    a.add_argument("--case", help="link to a case number")
    a.set_defaults(handler=cmd_add)

    ls = cs.add_parser("list", help="consultations, newest first")
    add_common_options(ls)
    ls.add_argument("--channel", choices=CHANNELS)
    ls.add_argument("--ip-type", choices=IP_TYPES)
    ls.add_argument("--search", help="text to find")
    ls.add_argument("--case")
    ls.add_argument("--unlinked", action="store_true")
    ls.add_argument("--from", dest="date_from")
    ls.add_argument("--to", dest="date_to")
    ls.add_argument("--limit", type=int)
    ls.add_argument("--xlsx", metavar="FILE.xlsx", help="write every matching consultation to an Excel workbook "
                    "(phones masked for roles that may not see them in full)")
    ls.add_argument("--lang", choices=("zh", "en"), default="zh", help="language of the workbook's headings")
    ls.set_defaults(handler=cmd_list)

    an = cs.add_parser("anonymise", help="anonymise consultations past consultation_retention_months that never "
                                         "became cases (administrators)")
    add_common_options(an)
    an.add_argument("--dry-run", action="store_true", help="only count them; change nothing")
    an.add_argument("--today", help=argparse.SUPPRESS)  # tests: the day the retention counts back from
    an.set_defaults(handler=cmd_anonymise)

    cv = cs.add_parser("to-case", help="turn a consultation into a case")
    add_common_options(cv)
    cv.add_argument("id", type=int)
    cv.add_argument("--type", required=True, choices=IP_TYPES)
    cv.add_argument("--title", required=True)
    cv.add_argument("--applicant", help="default: the consultation's organisation")
    cv.add_argument("--applicant-uscc")
    cv.add_argument("--opponent")
    cv.set_defaults(handler=cmd_to_case)


def _parse_at(value: str | None) -> datetime | None:
    if not value:
        return None
    for fmt in ("%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d"):
        try:
            return datetime.strptime(value.strip(), fmt)
        except ValueError:
            continue
    raise ValidationError("expected 'YYYY-MM-DD HH:MM'", field="at", value=value)


def cmd_add(args: argparse.Namespace, ctx: CliContext) -> int:
    row = ConsultationService(ctx.store, ctx.actor).add(NewConsultation(
        channel=args.channel, enquirer=args.enquirer, topic=args.topic, summary=args.summary, advice=args.advice,
        organisation=args.organisation, phone=args.phone, ip_type=args.ip_type, staff=ctx.actor.name,
        at=_parse_at(args.at), follow_up_on=parse_date(args.follow_up, "follow_up"), case_number=args.case))
    ctx.emit(row, f"consultation {row.id} logged" + (f" on case {row.case_number}" if row.case_number else ""))
    return 0


def cmd_list(args: argparse.Namespace, ctx: CliContext) -> int:
    f = ConsultationFilter(channel=args.channel, ip_type=args.ip_type, text=args.search, case_number=args.case,
                           unlinked_only=args.unlinked, date_from=parse_date(args.date_from, "from"),
                           date_to=parse_date(args.date_to, "to"))
    if args.xlsx:
        from qcy_workstation.cases.export import export_consultation_list_xlsx

        out = export_consultation_list_xlsx(ctx.store, f, args.xlsx, actor=ctx.actor, lang=args.lang)
        ctx.emit({"xlsx": str(out)}, f"written {out}")
        return 0
    rows = ConsultationService(ctx.store, ctx.actor).list(f, limit=args.limit)
    ctx.emit(rows, "\n".join(f"{r.id:>7} {r.at:%Y-%m-%d %H:%M} {r.channel:<8} {r.enquirer} ({r.organisation}): "
                             f"{r.topic}" + (f" -> {r.case_number}" if r.case_number else "") for r in rows)
             or "no consultations")
    return 0


def cmd_to_case(args: argparse.Namespace, ctx: CliContext) -> int:
    svc = ConsultationService(ctx.store, ctx.actor)
    c = svc.get(args.id)
    applicant = args.applicant or c.organisation or c.enquirer
    detail = svc.convert_to_case(args.id, NewCase(
        title=args.title, ip_type=args.type, applicant=PartyInput(applicant, args.applicant_uscc),
        opponent=PartyInput(args.opponent) if args.opponent else None,
        facts=f"{c.topic}。{c.summary}", staff=ctx.actor.name))
    ctx.emit({"number": detail.number, "consultation": args.id, "status": detail.status, "type": detail.type},
             f"consultation {args.id} is now case {detail.number}")
    return 0


def cmd_anonymise(args: argparse.Namespace, ctx: CliContext) -> int:
    result = ConsultationService(ctx.store, ctx.actor).anonymise_expired(parse_date(args.today, "today"),
                                                                        dry_run=args.dry_run)
    if not result.retention_months:
        text = "consultation_retention_months is 0: consultations are kept, nothing anonymised"
    else:
        verb = "would be anonymised (dry run)" if result.dry_run else "anonymised"
        text = (f"{result.count} consultation(s) before {result.cutoff} that never became cases {verb} "
                f"(retention {result.retention_months} months)")
    ctx.emit(result, text)
    return 0
