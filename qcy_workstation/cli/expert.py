"""``qcy-workstation expert ...`` and ``qcy-workstation panel ...``: the expert pool and expert panels on
difficult cases (issue 17 item 2)."""

from __future__ import annotations

import argparse

from qcy_workstation.cases.validation import parse_date
from qcy_workstation.cli.context import CliContext, add_common_options
from qcy_workstation.experts.dto import ExpertView, NewExpert, NewPanel, PanelView, Seat
from qcy_workstation.experts.service import ExpertService


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("expert", help="the expert pool (field, IPC or Nice classes, affiliation)")
    add_common_options(p)
    es = p.add_subparsers(dest="expert_command", metavar="ACTION", required=True)
    a = es.add_parser("add", help="add an expert to the pool")
    add_common_options(a)
    a.add_argument("--name", required=True)
    a.add_argument("--field", default="", help="e.g. 通信技术, 商标法")
    a.add_argument("--ipc", default="", help="IPC symbols, comma-separated (H04L, G06F 17/30)")
    a.add_argument("--nice", default="", help="Nice classes, comma-separated (30, 43)")
    a.add_argument("--affiliation", default="", help="university, firm, office ... (checked against parties)")
    a.add_argument("--contact", default="")
    a.set_defaults(handler=cmd_add)
    u = es.add_parser("update", help="correct an expert's entry or take them out of (or back into) the pool")
    add_common_options(u)
    u.add_argument("expert", help="id or exact name")
    u.add_argument("--field")
    u.add_argument("--ipc")
    u.add_argument("--nice")
    u.add_argument("--affiliation")
    u.add_argument("--contact")
    state = u.add_mutually_exclusive_group()
    state.add_argument("--inactive", dest="active", action="store_false", default=None)
    state.add_argument("--active", dest="active", action="store_true")
    u.set_defaults(handler=cmd_update)
    ls = es.add_parser("list", help="the pool by name")
    add_common_options(ls)
    ls.add_argument("--ipc", help="experts with an IPC symbol like this one (H04 finds H04L)")
    ls.add_argument("--nice", help="experts with this Nice class")
    ls.add_argument("--text", help="in name, field or affiliation")
    ls.add_argument("--all", action="store_true", help="also those no longer in the pool")
    ls.add_argument("--case", help="mark the experts in conflict with this case's parties")
    ls.set_defaults(handler=cmd_list)
    sh = es.add_parser("show", help="one expert")
    add_common_options(sh)
    sh.add_argument("expert", help="id or exact name")
    sh.set_defaults(handler=cmd_show)

    pp = sub.add_parser("panel", help="expert panels on difficult cases: convene, record opinions, conclude")
    add_common_options(pp)
    ps = pp.add_subparsers(dest="panel_command", metavar="ACTION", required=True)
    pa = ps.add_parser("add", help="convene a panel on a case (experts in conflict with a party are refused)")
    add_common_options(pa)
    pa.add_argument("--case", required=True)
    pa.add_argument("--expert", action="append", default=[], metavar="ID_OR_NAME",
                    help="an expert to seat (repeat for each)")
    pa.add_argument("--on", help="date of the meeting YYYY-MM-DD (default today)")
    pa.add_argument("--questions", default="", help="the questions put to the panel")
    pa.set_defaults(handler=cmd_panel_add)
    po = ps.add_parser("opinion", help="record one expert's opinion and hours or fee")
    add_common_options(po)
    po.add_argument("number")
    po.add_argument("--expert", required=True, metavar="ID_OR_NAME")
    po.add_argument("--opinion")
    po.add_argument("--hours")
    po.add_argument("--fee", help="yuan")
    po.set_defaults(handler=cmd_panel_opinion)
    pc = ps.add_parser("conclude", help="the panel's conclusion and dissent (closes the panel)")
    add_common_options(pc)
    pc.add_argument("number")
    pc.add_argument("--conclusion", required=True)
    pc.add_argument("--dissent", default="")
    pc.add_argument("--on", help="YYYY-MM-DD (default today)")
    pc.set_defaults(handler=cmd_panel_conclude)
    pl = ps.add_parser("list", help="panels, latest meeting first")
    add_common_options(pl)
    pl.add_argument("--case")
    pl.set_defaults(handler=cmd_panel_list)
    pw = ps.add_parser("show", help="one panel with each expert's opinion")
    add_common_options(pw)
    pw.add_argument("number")
    pw.set_defaults(handler=cmd_panel_show)


def _expert_line(e: ExpertView) -> str:
    classes = ",".join(e.ipc_classes) + ("; Nice " + ",".join(e.nice_classes) if e.nice_classes else "")
    return (f"{e.id:>4} {e.name}  {e.affiliation or '-'}  [{e.field or '-'}]  {classes or '-'}  panels: {e.panels}"
            + ("" if e.active else "  (no longer in the pool)"))


def _panel_line(p: PanelView) -> str:
    state = f"concluded {p.concluded_on}" if p.concluded else "open"
    return f"{p.number}  {p.held_on}  {p.case_number}  {len(p.seats)} experts  [{state}]"


def _panel_details(p: PanelView) -> str:
    lines = [_panel_line(p), f"  case: {p.case_number} {p.case_title}"]
    if p.questions:
        lines.append(f"  questions: {p.questions}")
    for s in p.seats:
        paid = ", ".join(x for x in (f"{s.hours:g} h" if s.hours is not None else "",
                                     f"{s.fee:.2f} yuan" if s.fee is not None else "") if x)
        lines.append(f"  - {s.name} ({s.affiliation or '-'})" + (f" [{paid}]" if paid else "")
                     + f": {s.opinion or '(no opinion recorded yet)'}")
    if p.concluded:
        lines.append(f"  conclusion: {p.conclusion}")
        if p.dissent:
            lines.append(f"  dissent: {p.dissent}")
    lines.append(f"  total: {p.total_hours:g} h, {p.total_fee:.2f} yuan")
    return "\n".join(lines)


def cmd_add(args: argparse.Namespace, ctx: CliContext) -> int:
    e = ExpertService(ctx.store, ctx.actor).add_expert(NewExpert(
        name=args.name, field=args.field, ipc_classes=args.ipc, nice_classes=args.nice, affiliation=args.affiliation,
        contact=args.contact))
    ctx.emit(e, f"expert {e.id} added: {e.label}")
    return 0


def cmd_update(args: argparse.Namespace, ctx: CliContext) -> int:
    e = ExpertService(ctx.store, ctx.actor).update_expert(
        args.expert, field=args.field, ipc_classes=args.ipc, nice_classes=args.nice, affiliation=args.affiliation,
        contact=args.contact, active=args.active)
    ctx.emit(e, _expert_line(e))
    return 0


def cmd_list(args: argparse.Namespace, ctx: CliContext) -> int:
    svc = ExpertService(ctx.store, ctx.actor)
    rows = svc.list_experts(include_inactive=args.all, ipc=args.ipc, nice=args.nice, text=args.text)
    if args.case:
        hits = {h.expert_id: h for h in svc.conflicts(args.case, tuple(e.id for e in rows))}
        payload = [{**_plain(e), "conflict": ({"party": hits[e.id].party, "role": hits[e.id].role,
                                               "matched": hits[e.id].matched} if e.id in hits else None)}
                   for e in rows]
        text = "\n".join(_expert_line(e) + (f"  CONFLICT: {hits[e.id].matched} resembles {hits[e.id].party} "
                                            f"({hits[e.id].role})" if e.id in hits else "") for e in rows)
        ctx.emit(payload, text or "no experts in the pool")
        return 0
    ctx.emit(rows, "\n".join(_expert_line(e) for e in rows) or "no experts in the pool (expert add ...)")
    return 0


def _plain(e: ExpertView) -> dict[str, object]:
    from dataclasses import asdict

    return asdict(e)


def cmd_show(args: argparse.Namespace, ctx: CliContext) -> int:
    e = ExpertService(ctx.store, ctx.actor).get_expert(args.expert)
    ctx.emit(e, _expert_line(e) + (f"\n  contact: {e.contact}" if e.contact else ""))
    return 0


def cmd_panel_add(args: argparse.Namespace, ctx: CliContext) -> int:
    p = ExpertService(ctx.store, ctx.actor).add_panel(NewPanel(
        case_number=args.case, experts=tuple(Seat(x) for x in args.expert), held_on=parse_date(args.on, "on"),
        questions=args.questions))
    ctx.emit(p, f"panel {p.number} convened\n{_panel_details(p)}")
    return 0


def cmd_panel_opinion(args: argparse.Namespace, ctx: CliContext) -> int:
    p = ExpertService(ctx.store, ctx.actor).record_opinion(args.number, args.expert, opinion=args.opinion,
                                                           hours=args.hours, fee=args.fee)
    ctx.emit(p, _panel_details(p))
    return 0


def cmd_panel_conclude(args: argparse.Namespace, ctx: CliContext) -> int:
    p = ExpertService(ctx.store, ctx.actor).conclude(args.number, args.conclusion, dissent=args.dissent,
                                                     on=parse_date(args.on, "on"))
    ctx.emit(p, _panel_details(p))
    return 0


def cmd_panel_list(args: argparse.Namespace, ctx: CliContext) -> int:
    rows = ExpertService(ctx.store, ctx.actor).list_panels(args.case)
    ctx.emit(rows, "\n".join(_panel_line(p) for p in rows) or "no expert panels")
    return 0


def cmd_panel_show(args: argparse.Namespace, ctx: CliContext) -> int:
    p = ExpertService(ctx.store, ctx.actor).get_panel(args.number)
    ctx.emit(p, _panel_details(p))
    return 0
