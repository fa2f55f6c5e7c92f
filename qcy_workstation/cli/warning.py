"""``qcy-workstation warning``: early-warning projects, screening, watch lists, risks and the memo.

    qcy-workstation warning add --title T --enterprise E --kind rd|trade|investment|tech_transfer
                                [--technology TEXT | --technology-file F] [--feature X]... [--mark M]...
                                [--product NAME]... [--classes 30,35] [--gi NAME]... [--region R]
                                [--counterparty NAME]... [--market M]... [--start D] [--end D] [--screen]
    qcy-workstation warning screen NUMBER            # or --watched [--force]: re-screen the watch list
    qcy-workstation warning list [--watched] [--flagged]
    qcy-workstation warning show NUMBER
    qcy-workstation warning ack NUMBER [--risk ID]...
    qcy-workstation warning risk NUMBER ID [--status open|accepted|resolved] [--owner N] [--follow-up D]
    qcy-workstation warning export NUMBER --format pdf|docx --out FILE [--lang zh|en]
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from qcy_workstation.cli.context import CliContext, add_common_options
from qcy_workstation.errors import ValidationError


def register(sub: Any) -> None:
    p = sub.add_parser("warning", help="early warning for R&D, trade, investment and technology-transfer projects")
    add_common_options(p)
    ws = p.add_subparsers(dest="warning_command", metavar="SUBCOMMAND")

    a = ws.add_parser("add", help="register a project (watched) and optionally screen it")
    add_common_options(a)
    a.add_argument("--title", required=True)
    a.add_argument("--enterprise", required=True)
    a.add_argument("--kind", required=True, help="rd | trade | investment | tech_transfer")
    a.add_argument("--uscc", help="the enterprise's unified social credit code")
    a.add_argument("--industry", default="")
    a.add_argument("--technology", default="", help="technology description")
    a.add_argument("--technology-file", metavar="FILE", help="read the technology description from a file")
    a.add_argument("--feature", action="append", default=[], help="a key technical feature (repeatable)")
    a.add_argument("--mark", action="append", default=[], help="a mark to be used (repeatable)")
    a.add_argument("--product", action="append", default=[], help="a product name or label (repeatable)")
    a.add_argument("--classes", default="", help="Nice classes or similar groups, e.g. 30,35")
    a.add_argument("--gi", action="append", default=[], help="a GI involved (repeatable)")
    a.add_argument("--region", default="", help="where the goods are produced (for GI checks)")
    a.add_argument("--counterparty", action="append", default=[], help="a counterparty (repeatable)")
    a.add_argument("--market", action="append", default=[], help="a target market (repeatable)")
    a.add_argument("--start", help="start date YYYY-MM-DD")
    a.add_argument("--end", help="end date YYYY-MM-DD")
    a.add_argument("--owner", default="", help="staff member following the project (default: --staff)")
    a.add_argument("--no-watch", action="store_true", help="do not keep the project on the watch list")
    a.add_argument("--screen", action="store_true", help="screen it right away")
    a.set_defaults(handler=_add)

    s = ws.add_parser("screen", help="screen a project, or re-screen the watch list after a register change")
    add_common_options(s)
    s.add_argument("number", nargs="?", help="project number, e.g. EW-2026-0001")
    s.add_argument("--watched", action="store_true", help="re-screen watched projects whose sources changed")
    s.add_argument("--force", action="store_true", help="with --watched: re-screen all watched projects")
    s.set_defaults(handler=_screen)

    ls = ws.add_parser("list", help="projects with their open risks")
    add_common_options(ls)
    ls.add_argument("--watched", action="store_true")
    ls.add_argument("--flagged", action="store_true", help="only projects with new or changed risks")
    ls.add_argument("--text", help="title, enterprise or number contains")
    ls.set_defaults(handler=_list)

    sh = ws.add_parser("show", help="one project with its risks")
    add_common_options(sh)
    sh.add_argument("number")
    sh.set_defaults(handler=_show)

    ack = ws.add_parser("ack", help="acknowledge new/changed flags (all, or --risk ID)")
    add_common_options(ack)
    ack.add_argument("number")
    ack.add_argument("--risk", type=int, action="append", default=[])
    ack.set_defaults(handler=_ack)

    r = ws.add_parser("risk", help="follow up a risk: status, owner, follow-up date, severity")
    add_common_options(r)
    r.add_argument("number")
    r.add_argument("risk_id", type=int)
    r.add_argument("--status", choices=("open", "accepted", "resolved"))
    r.add_argument("--owner")
    r.add_argument("--follow-up", dest="follow_up", help="YYYY-MM-DD")
    r.add_argument("--severity", choices=("high", "medium", "low"))
    r.set_defaults(handler=_risk)

    e = ws.add_parser("export", help="the early-warning memo (预警备忘录) as PDF or DOCX")
    add_common_options(e)
    e.add_argument("number")
    e.add_argument("--format", choices=("pdf", "docx"), help="default: from the --out suffix")
    e.add_argument("--out", required=True, metavar="FILE")
    e.add_argument("--lang", choices=("zh", "en"), default="zh")
    e.set_defaults(handler=_export)


def _service(ctx: CliContext):  # type: ignore[no-untyped-def]
    from qcy_workstation.warning.service import WarningService

    return WarningService(ctx.store, actor=ctx.actor)


def _risk_line(r: Any) -> str:
    flag = f" [{r.flag}]" if r.flag else ""
    gone = " (no longer found)" if not r.active else ""
    return f"  #{r.id} {r.severity:<6} {r.category:<9} {r.subject} -> {r.target} {r.target_ref}{flag}{gone}\n      {r.reason}"


def _add(args: argparse.Namespace, ctx: CliContext) -> int:
    from qcy_workstation.cases.validation import parse_date
    from qcy_workstation.warning.dto import NewProject

    technology = args.technology
    if args.technology_file:
        path = Path(args.technology_file)
        if not path.exists():
            raise ValidationError(f"file not found: {path}", field="technology_file", value=str(path))
        technology = path.read_text(encoding="utf-8")
    new = NewProject(title=args.title, enterprise=args.enterprise, kind=args.kind, enterprise_uscc=args.uscc,
                     industry=args.industry, target_markets=tuple(args.market), technology=technology,
                     key_features=tuple(args.feature), marks=tuple(args.mark), product_names=tuple(args.product),
                     nice_classes=args.classes, gis=tuple(args.gi), producer_region=args.region,
                     counterparties=tuple(args.counterparty), start_on=parse_date(args.start, "start"),
                     end_on=parse_date(args.end, "end"), owner=args.owner or ctx.actor.name, watched=not args.no_watch)
    svc = _service(ctx)
    project = svc.add(new)
    payload: dict[str, Any] = {"project": project}
    text = f"{project.number} {project.title} ({project.enterprise})"
    if args.screen:
        result = svc.screen(project.number)
        payload["screening"] = result
        text += f"\nscreened: {len(result.risks)} risk(s)\n" + "\n".join(_risk_line(r) for r in result.risks)
    ctx.emit(payload, text)
    return 0


def _screen(args: argparse.Namespace, ctx: CliContext) -> int:
    svc = _service(ctx)
    if args.watched:
        results = svc.rescreen_watched(force=args.force)
        lines = [f"{r.project}: {len(r.new)} new, {len(r.changed)} changed, {len(r.gone)} gone, {r.unchanged} unchanged"
                 for r in results] or ["no watched project needs re-screening (sources unchanged)"]
        ctx.emit({"screenings": results}, "\n".join(lines))
        return 0
    if not args.number:
        raise ValidationError("give a project number or --watched", field="number")
    r = svc.screen(args.number)
    text = (f"{r.project}: {len(r.risks)} risk(s); {len(r.new)} new, {len(r.changed)} changed, {len(r.gone)} gone\n"
            + "\n".join(_risk_line(x) for x in r.risks) + f"\n{' / '.join(r.notes)}")
    ctx.emit(r, text)
    return 0


def _list(args: argparse.Namespace, ctx: CliContext) -> int:
    rows = _service(ctx).list(watched_only=args.watched, flagged_only=args.flagged, text=args.text)
    text = "\n".join(f"{r.number}  {r.title}  {r.enterprise}  [{r.kind}]  high {r.risks_high} / medium "
                     f"{r.risks_medium} / low {r.risks_low}  flagged {r.flagged}"
                     + ("  (not screened yet)" if r.last_screened_at is None
                        else "  (sources changed: re-screen)" if r.needs_rescreen else "") for r in rows) or "no projects"
    ctx.emit(rows, text)
    return 0


def _show(args: argparse.Namespace, ctx: CliContext) -> int:
    p = _service(ctx).get(args.number)
    text = (f"{p.number} {p.title}\n{p.enterprise} [{p.kind}] watched={p.watched} status={p.status}\n"
            + "\n".join(_risk_line(r) for r in p.risks))
    ctx.emit(p, text)
    return 0


def _ack(args: argparse.Namespace, ctx: CliContext) -> int:
    p = _service(ctx).acknowledge(args.number, args.risk or None)
    ctx.emit(p, f"{p.number}: flags cleared ({sum(1 for r in p.risks if r.flag)} still flagged)")
    return 0


def _risk(args: argparse.Namespace, ctx: CliContext) -> int:
    r = _service(ctx).update_risk(args.number, args.risk_id, status=args.status, owner=args.owner,
                                  follow_up_on=args.follow_up, severity=args.severity)
    ctx.emit(r, _risk_line(r) + f"\n      status {r.status}, owner {r.owner}, follow-up {r.follow_up_on}")
    return 0


def _export(args: argparse.Namespace, ctx: CliContext) -> int:
    out = _service(ctx).export_memo(args.number, args.out, fmt=args.format, lang=args.lang)
    fmt = (args.format or out.suffix.lstrip(".")).lower()
    ctx.emit({"project": args.number, "out": str(out), "format": fmt, "lang": args.lang}, f"memo: {out}")
    return 0
