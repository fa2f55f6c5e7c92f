"""``qcy-workstation cases ...``: intake, listing, search, workflow, conflict check, deadlines."""

from __future__ import annotations

import argparse

from qcy_workstation.cases.dto import CaseFilter, NewCase, PartyInput, RightInput
from qcy_workstation.cases.services import SORT_COLUMNS, CaseService
from qcy_workstation.cases.validation import ASSISTANCE, IP_TYPES, parse_date
from qcy_workstation.cases.workflow import STATUSES
from qcy_workstation.cli.context import CliContext, add_common_options


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("cases", help="assistance cases")
    add_common_options(p)
    cs = p.add_subparsers(dest="cases_command", metavar="ACTION", required=True)

    a = cs.add_parser("add", help="open a case (intake)")
    add_common_options(a)
    a.add_argument("--type", required=True, choices=IP_TYPES)
    a.add_argument("--title", required=True)
    a.add_argument("--applicant", required=True, help="applicant name")
    a.add_argument("--applicant-uscc", help="applicant's Unified Social Credit Code")
    a.add_argument("--opponent", help="opposing party name")
    a.add_argument("--opponent-uscc")
    a.add_argument("--facts", default="")
    a.add_argument("--assistance", default="", help=f"comma-separated: {','.join(ASSISTANCE)}")
    a.add_argument("--assign", dest="assign", default="", help="staff member in charge (default: --staff)")
    a.add_argument("--priority", default="normal")
    a.add_argument("--confidential", action="store_true")
    a.add_argument("--received", help="date received, YYYY-MM-DD (default today)")
    a.add_argument("--patent-number", help="patent or application number (patent cases)")
    a.add_argument("--mark", help="registered mark text (trademark cases)")
    a.add_argument("--trademark-number")
    a.add_argument("--classes", help="Nice classes, e.g. 25,35")
    a.add_argument("--groups", help="similar groups, e.g. 2501")
    a.add_argument("--gi", help="GI product name (gi cases)")
    a.add_argument("--secret", help="what the trade secret is (trade-secret cases)")
    a.add_argument("--allow-conflict", action="store_true", help="save even when the conflict check finds a conflict")
    a.set_defaults(handler=cmd_add)

    ls = cs.add_parser("list", help="list cases, newest first")
    add_common_options(ls)
    _filters(ls)
    ls.add_argument("--limit", type=int)
    ls.add_argument("--offset", type=int, default=0)
    ls.add_argument("--sort", choices=SORT_COLUMNS, default="received_on")
    ls.add_argument("--asc", action="store_true")
    ls.add_argument("--xlsx", metavar="FILE.xlsx", help="write every matching case to an Excel workbook")
    ls.add_argument("--lang", choices=("zh", "en"), default="zh", help="language of the workbook's labels")
    ls.set_defaults(handler=cmd_list)

    se = cs.add_parser("search", help="search number, title, facts, parties, rights, consultations")
    add_common_options(se)
    se.add_argument("text")
    _filters(se)
    se.add_argument("--limit", type=int)
    se.set_defaults(handler=cmd_search)

    sh = cs.add_parser("show", help="one case in full")
    add_common_options(sh)
    sh.add_argument("number")
    sh.set_defaults(handler=cmd_show)

    tr = cs.add_parser("transition", help=f"change status: {', '.join(STATUSES)}")
    add_common_options(tr)
    tr.add_argument("number")
    tr.add_argument("status")
    tr.add_argument("--reason")
    tr.add_argument("--on", help="date of the step (default today)")
    tr.set_defaults(handler=cmd_transition)

    cc = cs.add_parser("conflicts", help="conflict check for a prospective applicant/opponent")
    add_common_options(cc)
    cc.add_argument("--applicant", required=True)
    cc.add_argument("--opponent")
    cc.set_defaults(handler=cmd_conflicts)

    dl = cs.add_parser("deadlines", help="overdue and due-soon cases")
    add_common_options(dl)
    dl.set_defaults(handler=cmd_deadlines)

    tl = cs.add_parser("timeline", help="audit events of a case")
    add_common_options(tl)
    tl.add_argument("number")
    tl.set_defaults(handler=cmd_timeline)

    ga = cs.add_parser("grant-access", help="let an account see a confidential case (the head; with a reason)")
    add_common_options(ga)
    ga.add_argument("number")
    ga.add_argument("--user", required=True, metavar="LOGIN")
    ga.add_argument("--reason", required=True)
    ga.set_defaults(handler=cmd_grant_access)
    ra = cs.add_parser("revoke-access", help="take back a grant on a confidential case (the head)")
    add_common_options(ra)
    ra.add_argument("number")
    ra.add_argument("--user", required=True, metavar="LOGIN")
    ra.set_defaults(handler=cmd_revoke_access)
    cf = cs.add_parser("confidential", help="mark a case confidential (--off: no longer)")
    add_common_options(cf)
    cf.add_argument("number")
    cf.add_argument("--off", action="store_true")
    cf.set_defaults(handler=cmd_confidential)


def _filters(p: argparse.ArgumentParser) -> None:
    p.add_argument("--type", choices=IP_TYPES)
    p.add_argument("--status", help="a status or several, comma-separated")
    p.add_argument("--assigned", help="staff member in charge")
    p.add_argument("--from", dest="date_from", help="received on or after YYYY-MM-DD")
    p.add_argument("--to", dest="date_to", help="received on or before YYYY-MM-DD")
    p.add_argument("--deadline", choices=("overdue", "due_soon"))


def _filter_from(args: argparse.Namespace, text: str | None = None) -> CaseFilter:
    status = tuple(s.strip() for s in args.status.split(",")) if args.status else None
    return CaseFilter(ip_type=args.type, status=status, staff=args.assigned,
                      date_from=parse_date(args.date_from, "from"), date_to=parse_date(args.date_to, "to"),
                      deadline=args.deadline, text=text)


def _rows_text(rows: list) -> str:  # type: ignore[type-arg]
    if not rows:
        return "no cases"
    lines = [f"{r.number}  {r.status:<14} {r.type:<12} {r.received_on}  {r.title}  [{r.applicant}]"
             + (f"  {r.deadline_state} {r.due}" if r.deadline_state in ("overdue", "due_soon") else "")
             for r in rows]
    return "\n".join(lines)


def cmd_add(args: argparse.Namespace, ctx: CliContext) -> int:
    rights: list[RightInput] = []
    if args.patent_number:
        rights.append(RightInput(kind="patent", number=args.patent_number))
    if args.mark or args.trademark_number:
        rights.append(RightInput(kind="trademark", title=args.mark or "", number=args.trademark_number or "",
                                 nice_classes=args.classes or "", similar_groups=args.groups or ""))
    if args.gi:
        rights.append(RightInput(kind="gi", title=args.gi))
    if args.secret:
        rights.append(RightInput(kind="trade-secret", secret_description=args.secret))
    new = NewCase(title=args.title, ip_type=args.type,
                  applicant=PartyInput(args.applicant, args.applicant_uscc),
                  opponent=PartyInput(args.opponent, args.opponent_uscc) if args.opponent else None,
                  facts=args.facts, assistance=tuple(a for a in args.assistance.split(",") if a),
                  staff=args.assign or ctx.actor.name, priority=args.priority, confidential=args.confidential,
                  received_on=parse_date(args.received, "received"), rights=tuple(rights))
    svc = CaseService(ctx.store, ctx.actor)
    from qcy_workstation.cases.services import clean_new_case

    clean = clean_new_case(new)  # validate before the conflict check reads anything
    conflicts = svc.conflict_check(clean.applicant.name, clean.opponent.name if clean.opponent else None,
                                   applicant_uscc=clean.applicant.uscc,
                                   opponent_uscc=clean.opponent.uscc if clean.opponent else None)
    real = [c for c in conflicts if c.kind == "conflict"]
    if real and not args.allow_conflict:
        from qcy_workstation.errors import ValidationError

        raise ValidationError("conflict of interest: " + "; ".join(c.message for c in real[:3])
                              + " (use --allow-conflict to save anyway)", field="applicant")
    detail = svc.create(clean)
    payload = {**_detail_dict(detail), "conflicts": conflicts}
    ctx.emit(payload, f"{detail.number} created; acceptance decision due {detail.acceptance_due}"
             + "".join(f"\n  note: {c.message}" for c in conflicts))
    return 0


def _detail_dict(detail) -> dict:  # type: ignore[no-untyped-def,type-arg]
    from dataclasses import asdict

    return asdict(detail)


def cmd_list(args: argparse.Namespace, ctx: CliContext) -> int:
    if args.xlsx:
        from qcy_workstation.cases.export import export_case_list_xlsx

        out = export_case_list_xlsx(ctx.store, _filter_from(args), args.xlsx, actor=ctx.actor, lang=args.lang)
        ctx.emit({"xlsx": str(out)}, f"written {out}")
        return 0
    rows = CaseService(ctx.store, ctx.actor).list(_filter_from(args), offset=args.offset, limit=args.limit,
                                                  sort=args.sort, descending=not args.asc)
    ctx.emit(rows, _rows_text(rows))
    return 0


def cmd_search(args: argparse.Namespace, ctx: CliContext) -> int:
    rows = CaseService(ctx.store, ctx.actor).search(args.text, _filter_from(args), limit=args.limit)
    ctx.emit(rows, _rows_text(rows))
    return 0


def cmd_show(args: argparse.Namespace, ctx: CliContext) -> int:
    d = CaseService(ctx.store, ctx.actor).open(args.number)  # an audited view
    text = (f"{d.number}  {d.title}\n  type {d.type}, status {d.status}, staff {d.staff}, received {d.received_on}"
            f"\n  applicant {d.applicant.name} {d.applicant.uscc or ''}"
            + (f"\n  opponent {d.opponent.name}" if d.opponent else "")
            + (f"\n  due {d.due} ({d.deadline_state})" if d.due else "")
            + "".join(f"\n  right: {r.kind} {r.number} {r.title}" for r in d.rights)
            + f"\n  next: {', '.join(d.allowed_transitions) or '-'}\n  facts: {d.facts}")
    ctx.emit(d, text)
    return 0


def cmd_transition(args: argparse.Namespace, ctx: CliContext) -> int:
    d = CaseService(ctx.store, ctx.actor).transition(args.number, args.status, reason=args.reason,
                                                     on=parse_date(args.on, "on"))
    ctx.emit(d, f"{d.number} is now {d.status}" + (f"; opinion due {d.opinion_due}" if d.status == "accepted" else ""))
    return 0


def cmd_conflicts(args: argparse.Namespace, ctx: CliContext) -> int:
    hits = CaseService(ctx.store, ctx.actor).conflict_check(args.applicant, args.opponent)
    ctx.emit(hits, "\n".join(h.message for h in hits) or "no conflicts found")
    return 0


def cmd_deadlines(args: argparse.Namespace, ctx: CliContext) -> int:
    overview = CaseService(ctx.store, ctx.actor).deadline_overview()
    text = "\n".join(f"{k}:\n{_rows_text(v)}" for k, v in overview.items())
    ctx.emit(overview, text)
    return 0


def cmd_timeline(args: argparse.Namespace, ctx: CliContext) -> int:
    events = CaseService(ctx.store, ctx.actor).timeline(args.number)
    ctx.emit(events, "\n".join(f"{e.at:%Y-%m-%d %H:%M} {e.actor} {e.action} {e.details}" for e in events))
    return 0


def cmd_grant_access(args: argparse.Namespace, ctx: CliContext) -> int:
    CaseService(ctx.store, ctx.actor).grant_access(args.number, args.user, args.reason)
    ctx.emit({"case": args.number, "account": args.user, "reason": args.reason},
             f"{args.user} may now see {args.number}")
    return 0


def cmd_revoke_access(args: argparse.Namespace, ctx: CliContext) -> int:
    CaseService(ctx.store, ctx.actor).revoke_access(args.number, args.user)
    ctx.emit({"case": args.number, "account": args.user, "revoked": True},
             f"{args.user} may no longer see {args.number} (files it already opened cannot be taken back; "
             "files added from now on are sealed with a new case key)")
    return 0


def cmd_confidential(args: argparse.Namespace, ctx: CliContext) -> int:
    d = CaseService(ctx.store, ctx.actor).update(args.number, confidential=not args.off)
    ctx.emit(d, f"{d.number} is {'confidential' if d.confidential else 'not confidential'}")
    return 0
